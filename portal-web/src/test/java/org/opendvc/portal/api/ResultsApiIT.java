package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.JsonProviders;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public results board over the API, against the demo province (about 2,400 finished dossiers)
 * and dossiers this class drives itself: filters give only matching rows, newest first, paging, bad
 * input as problems, the Atom feed, and no personal data but the masked name in the API, the feed
 * or the page.
 */
@PortalWideFigures
class ResultsApiIT extends PortalIntegrationTest {

  /** A district of the demo province and its first commune, which offers the procedure online. */
  static final String DISTRICT = "000.00.31.H91";

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Set<String> FINISHED = Set.of("EARLY", "ON_TIME", "LATE");

  private static Http officer;
  private static Http applicant;
  private static Http pub;

  @BeforeAll
  static void accounts() {
    officer = portal.newAccount("OFFICER", COMMUNE).http();
    applicant = portal.newAccount("APPLICANT", null).http();
    pub = portal.http();
  }

  // --- helpers ---

  private static JsonObject results(String query) {
    Http.Response r = pub.get("/api/v1/results" + query);
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/json", r.mediaType(), r.toString());
    return r.json();
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static List<String> codes(JsonObject page) {
    return items(page).stream().map(i -> i.getString("code")).toList();
  }

  private static OffsetDateTime finishedAt(JsonObject item) {
    return OffsetDateTime.parse(item.getString("finishedAt"));
  }

  private static void assertNewestFirst(List<JsonObject> items) {
    for (int i = 1; i < items.size(); i++) {
      assertFalse(
          finishedAt(items.get(i)).isAfter(finishedAt(items.get(i - 1))),
          "newest first at " + i + ": " + items.get(i - 1) + " then " + items.get(i));
    }
  }

  private static long count(String where, Object... params) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM dossier d"
                    + " JOIN agency a ON a.id = d.agency_id"
                    + " WHERE d.finished_at IS NOT NULL AND d.outcome IS NOT NULL"
                    + where)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static String submission(String channel, String applicantJson) {
    return "{\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + COMMUNE
        + "\","
        + "\"channel\":\""
        + channel
        + "\",\"applicant\":"
        + applicantJson
        + ","
        + "\"form\":{\"tenTre\":\"Nguyễn Văn Bình\","
        + Submissions.BIRTH
        + "},"
        + Submissions.PROMISED_BIRTH
        + "}";
  }

  private static String citizen(String name, String idNumber) {
    return JsonProviders.JSON
        .createObjectBuilder()
        .add("type", "CITIZEN")
        .add("fullName", name)
        .add("idNumber", idNumber)
        .build()
        .toString();
  }

  private static String submit(Http who, String channel, String applicantJson) {
    Http.Response r = who.postJson("/api/v1/dossiers", submission(channel, applicantJson));
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static JsonObject act(String code, String action, String extra) {
    return act(officer, code, action, extra);
  }

  private static JsonObject act(Http who, String code, String action, String extra) {
    Http.Response r =
        who.postJson(
            "/api/v1/dossiers/" + code + "/actions",
            "{\"action\":\"" + action + "\"" + (extra == null ? "" : "," + extra) + "}");
    assertEquals(200, r.status(), action + " -> " + r);
    return r.json();
  }

  /** EARLY, ON_TIME or LATE by the rule of docs/domain.md §5 (no supplement requested). */
  private static String expectedTimeliness(JsonObject dossier) {
    LocalDate finished =
        OffsetDateTime.parse(dossier.getString("finishedAt"))
            .atZoneSameInstant(VIETNAM)
            .toLocalDate();
    LocalDate due =
        OffsetDateTime.parse(dossier.getString("dueAt")).atZoneSameInstant(VIETNAM).toLocalDate();
    return finished.isBefore(due) ? "EARLY" : finished.isAfter(due) ? "LATE" : "ON_TIME";
  }

  private static java.time.Instant seconds(String moment) {
    return OffsetDateTime.parse(moment)
        .toInstant()
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** A page's HTML with character references decoded, so that a search sees what people read. */
  static String html(String path) {
    Http.Response r = pub.get(path);
    assertEquals(200, r.status(), r.toString());
    return unescape(r.body());
  }

  static String unescape(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);")
            .matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String ch =
          switch (ref) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default ->
                new String(
                    Character.toChars(
                        ref.startsWith("#x") || ref.startsWith("#X")
                            ? Integer.parseInt(ref.substring(2), 16)
                            : Integer.parseInt(ref.substring(1))));
          };
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(ch));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // --- the board over the demo province ---

