package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * The catalogue API in a real Payara Micro against the real database, loaded with the demo
 * province, then with the real national catalogue.
 */
@PortalWideFigures
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueApiIT extends PortalIntegrationTest {

  static final String ADMIN_PASSWORD = "it-admin-Secret1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URL base = portal.url();

  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    JsonArray jsonArray() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readArray();
      }
    }
  }

  private URI uri(String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            request.timeout(Duration.ofSeconds(120)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
  }

  private Answer get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  private Answer post(String path, String contentType, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("Content-Type", contentType);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private String adminToken() throws Exception {
    Answer a =
        post(
            "/api/v1/auth/token",
            "application/json",
            "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
            null);
    assertEquals(200, a.status(), a.body());
    return a.json().getString("accessToken");
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void assertProblem(Answer a, int status) {
    assertEquals(status, a.status(), a.body());
    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
    JsonObject p = a.json();
    assertEquals(status, p.getInt("status"));
    assertFalse(p.getString("title").isBlank());
    assertFalse(a.body().contains("Exception"), "no exception names leak: " + a.body());
    assertFalse(a.body().contains("\tat "), "no stack trace: " + a.body());
  }

  private static long count(String sql, String... params) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void demoCatalogueIsSearchableWithFacetsAndPaging() throws Exception {
    Answer all = get("/api/v1/procedures?size=5");
    assertEquals(200, all.status(), all.body());
    JsonObject body = all.json();
    assertTrue(body.getJsonNumber("total").longValue() >= 200, "demo catalogue loaded");
    assertEquals(5, body.getJsonArray("items").size());
    JsonObject levels = body.getJsonObject("facets").getJsonObject("level");
    assertTrue(
        levels.getJsonNumber("3").longValue() > levels.getJsonNumber("4").longValue(),
        "more procedures at level 3 than at level 4: " + levels);

    Answer level4 = get("/api/v1/procedures?level=4&size=100");
    for (JsonValue item : level4.json().getJsonArray("items")) {
      assertTrue(
          item.asJsonObject().getJsonArray("levels").toString().contains("4"), item.toString());
    }
    assertEquals(
        levels.getJsonNumber("4").longValue(),
        level4.json().getJsonNumber("total").longValue(),
        "facet count = filtered total");

    Set<String> page0 = codes(get("/api/v1/procedures?q=" + q("dang ky") + "&size=5&page=0"));
    Set<String> page1 = codes(get("/api/v1/procedures?q=" + q("dang ky") + "&size=5&page=1"));
    assertEquals(5, page0.size());
    assertTrue(page1.stream().noneMatch(page0::contains), "pages do not overlap");

    Answer tiers = get("/api/v1/procedures?tier=commune&size=100");
    for (JsonValue item : tiers.json().getJsonArray("items")) {
      assertTrue(item.asJsonObject().getJsonArray("tiers").toString().contains("commune"));
    }
  }

  private static Set<String> codes(Answer a) {
    assertEquals(200, a.status(), a.body());
    Set<String> codes = new HashSet<>();
    a.json().getJsonArray("items").forEach(i -> codes.add(i.asJsonObject().getString("code")));
    return codes;
  }

  @Test
  void aProcedureShowsEveryFieldAndItsOfferings() throws Exception {
    // a procedure the demo commune offers at level 4: the national catalogue that another test
    // imports has procedures no agency offers yet
    String code =
        get("/api/v1/procedures?level=4&agency=000.01.31.H91&size=1")
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("code");
    Answer a = get("/api/v1/procedures/" + code);
    assertEquals(200, a.status(), a.body());
    JsonObject p = a.json();
    assertEquals(code, p.getString("code"));
    for (String key :
        List.of(
            "name",
            "field",
            "tiers",
            "levels",
            "steps",
            "channels",
            "components",
            "subjects",
            "implementingAgencies",
            "results",
            "legalBases",
            "offerings")) {
      assertTrue(p.containsKey(key), "has " + key);
    }
    assertFalse(p.getJsonArray("offerings").isEmpty());
    JsonObject offering = p.getJsonArray("offerings").getJsonObject(0);
    assertFalse(offering.getString("agencyCode").isBlank());
    assertFalse(offering.getString("decree42Label").isBlank());

    String agency = offering.getString("agencyCode");
    Answer byAgency = get("/api/v1/procedures?agency=" + q(agency) + "&size=100");
    assertTrue(codes(byAgency).contains(code), "the agency filter finds its offering");
    Answer agencyPage = get("/api/v1/agencies/" + q(agency));
    assertEquals(200, agencyPage.status(), agencyPage.body());
    assertEquals(agency, agencyPage.json().getString("code"));
  }

  @Test
  void agencyTreeHasBothShapes() throws Exception {
    Answer roots = get("/api/v1/agencies");
    assertEquals(200, roots.status(), roots.body());
    assertTrue(roots.json().getInt("total") >= 2, "two demo provinces");
    assertEquals(
        7,
        get("/api/v1/agencies?tier=district").json().getInt("total"),
        "the three-tier demo province has 7 districts; the two-tier one none");
    Answer summary = get("/api/v1/catalogue/summary");
    assertEquals(200, summary.status());
    JsonObject byTier = summary.json().getJsonObject("byTierAndLevel");
    assertTrue(byTier.containsKey("commune") && byTier.containsKey("province"), byTier.toString());
  }

  @Test
  void importNeedsAnAdminAndReportsEveryBadRecord() throws Exception {
    String records =
        """
        [{"MATTHC": "9.900001", "TENTTHC": "Thủ tục thử nghiệm nhập một", "MUCDO": 3,
          "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Thử nghiệm"}], "CAPTHUCHIEN": [{"TENCAP": "Cấp Tỉnh"}]},
         {"TENTTHC": "Không có mã"},
         {"MATTHC": "9.900002", "TENTTHC": "Thủ tục thử nghiệm nhập hai"},
         {"MATTHC": "9.900003", "TENTTHC": "Mức độ sai", "MUCDO": 7},
         {"MATTHC": "9.900004", "TENTTHC": "Thủ tục thử nghiệm nhập bốn", "MUCDO": 4}]
        """;
    assertProblem(post("/api/v1/procedures/import", "application/json", records, null), 401);
    assertProblem(post("/api/v1/procedures/import", "application/json", records, "x.y.z"), 401);
    String token = adminToken();

    Answer first = post("/api/v1/procedures/import", "application/json", records, token);
    assertEquals(200, first.status(), first.body());
    assertEquals(3, first.json().getInt("created"));
    assertEquals(0, first.json().getInt("updated"));
    JsonArray rejected = first.json().getJsonArray("rejected");
    assertEquals(2, rejected.size());
    assertEquals(1, rejected.getJsonObject(0).getInt("index"));
    assertEquals(3, rejected.getJsonObject(1).getInt("index"));
    assertTrue(rejected.getJsonObject(1).getString("reason").contains("MUCDO"));
    assertEquals(
        3, count("SELECT COUNT(*) FROM catalogue_procedure WHERE code LIKE ?", "9.90000%"));

    Answer again = post("/api/v1/procedures/import", "application/json", records, token);
    assertEquals(0, again.json().getInt("created"));
    assertEquals(3, again.json().getInt("updated"));

    Answer found = get("/api/v1/procedures?q=" + q("thu nghiem nhap bon"));
    assertEquals(
        "9.900004",
        found.json().getJsonArray("items").getJsonObject(0).getString("code"),
        "imported procedures are searchable at once");

    long before = count("SELECT COUNT(*) FROM catalogue_procedure");
    assertProblem(
        post(
            "/api/v1/procedures/import",
            "application/json",
            "[{\"MATTHC\": \"9.900005\", \"TENTTHC\": \"Nửa chừng\"}, {\"MATTHC\": ",
            token),
        400);
    assertEquals(
        before,
        count("SELECT COUNT(*) FROM catalogue_procedure"),
        "a malformed body writes nothing");
    assertProblem(post("/api/v1/procedures/import", "text/plain", "x", token), 415);
    assertProblem(post("/api/v1/procedures/import", "application/json", "  ", token), 400);
  }

  @Test
  void badParametersAndUnknownCodesAreClearProblems() throws Exception {
    Answer bad =
        get("/api/v1/procedures?level=abc&size=1000&page=-1&tier=xyz", "Accept-Language", "en");
    assertProblem(bad, 400);
    Set<String> fields = new HashSet<>();
    bad.json().getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
    assertEquals(Set.of("level", "size", "page", "tier"), fields);
    assertTrue(bad.body().contains("whole number"), "English on request: " + bad.body());
    Answer vi = get("/api/v1/procedures?level=5");
    assertProblem(vi, 400);
    assertTrue(vi.body().contains("Mức độ"), "Vietnamese by default: " + vi.body());

    assertProblem(get("/api/v1/procedures/9.999999"), 404);
    assertProblem(get("/api/v1/agencies/khong-co"), 404);
    assertProblem(get("/api/v1/agencies?parent=khong-co"), 404);
    assertProblem(get("/api/v1/khong-co"), 404);
    assertProblem(get("/api/v1/procedures/export?format=xml"), 400);
    assertProblem(get("/api/v1/procedures?q=" + "a".repeat(500)), 400);
    assertProblem(post("/api/v1/auth/token", "application/json", "{bad", null), 400);
    assertProblem(
        post(
            "/api/v1/auth/token",
            "application/json",
            "{\"username\":\"admin\",\"password\":\"wrong\"}",
            null),
        401);
    assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/procedures")).DELETE()), 405);
    Answer weird = get("/api/v1/procedures?q=" + q("\"'); DROP TABLE agency; -- ((( *** ~~~ đ"));
    assertEquals(200, weird.status(), weird.body());
  }

  /**
   * The open dataset of the catalogue is read from the database once per catalogue revision: an
   * import shows in the next download, in both formats. It runs first only because its downloads
   * are then of the demo catalogue, a tenth of the national one that another test imports.
   */
  @Test
  @Order(1)
  void theOpenDataCatalogueFollowsEachImportAtOnce() throws Exception {
    String code = "9.900101";
    String name = "Thủ tục thử nghiệm dữ liệu mở";
    String csv = "/api/v1/open-data/procedures.csv";
    Answer before = get(csv);
    assertEquals(200, before.status(), before.body());
    assertFalse(before.body().contains(code), "not imported yet");

    Answer imported =
        post(
            "/api/v1/procedures/import",
            "application/json",
            "[{\"MATTHC\": \"" + code + "\", \"TENTTHC\": \"" + name + "\"}]",
            adminToken());
    assertEquals(1, imported.json().getInt("created"), imported.body());
    String after = get(csv).body();
    assertTrue(after.contains("\n" + code + "," + name + ","), "the imported procedure's row");
    assertEquals(
        before.body().lines().count() + 1,
        after.lines().count(),
        "one row more: a procedure nobody offers yet");
    assertTrue(get("/api/v1/open-data/procedures.json").body().contains(name), "and in JSON");
  }

  @Test
  void exportsTheCatalogueAsJsonAndCpsvAp() throws Exception {
    long total = get("/api/v1/procedures?size=1").json().getJsonNumber("total").longValue();
    Answer json = get("/api/v1/procedures/export?format=json");
    assertEquals(200, json.status());
    assertEquals(total, json.jsonArray().size());
    Answer ld = get("/api/v1/procedures/export?format=cpsv-ap");
    assertEquals(200, ld.status());
    assertTrue(ld.contentType().startsWith("application/ld+json"), ld.contentType());
    JsonObject doc = ld.json();
    assertTrue(doc.containsKey("@context"));
    JsonArray graph = doc.getJsonArray("@graph");
    assertEquals(total, graph.size());
    assertEquals("PublicService", graph.getJsonObject(0).getString("@type"));
  }

  @Test
  void openApiDescribesTheCatalogue() throws Exception {
    Answer a = get("/openapi", "Accept", "application/json");
    assertEquals(200, a.status());
    for (String path :
        List.of(
            "/api/v1/procedures",
            "/api/v1/procedures/{code}",
            "/api/v1/procedures/import",
            "/api/v1/procedures/export",
            "/api/v1/agencies",
            "/api/v1/agencies/{code}",
            "/api/v1/catalogue/summary",
            "/api/v1/auth/token")) {
      assertTrue(a.body().contains("\"" + path + "\""), "OpenAPI describes " + path);
    }
    Answer metrics = get("/metrics");
    assertEquals(200, metrics.status());
    assertTrue(
        metrics.body().contains("catalogue_search_seconds_count"),
        "searches are timed in /metrics");
    Answer page = get("/api-docs/");
    assertEquals(200, page.status());
    Matcher script = Pattern.compile("src=\"(/webjars/[^\"]+\\.js)\"").matcher(page.body());
    assertTrue(script.find(), "the API page loads Swagger UI");
    assertEquals(200, get(script.group(1)).status(), "Swagger UI is served: " + script.group(1));
  }

  @Test
  void theRealNationalCatalogueImportsAndIsFoundAsCitizensType() throws Exception {
    Path feed =
        Path.of(
            System.getProperty("portal.shared.data", "../../shared/data"),
            "procedures_national_feed.jsonl");
    assumeTrue(Files.isReadable(feed), "shared data absent: " + feed);
    Answer a =
        post(
            "/api/v1/procedures/import",
            "application/x-ndjson",
            Files.readString(feed, StandardCharsets.UTF_8),
            adminToken());
    assertEquals(200, a.status(), a.body());
    assertEquals(2642, a.json().getInt("created") + a.json().getInt("updated"));
    assertEquals(0, a.json().getJsonArray("rejected").size(), a.body());

    // demo procedures may share a name with real ones ("Đăng ký khai sinh" and "Thủ tục đăng
    // ký khai sinh"), so compare names without tones and without the "Thủ tục" prefix
    assertEquals("dang ky khai sinh", plainName(first("dang ky khai sinh")));
    assertEquals(first("đăng ký kết hôn"), first("dang ky ket hon"));
    assertEquals("dang ky khai sinh", plainName(first("dang ky khia sinh")));
    assertEquals("1.001193", first("1.001193").getString("code"));
    Answer timed = get("/api/v1/procedures?q=" + q("giay phep xay dung"));
    assertTrue(
        timed.raw().headers().firstValue("Server-Timing").orElse("").startsWith("search;dur="));
  }

  private static String plainName(JsonObject item) {
    return org.opendvc.portal.shared.TextFolding.fold(item.getString("name"))
        .replaceFirst("^thu tuc ", "");
  }

  private JsonObject first(String text) throws Exception {
    Answer a = get("/api/v1/procedures?size=1&q=" + q(text));
    assertEquals(200, a.status(), a.body());
    JsonArray items = a.json().getJsonArray("items");
    assertNotEquals(0, items.size(), "no result for " + text);
    return items.getJsonObject(0);
  }
}
