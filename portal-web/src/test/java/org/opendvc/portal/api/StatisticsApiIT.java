package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * The published statistics move by exactly what dossiers driven through known outcomes add
 * (docs/statistics.md), the kept figures equal a recount from the raw history, and bad or empty
 * requests get clear answers.
 */
@PortalWideFigures
class StatisticsApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String OTHER_AGENCY = "000.00.31.H92";
  static final String PROCEDURE = "9.001001";
  static final String[] COUNTED = {
    "received",
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
    "inProgressOverdue"
  };

  private final Http officer = portal.demo("canbo.xa");
  private final Http applicant = portal.demo("congdan");

  @Test
  void dossiersDrivenThroughKnownOutcomesMoveTheFiguresByExactlyWhatTheyAdd() {
    JsonObject commune = total(COMMUNE);
    JsonObject other = total(OTHER_AGENCY);

    counter(); // stays in progress
    String resolved = counter();
    act(officer, resolved, "{\"action\":\"START_PROCESSING\"}");
    act(officer, resolved, "{\"action\":\"RESOLVE\"}");
    act(officer, counter(), "{\"action\":\"REFUSE\",\"reason\":\"Thiếu giấy tờ gốc\"}");
    act(officer, counter(), "{\"action\":\"STOP\",\"reason\":\"Người nộp không đến bổ sung\"}");
    act(officer, online(), "{\"action\":\"REFUSE\",\"reason\":\"Sai thủ tục\"}"); // never counted
    String withdrawn = online();
    act(officer, withdrawn, "{\"action\":\"ACCEPT\"}");
    act(applicant, withdrawn, "{\"action\":\"WITHDRAW\",\"note\":\"Không cần nữa\"}");
    String twice = online();
    act(officer, twice, "{\"action\":\"ACCEPT\"}");
    act(officer, twice, "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu bản sao\"}");
    act(applicant, twice, "{\"action\":\"SUPPLEMENT\",\"note\":\"Đã bổ sung\"}");
    act(officer, twice, "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Bản sao mờ\"}");
    act(applicant, twice, "{\"action\":\"SUPPLEMENT\",\"note\":\"Đã bổ sung lần hai\"}");
    act(officer, twice, "{\"action\":\"START_PROCESSING\"}");
    Http.Response result =
        officer.postMultipart(
            "/api/v1/dossiers/" + twice + "/attachments",
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "ket-qua.pdf", "application/pdf", Multipart.pdf("Kết quả")));
    assertEquals(201, result.status(), result.toString());
    act(officer, twice, "{\"action\":\"RESOLVE\"}");
    JsonObject transferred =
        act(
            officer,
            counter(),
            "{\"action\":\"TRANSFER\","
                + "\"targetAgencyCode\":\""
                + OTHER_AGENCY
                + "\",\"note\":\"Liên thông\"}");
    assertEquals(4, transferred.getJsonObject("status").getInt("code"), transferred.toString());

    assertMoved(
        commune,
        total(COMMUNE),
        Map.ofEntries(
            Map.entry("received", 7),
            Map.entry("receivedOnline", 2),
            Map.entry("receivedOffline", 5),
            Map.entry("resolved", 4),
            Map.entry("resolvedLate", 1),
            Map.entry("withdrawn", 1),
            Map.entry("transferredOut", 1),
            Map.entry("inProgress", 1)),
        "resolvedEarly+resolvedOnTime",
        3);
    assertMoved(
        other,
        total(OTHER_AGENCY),
        Map.of("transferredIn", 1, "inProgress", 1),
        "resolvedEarly+resolvedOnTime",
        0);

    JsonObject recount = portal.admin().postJson("/api/v1/admin/statistics/recount", "").json();
    assertEquals(0, recount.getInt("differing"), recount.toString());
    assertTrue(recount.getInt("dossiers") > 3000, recount.toString());
  }

  @Test
  void rowsOfEveryGroupingAddUpToTheTotal() {
    for (String groupBy : new String[] {"agency", "field", "level", "tier", "procedure"}) {
      JsonObject report =
          get(
              "/api/v1/statistics?period="
                  + LocalDate.now(VIETNAM).getYear()
                  + "&groupBy="
                  + groupBy);
      JsonObject total = report.getJsonObject("total");
      for (String figure : COUNTED) {
        long sum =
            report.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .mapToLong(r -> r.getJsonNumber(figure).longValue())
                .sum();
        assertEquals(total.getJsonNumber(figure).longValue(), sum, groupBy + " " + figure);
      }
      assertTrue(total.getInt("resolved") > 0, "the demo year has resolved dossiers");
      assertEquals(
          total.getInt("received"),
          total.getInt("carriedOver")
              + total.getInt("receivedOnline")
              + total.getInt("receivedOffline"));
      assertEquals(
          total.getInt("carriedOver")
              + total.getInt("receivedOnline")
              + total.getInt("receivedOffline")
              + total.getInt("transferredIn"),
          total.getInt("resolved")
              + total.getInt("withdrawn")
              + total.getInt("transferredOut")
              + total.getInt("inProgress"),
          "every dossier is somewhere");
      double rate =
          (double) (total.getInt("resolvedEarly") + total.getInt("resolvedOnTime"))
              / total.getInt("resolved");
      assertEquals(rate, total.getJsonNumber("onTimeRate").doubleValue(), 1e-9);
    }
    JsonArray months =
        get("/api/v1/statistics?period=" + LocalDate.now(VIETNAM).getYear() + "&groupBy=month")
            .getJsonArray("rows");
    assertTrue(months.size() >= 1 && months.size() <= 12, months.toString());
  }

  @Test
  void aPeriodWithNothingResolvedHasNoRateAndBadRequestsAreExplained() {
    JsonObject empty = get("/api/v1/statistics?period=2001-Q1");
    assertEquals(
        JsonValue.ValueType.NULL,
        empty.getJsonObject("total").get("onTimeRate").getValueType(),
        empty.toString());
    assertEquals(0, empty.getJsonObject("total").getInt("resolved"));
    assertTrue(
        !empty.getJsonObject("total").containsKey("empty"),
        "only the documented fields: " + empty.getJsonObject("total").keySet());
    assertEquals(0, empty.getJsonArray("rows").size());

    Http.Response badDate = portal.http().get("/api/v1/statistics?from=30-11-2026");
    assertEquals(400, badDate.status(), badDate.toString());
    assertTrue(badDate.errorFields().contains("from"), badDate.toString());
    Http.Response backwards = portal.http().get("/api/v1/statistics?from=2026-11-30&to=2026-11-01");
    assertEquals(400, backwards.status(), backwards.toString());
    Http.Response badGroup = portal.http().get("/api/v1/statistics?groupBy=weather");
    assertEquals(400, badGroup.status());
    assertTrue(badGroup.errorFields().contains("groupBy"), badGroup.toString());
    assertEquals(400, portal.http().get("/api/v1/statistics?period=2026-Q5").status());
    assertEquals(404, portal.http().get("/api/v1/statistics?agency=khong-co").status());
    assertEquals(401, portal.http().postJson("/api/v1/admin/statistics/recount", "").status());
    assertEquals(403, officer.postJson("/api/v1/admin/statistics/recount", "").status());
  }

  @Test
  void onlineUptakeCountsAcceptedOnlineDossiersAndListsOfferingsNobodyUsedOnline() {
    LocalDate today = LocalDate.now(VIETNAM);
    String path =
        "/api/v1/statistics/online-uptake?from="
            + today.minusDays(1)
            + "&to="
            + today.plusDays(1)
            + "&agency="
            + COMMUNE;
    JsonObject before = get(path);
    String code = online();
    act(officer, code, "{\"action\":\"ACCEPT\"}");
    JsonObject after = get(path);
    assertEquals(
        before.getJsonObject("total").getInt("receivedOnline") + 1,
        after.getJsonObject("total").getInt("receivedOnline"),
        after.toString());
    assertEquals(
        before.getJsonObject("total").getInt("received") + 1,
        after.getJsonObject("total").getInt("received"));
    JsonObject row =
        after.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("key").equals(COMMUNE))
            .findFirst()
            .orElseThrow();
    assertTrue(row.getInt("withOnlineDossiers") >= 1, row.toString());
    assertEquals(
        after.getJsonObject("total").getInt("offeredOnline"),
        after.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
            .mapToInt(r -> r.getInt("offeredOnline"))
            .sum());
    assertTrue(
        after.getJsonArray("idle").getValuesAs(JsonObject.class).stream()
            .noneMatch(
                i ->
                    i.getString("procedureCode").equals(PROCEDURE)
                        && i.getString("agencyCode").equals(COMMUNE)),
        "used online, so not idle");
    assertEquals(
        row.getInt("offeredOnline") - row.getInt("withOnlineDossiers"),
        after.getJsonNumber("idleCount").longValue(),
        "the commune has no sub-units");
    assertEquals(400, portal.http().get("/api/v1/statistics/online-uptake?groupBy=tier").status());
  }

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The agency's total from yesterday to today (a change just after midnight still counts). */
  private JsonObject total(String agency) {
    LocalDate today = LocalDate.now(VIETNAM);
    return get("/api/v1/statistics?from="
            + today.minusDays(1)
            + "&to="
            + today.plusDays(1)
            + "&agency="
            + agency)
        .getJsonObject("total");
  }

  private JsonObject get(String path) {
    Http.Response r = portal.http().get(path);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static void assertMoved(
      JsonObject before,
      JsonObject after,
      Map<String, Integer> moved,
      String earlyOrOnTime,
      int earlyOrOnTimeMoved) {
    for (String figure : COUNTED) {
      int expected = moved.getOrDefault(figure, 0);
      if (figure.equals("resolvedEarly") || figure.equals("resolvedOnTime")) {
        continue;
      }
      assertEquals(
          expected,
          after.getInt(figure) - before.getInt(figure),
          figure + ": " + before + " -> " + after);
    }
    assertEquals(
        earlyOrOnTimeMoved,
        after.getInt("resolvedEarly")
            + after.getInt("resolvedOnTime")
            - before.getInt("resolvedEarly")
            - before.getInt("resolvedOnTime"),
        earlyOrOnTime);
  }

  private String counter() {
    return submit(officer, "COUNTER");
  }

  private String online() {
    return submit(applicant, "ONLINE");
  }

  private static String submit(Http who, String channel) {
    Http.Response r =
        who.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"channel\":\""
                + channel
                + "\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Trần Thị Thống Kê\","
                + "\"idNumber\":\"001099054321\"},\"form\":{\"tenTre\":\"Trần Văn Số\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  /** The officer who transfers a dossier away gets its new state, not a 404. */
  private static JsonObject act(Http who, String code, String body) {
    Http.Response r = who.postJson("/api/v1/dossiers/" + code + "/actions", body);
    assertEquals(200, r.status(), body + " -> " + r);
    return r.json();
  }
}