  @Test
  void theBoardListsFinishedDossiersNewestFirstAndCountsThemAll() throws Exception {
    long expected = count("");
    JsonObject page = results("?size=100");
    assertTrue(expected > 1000, "the demo province has finished dossiers: " + expected);
    assertEquals(expected, page.getJsonNumber("total").longValue());
    assertFalse(page.getBoolean("totalCapped"));
    assertEquals(0, page.getInt("page"));
    assertEquals(100, page.getInt("size"));
    List<JsonObject> items = items(page);
    assertEquals(100, items.size());
    assertNewestFirst(items);
    for (JsonObject item : items) {
      assertTrue(FINISHED.contains(item.getString("timeliness")), item.toString());
      assertTrue(item.getString("finishedAt").endsWith("+07:00"), item.toString());
      assertTrue(item.getString("receivedAt").endsWith("+07:00"), item.toString());
      assertNotNull(item.getJsonObject("procedure").getString("code"));
      assertNotNull(item.getJsonObject("agency").getString("name"));
      assertFalse(item.getString("applicant").matches(".*\\d.*"), "no digits: " + item);
      assertFalse(
          item.containsKey("idNumber")
              || item.containsKey("phone")
              || item.containsKey("address")
              || item.containsKey("email"),
          item.toString());
    }
    JsonObject first = items.get(0);
    for (String field :
        List.of(
            "code",
            "procedure",
            "agency",
            "field",
            "level",
            "receivedAt",
            "dueAt",
            "finishedAt",
            "timeliness",
            "timelinessLabel",
            "applicant")) {
      assertTrue(first.containsKey(field), field + " in " + first);
    }
  }

  @Test
  void pagesFollowOneAnotherWithoutGapsOrRepeats() {
    List<String> ten = codes(results("?size=10"));
    List<String> paged = new ArrayList<>(codes(results("?size=5&page=0")));
    paged.addAll(codes(results("?size=5&page=1")));
    assertEquals(ten, paged);
    assertEquals(20, items(results("")).size(), "20 a page by default");
  }

  @Test
  void anAgencyIncludesTheUnitsUnderIt() throws Exception {
    JsonObject page = results("?agency=" + DISTRICT + "&size=100");
    long expected = count(" AND a.code LIKE ?", "000.%.31.H91");
    assertEquals(expected, page.getJsonNumber("total").longValue());
    List<JsonObject> items = items(page);
    assertFalse(items.isEmpty());
    assertNewestFirst(items);
    Set<String> agencies =
        items.stream()
            .map(i -> i.getJsonObject("agency").getString("code"))
            .collect(Collectors.toSet());
    for (String a : agencies) {
      assertTrue(a.matches("000\\.\\d\\d\\.31\\.H91"), "under the district: " + a);
    }
    assertTrue(
        agencies.contains(COMMUNE), "the commune's dossiers are the district's: " + agencies);

    JsonObject commune = results("?agency=" + COMMUNE + "&size=100");
    assertEquals(count(" AND a.code = ?", COMMUNE), commune.getJsonNumber("total").longValue());
    items(commune).forEach(i -> assertEquals(COMMUNE, i.getJsonObject("agency").getString("code")));
  }

  @Test
  void aProvinceIncludesEveryLevelOfItsTree() throws Exception {
    JsonObject province = results("?agency=000.00.00.H92&size=100");
    assertEquals(count(" AND a.code LIKE ?", "%.H92"), province.getJsonNumber("total").longValue());
    items(province)
        .forEach(
            i ->
                assertTrue(
                    i.getJsonObject("agency").getString("code").endsWith(".H92"), i.toString()));
  }

