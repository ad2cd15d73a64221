package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.JsonProviders;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * The downloads of the statistics (CSV, XLSX) and the open datasets against the API they come from,
 * on the demo province and dossiers this class drives itself: every figure of every row is the
 * API's, the results are the board's rows of the period, the catalogue has every procedure, bad
 * requests are problems, and no applicant's personal data but the masked name is in any file.
 */
@PortalWideFigures
class OpenDataIT extends PortalIntegrationTest {

  static final String DISTRICT = "000.00.31.H91";
  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Set<String> TEXT = Set.of("section", "key", "name", "tier");
  static final Set<String> RATES = Set.of("onTimeRate", "onlineShare");

  private static Http officer;
  private static Http pub;

  @BeforeAll
  static void accounts() {
    officer = portal.newAccount("OFFICER", COMMUNE).http();
    pub = portal.http();
  }

  // --- the statistics ---

  @Test
  void statisticsCsvXlsxAndOpenDataHoldEveryFigureOfTheApi() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    int year = today.getYear();
    for (String query :
        List.of(
            "period=" + year,
            "period=" + year + "&groupBy=tier&agency=" + DISTRICT,
            "from=" + today.minusDays(40) + "&to=" + today + "&groupBy=procedure",
            "period=" + YearMonth.from(today).minusMonths(1) + "&groupBy=field",
            "period=" + year + "&groupBy=level",
            "period=" + year + "&groupBy=month")) {
      JsonObject api = ok("/api/v1/statistics?" + query).json();
      assertTrue(api.getJsonObject("total").getInt("received") > 0, query);
      List<Map<String, String>> expected = statisticsRows(api);

      Http.Response csv = ok("/api/v1/statistics.csv?" + query);
      assertEquals("text/csv", csv.mediaType());
      assertTrue(csv.header("Content-Type").orElse("").toLowerCase().contains("utf-8"));
      String disposition = csv.header("Content-Disposition").orElse("");
      assertTrue(disposition.startsWith("attachment; filename=\"statistics-"), disposition);
      String period =
          query.startsWith("period=") ? query.split("[=&]")[1] : today.minusDays(40) + "_" + today;
      assertTrue(disposition.contains(period + ".csv\""), disposition + " names " + period);
      assertEquals("public, max-age=300", csv.header("Cache-Control").orElse(""));
      assertSameRows(expected, records(csv), query + " (csv)");

      Http.Response xlsx = ok("/api/v1/statistics.xlsx?" + query);
      assertEquals(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.mediaType());
      assertTrue(xlsx.header("Content-Disposition").orElse("").contains(period + ".xlsx"));
      assertSameRows(expected, sheet(xlsx.bytes(), "statistics"), query + " (xlsx)");

      JsonObject open = ok("/api/v1/open-data/statistics.json?" + query).json();
      assertEquals("statistics", open.getString("dataset"));
      assertEquals(api.getString("from"), open.getJsonObject("period").getString("from"));
      assertEquals(api.getString("to"), open.getJsonObject("period").getString("to"));
      assertEquals(api.getString("countedTo"), open.getJsonObject("period").getString("countedTo"));
      assertEquals(
          expected.get(0).keySet().stream().toList(),
          open.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
              .map(f -> f.getString("name"))
              .toList());
      assertSameRows(expected, jsonRows(open), query + " (open data json)");
      assertSameRows(
          expected,
          records(ok("/api/v1/open-data/statistics.csv?" + query)),
          query + " (open data csv)");
    }
  }

  @Test
  void theStatisticsDatasetIsTheLastCompleteMonthByDefaultWithItsLicence() {
    YearMonth last = YearMonth.from(LocalDate.now(VIETNAM)).minusMonths(1);
    Http.Response r = ok("/api/v1/open-data/statistics.json");
    assertEquals("application/json", r.mediaType());
    assertEquals("public, max-age=300", r.header("Cache-Control").orElse(""));
    JsonObject doc = r.json();
    assertEquals(last.atDay(1).toString(), doc.getJsonObject("period").getString("from"));
    assertEquals(last.atEndOfMonth().toString(), doc.getJsonObject("period").getString("to"));
    assertEquals(
        "Creative Commons Attribution 4.0 (CC BY 4.0)",
        doc.getJsonObject("licence").getString("name"));
    assertEquals(
        "https://creativecommons.org/licenses/by/4.0/",
        doc.getJsonObject("licence").getString("url"));
    assertTrue(doc.getString("source").endsWith("/open-data"), doc.getString("source"));
    OffsetDateTime.parse(doc.getString("generatedAt"));
    assertSameRows(
        statisticsRows(ok("/api/v1/statistics?period=" + last).json()),
        jsonRows(doc),
        "the last month");
    assertTrue(
        r.header("Content-Disposition").orElse("").contains("statistics-" + last + ".json"),
        r.toString());
  }

  @Test
  void onlineUptakeDownloadsHoldTheApisRowsAndEveryIdleOffering() throws Exception {
    String query = "period=" + LocalDate.now(VIETNAM).getYear() + "&agency=" + DISTRICT;
    JsonObject api = ok("/api/v1/statistics/online-uptake?" + query).json();
    List<String> columns =
        List.of(
            "section",
            "key",
            "name",
            "tier",
            "offeredOnline",
            "withOnlineDossiers",
            "received",
            "receivedOnline",
            "onlineShare");
    List<Map<String, String>> expected = new ArrayList<>();
    for (JsonObject row : api.getJsonArray("rows").getValuesAs(JsonObject.class)) {
      expected.add(ordered(flat("rows", row), columns));
    }
    expected.add(ordered(flat("total", api.getJsonObject("total")), columns));
    assertSameRows(
        expected, records(ok("/api/v1/statistics/online-uptake.csv?" + query)), "uptake csv");
    List<Map<String, String>> idle =
        records(ok("/api/v1/statistics/online-uptake.csv?table=idle&" + query));
    assertEquals(api.getJsonNumber("idleCount").longValue(), idle.size(), "every idle offering");
    assertEquals(
        List.of("agencyCode", "agencyName", "procedureCode", "procedureName", "level"),
        List.copyOf(idle.get(0).keySet()));
    List<String> listed =
        api.getJsonArray("idle").getValuesAs(JsonObject.class).stream()
            .map(i -> i.getString("agencyCode") + " " + i.getString("procedureCode"))
            .toList();
    assertEquals(
        listed,
        idle.stream()
            .limit(listed.size())
            .map(i -> i.get("agencyCode") + " " + i.get("procedureCode"))
            .toList());

    Http.Response xlsx = ok("/api/v1/statistics/online-uptake.xlsx?" + query);
    assertSameRows(expected, sheet(xlsx.bytes(), "online-uptake"), "uptake xlsx");
    assertEquals(idle.size(), sheet(xlsx.bytes(), "online-uptake-idle").size());
  }

  // --- the results and the catalogue ---

  @Test
  void theResultsDatasetHoldsTheBoardsRowsOfThePeriod() {
    LocalDate today = LocalDate.now(VIETNAM);
    String code = submit("COUNTER", citizen("Đỗ Văn Mở", "079188101010", null, null, null));
    act(code, "START_PROCESSING", null);
    act(code, "RESOLVE", null);
    String period = "from=" + today.minusDays(20) + "&to=" + today + "&agency=" + DISTRICT;
    List<Map<String, String>> expected = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonObject p = ok("/api/v1/results?size=100&page=" + page + "&" + period).json();
      p.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(i -> expected.add(resultRow(i)));
      if ((page + 1) * 100 >= p.getInt("total")) {
        break;
      }
    }
    assertTrue(expected.size() > 1, "the demo district finished dossiers lately");
    assertEquals(code, expected.get(0).get("code"), "newest first");

    JsonObject open = ok("/api/v1/open-data/results.json?" + period).json();
    assertEquals("results", open.getString("dataset"));
    assertEquals(today.minusDays(20).toString(), open.getJsonObject("period").getString("from"));
    assertSameResults(expected, jsonRows(open), "json");
    Http.Response csv = ok("/api/v1/open-data/results.csv?" + period);
    assertTrue(
        csv.header("Content-Disposition")
            .orElse("")
            .contains("results-" + DISTRICT + "-" + today.minusDays(20) + "_" + today + ".csv"),
        csv.toString());
    assertSameResults(expected, records(csv), "csv");

    YearMonth last = YearMonth.from(today).minusMonths(1);
    JsonObject byDefault = ok("/api/v1/open-data/results.json?agency=" + COMMUNE).json();
    assertEquals(last.atDay(1).toString(), byDefault.getJsonObject("period").getString("from"));
    long lastMonth =
        ok("/api/v1/results?agency="
                + COMMUNE
                + "&from="
                + last.atDay(1)
                + "&to="
                + last.atEndOfMonth())
            .json()
            .getJsonNumber("total")
            .longValue();
    assertEquals(lastMonth, byDefault.getJsonArray("rows").size());
  }

  @Test
  void theProceduresDatasetHasEveryProcedureOfTheCatalogueAndItsOfferings() {
    long procedures = ok("/api/v1/procedures?size=1").json().getJsonNumber("total").longValue();
    List<Map<String, String>> csv = records(ok("/api/v1/open-data/procedures.csv"));
    assertEquals(procedures, csv.stream().map(r -> r.get("procedureCode")).distinct().count());
    JsonObject json = ok("/api/v1/open-data/procedures.json").json();
    assertEquals(csv.size(), json.getJsonArray("rows").size(), "the same rows in both formats");
    assertFalse(json.containsKey("period"));

    JsonObject procedure = ok("/api/v1/procedures/" + PROCEDURE).json();
    Set<String> offerings =
        procedure.getJsonArray("offerings").getValuesAs(JsonObject.class).stream()
            .map(o -> o.getString("agencyCode") + "@" + o.getInt("level"))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> rows =
        csv.stream()
            .filter(r -> r.get("procedureCode").equals(PROCEDURE))
            .map(r -> r.get("agencyCode") + "@" + r.get("level"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(offerings, rows);
    Map<String, String> one =
        csv.stream()
            .filter(r -> r.get("procedureCode").equals(PROCEDURE))
            .findFirst()
            .orElseThrow();
    assertEquals(procedure.getString("name"), one.get("procedureName"));
    assertEquals(procedure.getString("field"), one.get("field"));
    // the first time limit with an amount, and every fee, as the procedure's API shows them
    List<JsonObject> limits =
        procedure.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
            .flatMap(c -> c.getJsonArray("timeLimits").getValuesAs(JsonObject.class).stream())
            .toList();
    JsonObject first =
        limits.stream()
            .filter(
                t ->
                    t.containsKey("amount")
                        && t.get("amount").getValueType() == JsonValue.ValueType.NUMBER)
            .findFirst()
            .orElseThrow(() -> new AssertionError("a time limit: " + procedure));
    assertEquals(
        0,
        first
            .getJsonNumber("amount")
            .bigDecimalValue()
            .compareTo(new BigDecimal(one.get("timeLimit"))),
        one.toString());
    assertEquals(first.getString("unit"), one.get("timeLimitUnit"));
    limits.stream()
        .flatMap(t -> t.getJsonArray("fees").getValuesAs(JsonObject.class).stream())
        .filter(
            f ->
                f.containsKey("amount")
                    && f.get("amount").getValueType() == JsonValue.ValueType.NUMBER)
        .forEach(
            f ->
                assertTrue(
                    one.get("fees")
                        .contains(
                            f.getJsonNumber("amount")
                                .bigDecimalValue()
                                .stripTrailingZeros()
                                .toPlainString()),
                    f + " in " + one.get("fees")));
  }

  // --- bad requests ---

  @Test
  void badRequestsAreProblemsAndNeverAServerError() {
    problem("/api/v1/statistics.csv?from=30-11-2026", 400, "from");
    problem("/api/v1/statistics.xlsx?groupBy=weather&period=2026-Q5", 400, "groupBy", "period");
    problem("/api/v1/statistics.csv?agency=khong-co", 404);
    problem("/api/v1/statistics.xlsx?from=2026-11-30&to=2026-11-01", 400, "to");
    problem("/api/v1/statistics/online-uptake.csv?groupBy=tier", 400, "groupBy");
    problem("/api/v1/statistics/online-uptake.xlsx?groupBy=month", 400, "groupBy");
    problem("/api/v1/statistics/online-uptake.csv?table=everything", 400, "table");
    problem("/api/v1/open-data/statistics.csv?period=2026-13", 400, "period");
    problem("/api/v1/open-data/statistics.json?agency=khong-co", 404);
    problem("/api/v1/open-data/results.json?from=2020-01-01&to=2026-01-01", 400, "to");
    problem("/api/v1/open-data/results.csv?agency=999.99.99.ZZ", 400, "agency");
    problem("/api/v1/open-data/results.csv?from=hom-qua", 400, "from");
    Http.Response unknown = problem("/api/v1/open-data/weather.csv", 404);
    assertTrue(unknown.json().getString("detail").contains("weather"), unknown.toString());
    Http.Response english = pub.get("/api/v1/open-data/weather.json", "Accept-Language", "en");
    assertEquals(404, english.status());
    assertTrue(
        english.json().getString("detail").startsWith("There is no open dataset"),
        english.toString());
    Http.Response format = problem("/api/v1/open-data/statistics.xml", 404);
    assertTrue(format.json().getString("detail").contains("xml"), format.toString());
    problem("/api/v1/open-data/statistics", 404);
    String openapi = pub.get("/openapi").body();
    for (String path :
        List.of(
            "v1/statistics.csv:",
            "v1/statistics.xlsx:",
            "v1/statistics/online-uptake.csv:",
            "v1/statistics/online-uptake.xlsx:",
            "v1/open-data/{file}:")) {
      assertTrue(openapi.contains(path), path + " is in the OpenAPI document");
    }
    problem("/api/v1/open-data/", 404);
    for (String odd :
        List.of(
            "/api/v1/open-data/..json",
            "/api/v1/open-data/results.json?" + "period=" + "9".repeat(30),
            "/api/v1/open-data/statistics.csv?groupBy=%00",
            "/api/v1/statistics.csv?from=%00&to=x")) {
      Http.Response r = pub.get(odd);
      assertTrue(r.status() == 400 || r.status() == 404, odd + " -> " + r);
      assertEquals("application/problem+json", r.mediaType(), r.toString());
    }
  }

  // --- no personal data ---

  @Test
  void noApplicantsPersonalDataIsInAnyFile() throws Exception {
    String name = "Phùng Thị Dữ Liệu Mở";
    String idNumber = "079299456123";
    String phone = "0912 345 876";
    String email = "phung.du.lieu.mo.kiemthu@example.org";
    String address = "Số 42 hẻm Công Khai, phường Dữ Liệu";
    String note = "Ghi chú riêng tư số 8152 về người nộp";
    String code = submit("COUNTER", citizen(name, idNumber, phone, email, address));
    act(code, "START_PROCESSING", "\"note\":" + JsonProviders.JSON.createValue(note));
    act(code, "RESOLVE", "\"note\":" + JsonProviders.JSON.createValue(note + " (kết quả)"));
    String open = submit("COUNTER", citizen(name, idNumber, phone, email, address));
    act(open, "START_PROCESSING", "\"note\":" + JsonProviders.JSON.createValue(note));

    LocalDate today = LocalDate.now(VIETNAM);
    String day = "from=" + today + "&to=" + today;
    List<String> secrets =
        List.of(name, "Dữ Liệu Mở", idNumber, phone, phone.replace(" ", ""), email, address, note);
    Map<String, String> files = new LinkedHashMap<>();
    for (String dataset : List.of("statistics", "results", "procedures")) {
      for (String format : List.of("csv", "json")) {
        files.put(
            dataset + "." + format,
            text(
                ok(
                    "/api/v1/open-data/"
                        + dataset
                        + "."
                        + format
                        + "?"
                        + day
                        + (dataset.equals("statistics") ? "&groupBy=procedure" : ""))));
      }
    }
    for (String groupBy : List.of("agency", "procedure")) {
      files.put(
          "statistics.csv " + groupBy,
          text(ok("/api/v1/statistics.csv?" + day + "&groupBy=" + groupBy)));
      files.put(
          "statistics.xlsx " + groupBy,
          text(ok("/api/v1/statistics.xlsx?" + day + "&groupBy=" + groupBy)));
      files.put(
          "online-uptake.csv " + groupBy,
          text(ok("/api/v1/statistics/online-uptake.csv?" + day + "&groupBy=" + groupBy)));
      files.put(
          "online-uptake.xlsx " + groupBy,
          text(ok("/api/v1/statistics/online-uptake.xlsx?" + day + "&groupBy=" + groupBy)));
    }
    files.put(
        "online-uptake idle", text(ok("/api/v1/statistics/online-uptake.csv?table=idle&" + day)));
    assertTrue(
        files.get("results.csv").contains(code) && files.get("results.json").contains(code),
        "the finished dossier is in the results");
    assertFalse(files.get("results.csv").contains(open), "one in progress is not");
    assertTrue(
        files.get("results.csv").contains("Phùng T. D. L. M.")
            && files.get("results.json").contains("Phùng T. D. L. M."),
        "with its masked name");
    for (Map.Entry<String, String> file : files.entrySet()) {
      for (String secret : secrets) {
        assertFalse(
            file.getValue().contains(secret),
            file.getKey() + " must not contain \"" + secret + "\"");
      }
    }
  }

  // --- helpers ---

  private static Http.Response ok(String path) {
    Http.Response r = pub.get(path);
    assertEquals(200, r.status(), r.toString());
    return r;
  }

  private static Http.Response problem(String path, int status, String... fields) {
    Http.Response r = pub.get(path);
    assertEquals(status, r.status(), r.toString());
    assertEquals("application/problem+json", r.mediaType(), r.toString());
    if (fields.length > 0) {
      assertEquals(new TreeSet<>(Arrays.asList(fields)), r.errorFields(), r.toString());
    }
    return r;
  }

  static final List<String> STATISTICS_COLUMNS =
      List.of(
          "section",
          "key",
          "name",
          "tier",
          "received",
          "carriedOver",
          "receivedOnline",
          "receivedOffline",
          "transferredIn",
          "transferredOut",
          "resolved",
          "resolvedEarly",
          "resolvedOnTime",
          "resolvedLate",
          "withdrawn",
          "inProgress",
          "inProgressWithinTime",
          "inProgressOverdue",
          "onTimeRate",
          "onlineShare");

  /** The API's answer as the rows of the downloads: rows, then tiers, then the total. */
  private static List<Map<String, String>> statisticsRows(JsonObject api) {
    List<Map<String, String>> out = new ArrayList<>();
    api.getJsonArray("rows")
        .getValuesAs(JsonObject.class)
        .forEach(r -> out.add(pick(flat("rows", r), STATISTICS_COLUMNS)));
    api.getJsonArray("tiers")
        .getValuesAs(JsonObject.class)
        .forEach(r -> out.add(pick(flat("tiers", r), STATISTICS_COLUMNS)));
    JsonObject total =
        JsonProviders.JSON
            .createObjectBuilder(api.getJsonObject("total"))
            .add("key", "TOTAL")
            .addNull("name")
            .addNull("tier")
            .build();
    out.add(pick(flat("total", total), STATISTICS_COLUMNS));
    return out;
  }

  /** The row's values of those columns, in their order; each must be in the row. */
  private static Map<String, String> pick(Map<String, String> row, List<String> columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String c : columns) {
      assertTrue(row.containsKey(c), c + " in " + row);
      out.put(c, row.get(c));
    }
    return out;
  }

  /** A row of the API as text, in the order of the downloads' columns: section first. */
  private static Map<String, String> flat(String section, JsonObject row) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("section", section);
    for (String k : List.of("key", "name", "tier")) {
      out.put(k, row.containsKey(k) ? value(row.get(k)) : "");
    }
    row.forEach((k, v) -> out.putIfAbsent(k, value(v)));
    return out;
  }

  private static Map<String, String> ordered(Map<String, String> row, List<String> columns) {
    assertEquals(new TreeSet<>(columns), new TreeSet<>(row.keySet()));
    Map<String, String> out = new LinkedHashMap<>();
    columns.forEach(c -> out.put(c, row.get(c)));
    return out;
  }

  private static String value(JsonValue v) {
    return switch (v.getValueType()) {
      case NULL -> "";
      case STRING -> ((jakarta.json.JsonString) v).getString();
      default -> v.toString();
    };
  }

  private static void assertSameRows(
      List<Map<String, String>> expected, List<Map<String, String>> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": rows");
    assertEquals(
        List.copyOf(expected.get(0).keySet()),
        List.copyOf(actual.get(0).keySet()),
        what + ": columns");
    for (int i = 0; i < expected.size(); i++) {
      Map<String, String> e = expected.get(i);
      Map<String, String> a = actual.get(i);
      for (String column : e.keySet()) {
        String ev = e.get(column);
        String av = a.get(column);
        String where = what + " row " + i + " " + column + ": " + e + " vs " + a;
        if (ev.isEmpty() || av.isEmpty() || TEXT.contains(column)) {
          assertEquals(ev, av, where);
        } else if (RATES.contains(column)) {
          assertEquals(Double.parseDouble(ev), Double.parseDouble(av), 1e-12, where);
        } else {
          assertEquals(0, new BigDecimal(ev).compareTo(new BigDecimal(av)), where);
        }
      }
    }
  }

  private static Map<String, String> resultRow(JsonObject i) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("code", i.getString("code"));
    out.put("procedureCode", i.getJsonObject("procedure").getString("code"));
    out.put("procedureName", i.getJsonObject("procedure").getString("name"));
    out.put("agencyCode", i.getJsonObject("agency").getString("code"));
    out.put("agencyName", i.getJsonObject("agency").getString("name"));
    JsonObject receiving = i.getJsonObject("receivingAgency");
    out.put("receivingAgencyCode", receiving == null ? "" : receiving.getString("code"));
    out.put("receivingAgencyName", receiving == null ? "" : receiving.getString("name"));
    out.put("field", i.containsKey("field") ? i.getString("field") : "");
    out.put("level", i.containsKey("level") ? String.valueOf(i.getInt("level")) : "");
    for (String t : List.of("receivedAt", "dueAt", "finishedAt")) {
      out.put(t, i.containsKey(t) ? i.getString(t) : "");
    }
    out.put("timeliness", i.getString("timeliness"));
    out.put("applicant", i.getString("applicant"));
    return out;
  }

  private static void assertSameResults(
      List<Map<String, String>> expected, List<Map<String, String>> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": rows");
    assertEquals(List.copyOf(expected.get(0).keySet()), List.copyOf(actual.get(0).keySet()));
    for (int i = 0; i < expected.size(); i++) {
      for (String column : expected.get(i).keySet()) {
        String e = expected.get(i).get(column);
        String a = actual.get(i).get(column);
        if (column.endsWith("At") && !e.isEmpty()) {
          assertEquals(
              OffsetDateTime.parse(e).toInstant(),
              OffsetDateTime.parse(a).toInstant(),
              what + " row " + i + " " + column);
          assertTrue(a.endsWith("+07:00"), a);
        } else {
          assertEquals(e, a, what + " row " + i + " " + column);
        }
      }
    }
  }

  private static List<Map<String, String>> jsonRows(JsonObject doc) {
    List<String> fields =
        doc.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
            .map(f -> f.getString("name"))
            .toList();
    List<Map<String, String>> out = new ArrayList<>();
    for (JsonObject row : doc.getJsonArray("rows").getValuesAs(JsonObject.class)) {
      assertEquals(fields, List.copyOf(row.keySet()), "every field, in order");
      Map<String, String> m = new LinkedHashMap<>();
      fields.forEach(f -> m.put(f, value(row.get(f))));
      out.add(m);
    }
    return out;
  }

  /** A CSV answer as records by column name; checks the byte order mark and RFC 4180. */
  static List<Map<String, String>> records(Http.Response r) {
    byte[] b = r.bytes();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        Arrays.copyOf(b, 3),
        "UTF-8 with a byte order mark");
    List<List<String>> lines = parseCsv(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    List<String> header = lines.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      assertEquals(header.size(), line.size(), "fields in " + line);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), line.get(i));
      }
      out.add(m);
    }
    return out;
  }

  /** RFC 4180: CRLF between records, fields in double quotes when they hold , " or a break. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        assertEquals(0, field.length(), "a quote only opens a field");
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        assertEquals('\n', text.charAt(i + 1), "records end in CRLF");
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        assertFalse(c == '\n', "a bare LF outside quotes");
        field.append(c);
      }
    }
    assertEquals(0, field.length() + record.size(), "the last record ends in CRLF");
    return out;
  }

  /** A sheet of a workbook as records by column name, numbers as plain text. */
  static List<Map<String, String>> sheet(byte[] xlsx, String name) throws Exception {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows =
          wb.findSheet(name).orElseThrow(() -> new AssertionError("no " + name)).read();
      List<String> header = rows.get(0).stream().map(Cell::getText).toList();
      List<Map<String, String>> out = new ArrayList<>();
      for (Row row : rows.subList(1, rows.size())) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          Cell c = row.getOptionalCell(i).orElse(null);
          String v =
              c == null || c.getType() == CellType.EMPTY
                  ? ""
                  : c.getType() == CellType.NUMBER ? c.asNumber().toPlainString() : c.getText();
          m.put(header.get(i), v);
        }
        out.add(m);
      }
      return out;
    }
  }

  /** What a file says, for a search: a workbook's XML parts unzipped, else the body. */
  private static String text(Http.Response r) throws Exception {
    if (!r.mediaType().contains("spreadsheetml")) {
      return r.body();
    }
    StringBuilder s = new StringBuilder();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("open-data", ".xlsx");
    try {
      java.nio.file.Files.write(file, r.bytes());
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          s.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertTrue(s.length() > 0);
    return s.toString();
  }

  private static String citizen(
      String name, String idNumber, String phone, String email, String address) {
    var b =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("type", "CITIZEN")
            .add("fullName", name)
            .add("idNumber", idNumber);
    if (phone != null) {
      b.add("phone", phone).add("email", email).add("address", address);
    }
    return b.build().toString();
  }

  private static String submit(String channel, String applicantJson) {
    Http.Response r =
        officer.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"channel\":\""
                + channel
                + "\",\"applicant\":"
                + applicantJson
                + ",\"form\":{\"tenTre\":\"Nguyễn Văn Bình\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static void act(String code, String action, String extra) {
    Http.Response r =
        officer.postJson(
            "/api/v1/dossiers/" + code + "/actions",
            "{\"action\":\"" + action + "\"" + (extra == null ? "" : "," + extra) + "}");
    assertEquals(200, r.status(), action + " -> " + r);
  }
}