  @Test
  void aTransferredDossierIsShownAtTheAgencyThatFinishedItWithTheOneThatReceivedIt()
      throws Exception {
    String code;
    String finishing;
    String receiving;
    LocalDate day;
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT d.code, a.code, ra.code, d.finished_at"
                    + " FROM dossier d JOIN agency a ON a.id = d.agency_id"
                    + " JOIN agency ra ON ra.id = d.receiving_agency_id WHERE d.outcome IS NOT NULL"
                    + " AND d.finished_at IS NOT NULL AND d.agency_id <> d.receiving_agency_id"
                    + " ORDER BY d.finished_at DESC LIMIT 1");
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next(), "the demo transfers some dossiers from a commune to its district");
      code = r.getString(1);
      finishing = r.getString(2);
      receiving = r.getString(3);
      day =
          r.getObject(4, java.time.LocalDateTime.class)
              .atZone(ZoneId.of("UTC"))
              .withZoneSameInstant(VIETNAM)
              .toLocalDate();
    }
    JsonObject item =
        items(results("?agency=" + finishing + "&from=" + day + "&to=" + day + "&size=100"))
            .stream()
            .filter(i -> i.getString("code").equals(code))
            .findFirst()
            .orElseThrow(() -> new AssertionError(code + " at " + finishing + " on " + day));
    assertEquals(finishing, item.getJsonObject("agency").getString("code"));
    assertEquals(receiving, item.getJsonObject("receivingAgency").getString("code"));
    assertFalse(
        codes(results("?agency=" + receiving + "&from=" + day + "&to=" + day + "&size=100"))
            .contains(code),
        "counted where it was finished");
  }

  @Test
  void timelinessPeriodFieldAndLevelGiveOnlyMatchingRows() throws Exception {
    JsonObject late = results("?timeliness=LATE&size=100");
    assertEquals(count(" AND d.outcome = 'LATE'"), late.getJsonNumber("total").longValue());
    assertFalse(items(late).isEmpty());
    items(late).forEach(i -> assertEquals("LATE", i.getString("timeliness")));
    assertEquals(
        late.getJsonNumber("total").longValue(),
        results("?timeliness=late").getJsonNumber("total").longValue(),
        "any case");

    // one day: the finishing day of the 30th newest dossier, in Vietnam
    JsonObject sample = items(results("?size=30")).get(29);
    LocalDate day = finishedAt(sample).atZoneSameInstant(VIETNAM).toLocalDate();
    JsonObject oneDay = results("?from=" + day + "&to=" + day + "&size=100");
    long expected =
        count(
            " AND d.finished_at >= ? AND d.finished_at < ?",
            day.atStartOfDay(VIETNAM).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime(),
            day.plusDays(1)
                .atStartOfDay(VIETNAM)
                .withZoneSameInstant(ZoneId.of("UTC"))
                .toLocalDateTime());
    assertEquals(expected, oneDay.getJsonNumber("total").longValue());
    assertTrue(codes(oneDay).contains(sample.getString("code")) || expected > 100);
    for (JsonObject i : items(oneDay)) {
      assertEquals(day, finishedAt(i).atZoneSameInstant(VIETNAM).toLocalDate(), i.toString());
    }
    JsonObject after = results("?from=" + day.plusDays(1) + "&size=100");
    for (JsonObject i : items(after)) {
      assertTrue(finishedAt(i).atZoneSameInstant(VIETNAM).toLocalDate().isAfter(day));
    }

    String field = items(results("?size=1")).get(0).getString("field");
    JsonObject byName = results("?field=" + q(field) + "&size=100");
    JsonObject bySlug = results("?field=" + TextFolding.slug(field) + "&size=100");
    assertEquals(byName.getJsonNumber("total"), bySlug.getJsonNumber("total"));
    assertFalse(items(byName).isEmpty());
    items(byName).forEach(i -> assertEquals(field, i.getString("field")));
    assertTrue(
        byName.getJsonNumber("total").longValue() < results("").getJsonNumber("total").longValue(),
        "a field is a part of the board");

    for (int level : List.of(2, 3, 4)) {
      JsonObject atLevel = results("?level=" + level + "&size=100");
      items(atLevel).forEach(i -> assertEquals(level, i.getInt("level"), i.toString()));
    }
    assertFalse(items(results("?level=3")).isEmpty());

    JsonObject combined = results("?agency=" + DISTRICT + "&timeliness=EARLY&level=3&size=100");
    for (JsonObject i : items(combined)) {
      assertEquals("EARLY", i.getString("timeliness"));
      assertEquals(3, i.getInt("level"));
      assertTrue(i.getJsonObject("agency").getString("code").matches("000\\.\\d\\d\\.31\\.H91"));
    }
  }

  @Test
  void badInputIsAProblemNamingEveryParameter() {
    Http.Response r =
        pub.get(
            "/api/v1/results?level=9&timeliness=SOON&from=2026-13-01&to=hom-qua"
                + "&page=-1&size=1000");
    assertEquals(400, r.status(), r.toString());
    assertEquals("application/problem+json", r.mediaType());
    assertEquals(
        new TreeSet<>(Set.of("level", "timeliness", "from", "to", "page", "size")),
        r.errorFields());
    assertEquals(400, r.json().getInt("status"));

    Http.Response unknown = pub.get("/api/v1/results?agency=999.99.99.ZZ&field=khong-co-linh-vuc");
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals(new TreeSet<>(Set.of("agency", "field")), unknown.errorFields());
    assertTrue(unknown.body().contains("999.99.99.ZZ"), unknown.toString());

    Http.Response reversed = pub.get("/api/v1/results?from=2026-03-02&to=2026-03-01");
    assertEquals(400, reversed.status());
    assertEquals(Set.of("to"), reversed.errorFields());

    Http.Response english = pub.get("/api/v1/results?from=02/03/2026", "Accept-Language", "en");
    assertEquals(400, english.status());
    assertTrue(
        english
            .json()
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("message")
            .contains("YYYY-MM-DD"),
        english.toString());

    for (String query :
        List.of(
            "?page=abc",
            "?size=0",
            "?page=99999999999",
            "?page=200&size=50",
            "?agency=" + "x".repeat(300),
            "?from=%00",
            "?level=3.5",
            "?timeliness=")) {
      Http.Response odd = pub.get("/api/v1/results" + query);
      assertTrue(odd.status() == 400 || odd.status() == 200, query + " -> " + odd);
      assertFalse(odd.body().contains("Exception"), odd.toString());
    }
  }

  // --- dossiers this class drives itself ---

  @Test
  void aDossierResolvedNowIsAtTheTopWithItsTimeliness() throws Exception {
    String code = submit(officer, "COUNTER", citizen("Nguyễn Văn Thành", "079188001122"));
    act(code, "START_PROCESSING", null);
    JsonObject resolved = act(code, "RESOLVE", null);
    String timeliness = expectedTimeliness(resolved);

    for (String agency : List.of(COMMUNE, DISTRICT)) {
      JsonObject top = items(results("?agency=" + agency + "&size=1")).get(0);
      assertEquals(code, top.getString("code"), "newest at " + agency);
      assertEquals(timeliness, top.getString("timeliness"));
      assertEquals("Nguyễn V. T.", top.getString("applicant"));
      assertEquals(PROCEDURE, top.getJsonObject("procedure").getString("code"));
      assertEquals(COMMUNE, top.getJsonObject("agency").getString("code"));
      assertFalse(top.containsKey("receivingAgency"), "not transferred: " + top);
      // the database keeps whole seconds (or milliseconds): compare to the second
      assertEquals(seconds(resolved.getString("finishedAt")), seconds(top.getString("finishedAt")));
      assertEquals(seconds(resolved.getString("dueAt")), seconds(top.getString("dueAt")));
      assertEquals(seconds(resolved.getString("receivedAt")), seconds(top.getString("receivedAt")));
    }
    assertEquals(code, codes(results("?timeliness=" + timeliness + "&agency=" + COMMUNE)).get(0));
    String other = timeliness.equals("EARLY") ? "LATE" : "EARLY";
    assertFalse(
        codes(results("?timeliness=" + other + "&agency=" + COMMUNE + "&size=100")).contains(code));
    LocalDate today = LocalDate.now(VIETNAM);
    assertEquals(code, codes(results("?from=" + today + "&to=" + today)).get(0));
    assertFalse(codes(results("?to=" + today.minusDays(1) + "&size=100")).contains(code));

    // field and level come from the catalogue: the procedure's field, the commune's offering
    JsonObject procedure = pub.getJson("/api/v1/procedures/" + PROCEDURE).json();
    String field = procedure.getString("field");
    int level =
        procedure.getJsonArray("offerings").getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("agencyCode").equals(COMMUNE))
            .findFirst()
            .orElseThrow()
            .getInt("level");
    JsonObject top = items(results("?agency=" + COMMUNE + "&size=1")).get(0);
    assertEquals(field, top.getString("field"));
    assertEquals(level, top.getInt("level"));
    assertEquals(code, codes(results("?field=" + q(field) + "&level=" + level)).get(0));
    int otherLevel = level == 2 ? 3 : 2;
    assertFalse(
        codes(results("?agency=" + COMMUNE + "&level=" + otherLevel + "&size=100")).contains(code));
  }

  @Test
  void withdrawnDossiersAndOnesRefusedBeforeAcceptanceAreNotOnTheBoard() {
    // refused at intake before acceptance: finished, but without an outcome
    String online = submit(applicant, "ONLINE", citizen("Trịnh Văn Khước", "079188003344"));
    act(online, "REFUSE", "\"reason\":\"Sai thủ tục\"");
    // withdrawn by the applicant after acceptance
    String withdrawn = submit(applicant, "ONLINE", citizen("Lương Thị Rút", "079188005566"));
    act(withdrawn, "ACCEPT", null);
    JsonObject w = act(applicant, withdrawn, "WITHDRAW", "\"note\":\"Tôi xin rút hồ sơ\"");
    assertEquals(7, w.getJsonObject("status").getInt("code"));
    // refused after acceptance: it is on the board
    String refusedLater = submit(officer, "COUNTER", citizen("Mạc Văn Từ", "079188007788"));
    act(refusedLater, "REFUSE", "\"reason\":\"Hồ sơ không đủ điều kiện\"");

    List<String> board = codes(results("?agency=" + COMMUNE + "&size=100"));
    assertEquals(refusedLater, board.get(0), "refused after acceptance is a finished dossier");
    assertFalse(board.contains(online), "refused before acceptance");
    assertFalse(board.contains(withdrawn), "withdrawn");
  }

  @Test
  void theAtomFeedCarriesTheAgencysNewestFinishedDossiers() throws Exception {
    String code = submit(officer, "COUNTER", citizen("Hà Thị Tin", "079188009900"));
    act(code, "START_PROCESSING", null);
    act(code, "RESOLVE", null);

    Http.Response r = pub.get("/api/v1/results/feed.atom?agency=" + DISTRICT);
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/atom+xml", r.mediaType());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
    Element feed = doc.getDocumentElement();
    String atom = "http://www.w3.org/2005/Atom";
    assertEquals("feed", feed.getLocalName());
    assertEquals(atom, feed.getNamespaceURI());
    assertTrue(child(feed, "id").getTextContent().startsWith("tag:"));
    assertFalse(child(feed, "title").getTextContent().isBlank());
    OffsetDateTime.parse(child(feed, "updated").getTextContent());
    assertFalse(child(child(feed, "author"), "name").getTextContent().isBlank());
    boolean self = false;
    for (Element link : children(feed, "link")) {
      if ("self".equals(link.getAttribute("rel"))) {
        self = link.getAttribute("href").endsWith("/api/v1/results/feed.atom?agency=" + DISTRICT);
      }
    }
    assertTrue(self, "a self link");
    List<Element> entries = children(feed, "entry");
    assertEquals(50, entries.size(), "the 50 newest");
    Set<String> ids = new TreeSet<>();
    OffsetDateTime previous = null;
    for (Element e : entries) {
      String id = child(e, "id").getTextContent();
      assertTrue(id.startsWith("tag:opendvc.org,2026:dossier:"), id);
      assertTrue(ids.add(id), "unique ids");
      assertFalse(child(e, "title").getTextContent().isBlank());
      OffsetDateTime updated = OffsetDateTime.parse(child(e, "updated").getTextContent());
      assertTrue(previous == null || !updated.isAfter(previous), "newest first");
      previous = updated;
      String dossier = id.substring(id.lastIndexOf(':') + 1);
      assertTrue(child(e, "link").getAttribute("href").endsWith("/tracking/" + dossier));
      assertTrue(dossier.matches("000\\.\\d\\d\\.31\\.H91-\\d{6}-\\d{4,5}"), dossier);
    }
    assertEquals(
        "tag:opendvc.org,2026:dossier:" + code, child(entries.get(0), "id").getTextContent());
    assertTrue(child(entries.get(0), "summary").getTextContent().contains("Hà T. T."));

    String openapi = pub.get("/openapi").body();
    assertTrue(
        openapi.contains("v1/results:") && openapi.contains("v1/results/feed.atom:"),
        "both calls are in the OpenAPI document");

    Http.Response missing = pub.get("/api/v1/results/feed.atom");
    assertEquals(400, missing.status(), missing.toString());
    assertEquals("application/problem+json", missing.mediaType());
    assertEquals(Set.of("agency"), missing.errorFields());
    Http.Response unknown = pub.get("/api/v1/results/feed.atom?agency=999.99.99.ZZ");
    assertEquals(404, unknown.status(), unknown.toString());
    assertEquals("application/problem+json", unknown.mediaType());
  }

  @Test
  void noPersonalDataButTheMaskedNameLeavesTheApiTheFeedOrThePage() {
    String name = "Quách Thị Diệu Huyền";
    String idNumber = "079286123987";
    String phone = "0987 650 321";
    String email = "quach.dieu.huyen.kiemthu@example.org";
    String address = "Số 77 ngõ Mặt Nạ, phường Kiểm Thử";
    String note = "Ghi chú riêng tư số 4711 về người nộp";
    String citizen =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("type", "CITIZEN")
            .add("fullName", name)
            .add("idNumber", idNumber)
            .add("phone", phone)
            .add("email", email)
            .add("address", address)
            .build()
            .toString();
    String code = submit(officer, "COUNTER", citizen);
    act(code, "START_PROCESSING", "\"note\":" + JsonProviders.JSON.createValue(note));
    act(code, "RESOLVE", "\"note\":\"" + note + " (kết quả)\"");

    String taxCode = "0319998877";
    String business =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("type", "BUSINESS")
            .add("fullName", "Công ty TNHH Mặt Nạ Kiểm Thử")
            .add("idNumber", taxCode)
            .add("phone", "0283 999 1234")
            .add("address", "Lô 9 khu công nghiệp Kiểm Thử")
            .build()
            .toString();
    String businessCode = submit(officer, "COUNTER", business);
    act(businessCode, "START_PROCESSING", null);
    act(businessCode, "RESOLVE", null);

    List<String> secrets =
        List.of(
            name,
            "Diệu Huyền",
            idNumber,
            phone,
            phone.replace(" ", ""),
            email,
            address,
            note,
            taxCode,
            "0283 999 1234",
            "Lô 9 khu công nghiệp Kiểm Thử");
    String api = pub.get("/api/v1/results?agency=" + COMMUNE + "&size=5").body();
    String feed = unescape(pub.get("/api/v1/results/feed.atom?agency=" + COMMUNE).body());
    String page = html("/results?agency=" + COMMUNE);
    String pageEn = html("/results?agency=" + COMMUNE + "&lang=en");
    for (var answer :
        List.of(
            List.of("API", api),
            List.of("feed", feed),
            List.of("page", page),
            List.of("English page", pageEn))) {
      String where = answer.get(0);
      String body = answer.get(1);
      assertTrue(body.contains("Quách T. D. H."), where + " shows the masked name");
      assertTrue(body.contains("Công ty TNHH Mặt Nạ Kiểm Thử"), where + " names the business");
      for (String secret : secrets) {
        assertFalse(body.contains(secret), where + " must not contain \"" + secret + "\"");
      }
    }
    assertTrue(page.contains(code) && page.contains(businessCode), "the page lists both");
    assertTrue(
        page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""),
        "the page announces the agency's feed");
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertFalse(found.isEmpty(), "no <" + name + "> in <" + parent.getLocalName() + ">");
    return found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }
}
