package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Dossiers over the API, in a real Payara Micro on the real database with the demo province: an
 * applicant, officers of the same and of another agency, and the public.
 */
class DossierApiIT extends PortalIntegrationTest {

  /** A commune of the demo province, its officer, and a procedure it offers at level 4. */
  static final String COMMUNE = "000.01.31.H91";

  static final String PROCEDURE = "9.001001";
  static final String ID_NUMBER = "001099012345";
  static final String PASSWORD = "Demo@2026";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URL base = portal.url();

  record Answer(int status, String body) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }
  }

  private Answer call(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  private String token(String user, String password) throws Exception {
    Answer a =
        call(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, a.status(), a.body());
    return a.json().getString("accessToken");
  }

  private static String submission(String channel) {
    return "{\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + COMMUNE
        + "\","
        + "\"channel\":\""
        + channel
        + "\",\"applicant\":{\"type\":\"CITIZEN\","
        + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\""
        + ID_NUMBER
        + "\","
        + "\"phone\":\"0912 345 678\"},\"form\":{\"tenTre\":\"Nguyễn Văn Bình\","
        + Submissions.BIRTH
        + "},"
        + Submissions.PROMISED_BIRTH
        + "}";
  }

  private JsonObject act(String token, String code, String body, int expectedStatus)
      throws Exception {
    Answer a = call("POST", "/api/v1/dossiers/" + code + "/actions", token, body);
    assertEquals(expectedStatus, a.status(), body + " -> " + a.body());
    return a.json();
  }

  private static int status(JsonObject dossier) {
    return dossier.getJsonObject("status").getInt("code");
  }

  @Test
  void aDossierGoesThroughItsLifecycleAndEveryStepIsKept() throws Exception {
    String applicant = token("congdan", PASSWORD);
    String officer = token("canbo.xa", PASSWORD);
    String otherOfficer = token("canbo.tuphap", PASSWORD);

    Answer submitted = call("POST", "/api/v1/dossiers", applicant, submission("ONLINE"));
    assertEquals(201, submitted.status(), submitted.body());
    String code = submitted.json().getString("code");
    assertTrue(code.matches("000\\.01\\.31\\.H91-\\d{6}-\\d{4}"), code);
    assertEquals(1, status(submitted.json()));
    assertEquals("/tracking/" + code, submitted.json().getString("trackingUrl"));
    assertEquals(
        "/api/v1/dossiers/" + code + "/receipt.pdf", submitted.json().getString("receiptUrl"));

    // another agency's officer neither sees nor changes it
    assertEquals(404, call("GET", "/api/v1/dossiers/" + code, otherOfficer, null).status());
    assertEquals(
        404,
        call(
                "POST",
                "/api/v1/dossiers/" + code + "/actions",
                otherOfficer,
                "{\"action\":\"ACCEPT\"}")
            .status());
    JsonObject list = call("GET", "/api/v1/dossiers", otherOfficer, null).json();
    assertTrue(
        list.getJsonArray("items").stream()
            .noneMatch(i -> i.asJsonObject().getString("code").equals(code)));
    assertEquals(
        403, call("GET", "/api/v1/dossiers?agency=" + COMMUNE, otherOfficer, null).status());

    // an action not allowed in the status is a 409 with the reason
    JsonObject refused = act(officer, code, "{\"action\":\"RESOLVE\"}", 409);
    assertTrue(refused.getString("detail").contains("RESOLVE"), refused.toString());
    // the applicant cannot accept their own dossier
    act(applicant, code, "{\"action\":\"ACCEPT\"}", 403);

    JsonObject seen = call("GET", "/api/v1/dossiers/" + code, officer, null).json();
    int version = seen.getInt("version");
    // the moments as answered at submission are the moments kept
    assertEquals(submitted.json().getString("receivedAt"), seen.getString("receivedAt"));
    assertEquals(submitted.json().get("dueAt"), seen.get("dueAt"));
    assertEquals(
        Set.of("ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT"),
        Set.copyOf(
            seen.getJsonArray("allowedActions").getValuesAs(jakarta.json.JsonString::getString)));
    JsonObject accepted =
        act(officer, code, "{\"action\":\"ACCEPT\",\"expectedVersion\":" + version + "}", 200);
    assertEquals(2, status(accepted));
    assertFalse(accepted.isNull("dueAt"), "acceptance sets the due moment");
    OffsetDateTime due = OffsetDateTime.parse(accepted.getString("dueAt"));

    act(officer, code, "{\"action\":\"START_PROCESSING\"}", 200);
    act(officer, code, "{\"action\":\"REQUEST_SUPPLEMENT\"}", 400); // a reason is required
    JsonObject waiting =
        act(
            officer,
            code,
            "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu giấy chứng sinh\"}",
            200);
    assertEquals(5, status(waiting));
    Thread.sleep(1500);
    JsonObject resumed =
        act(applicant, code, "{\"action\":\"SUPPLEMENT\",\"note\":\"Đã bổ sung\"}", 200);
    assertEquals(4, status(resumed), "back to the status before the request");
    OffsetDateTime movedDue = OffsetDateTime.parse(resumed.getString("dueAt"));
    assertFalse(movedDue.isBefore(due), "the pause never brings the due moment earlier");

    act(officer, code, "{\"action\":\"TRANSFER\",\"targetAgencyCode\":\"khong-co\"}", 400);
    // an online dossier is resolved with its result document (AttachmentApiIT covers the rest)
    org.opendvc.portal.testsupport.Multipart result =
        new org.opendvc.portal.testsupport.Multipart()
            .field("kind", "RESULT")
            .file(
                "file",
                "giay-khai-sinh.pdf",
                "application/pdf",
                org.opendvc.portal.testsupport.Multipart.pdf("Giấy khai sinh"));
    HttpResponse<String> uploaded =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base.toString().replaceAll("/+$", "")
                            + "/api/v1/dossiers/"
                            + code
                            + "/attachments"))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", result.contentType())
                .POST(result.publisher())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    act(officer, code, "{\"action\":\"RESOLVE\",\"note\":\"Đã cấp giấy khai sinh\"}", 200);
    JsonObject done = act(officer, code, "{\"action\":\"RETURN\"}", 200);
    assertEquals(10, status(done));
    assertFalse(done.isNull("finishedAt"));
    JsonArray history = done.getJsonArray("history");
    List<String> steps = new ArrayList<>();
    history.forEach(h -> steps.add(h.asJsonObject().getString("action")));
    assertEquals(
        List.of(
            "SUBMIT",
            "ACCEPT",
            "START_PROCESSING",
            "REQUEST_SUPPLEMENT",
            "SUPPLEMENT",
            "RESOLVE",
            "RETURN"),
        steps);
    assertEquals("canbo.xa", history.getJsonObject(1).getString("actor"));
    assertEquals(COMMUNE, history.getJsonObject(1).getString("unit"));
    assertEquals("Thiếu giấy chứng sinh", history.getJsonObject(3).getString("note"));
    act(officer, code, "{\"action\":\"RETURN\"}", 409);

    // history is kept in the database, one row per step
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM dossier_history h"
                    + " JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        assertEquals(7, r.getInt(1));
      }
    }

    // the public: same answer for an unknown code and a wrong ID number
    Answer tracked = call("GET", "/api/v1/tracking/" + code + "?idNumber=" + ID_NUMBER, null, null);
    assertEquals(200, tracked.status(), tracked.body());
    assertEquals(10, status(tracked.json()));
    assertFalse(tracked.body().contains("Nguyễn Văn An"), "no personal data in tracking");
    assertEquals(7, tracked.json().getJsonArray("history").size());
    Answer wrongId = call("GET", "/api/v1/tracking/" + code + "?idNumber=000000000000", null, null);
    Answer unknown =
        call(
            "GET",
            "/api/v1/tracking/" + COMMUNE + "-200101-0001?idNumber=" + ID_NUMBER,
            null,
            null);
    assertEquals(404, wrongId.status());
    assertEquals(wrongId.body(), unknown.body());
  }

  @Test
  void thePublicTracksADossierInABrowser() throws Exception {
    String officer = token("canbo.xa", PASSWORD);
    String code =
        call("POST", "/api/v1/dossiers", officer, submission("COUNTER")).json().getString("code");
    act(officer, code, "{\"action\":\"START_PROCESSING\"}", 200);
    org.openqa.selenium.WebDriver browser = Browsers.phone();
    try {
      browser.get(base.toString().replaceAll("/+$", "") + "/tracking/" + code);
      assertEquals(
          code,
          browser.findElement(By.id("code")).getAttribute("value"),
          "the receipt's link fills in the code");
      WebElement id = browser.findElement(By.id("idNumber"));
      assertEquals(
          "idNumber",
          browser.findElement(By.cssSelector("label[for=idNumber]")).getAttribute("for"),
          "the field has a label");
      // Enter sends the form: wait for the answer page, the page asked from may still be shown
      id.sendKeys("000000000000", Keys.ENTER);
      assertTrue(
          Browsers.waitUpTo(browser, Duration.ofSeconds(10))
              .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")))
              .getText()
              .contains("Không tìm thấy"),
          "a wrong ID number finds nothing");
      assertFalse(browser.getCurrentUrl().contains("000000000000"), "the ID stays out of the URL");
      browser.findElement(By.id("idNumber")).sendKeys(ID_NUMBER, Keys.ENTER);
      String result =
          Browsers.waitUpTo(browser, Duration.ofSeconds(10))
              .until(
                  ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tracking-result")))
              .getText();
      assertTrue(result.contains("Đang giải quyết"), result);
      assertTrue(result.contains("Đăng ký khai sinh"), result);
      assertFalse(result.contains("Nguyễn Văn An"), "no personal data on the public page");
      assertEquals(2, browser.findElements(By.cssSelector(".timeline li")).size());
    } finally {
      browser.quit();
    }
  }

  @Test
  void counterReceptionAcceptsOnTheSpotAndRejectsBadInput() throws Exception {
    String officer = token("canbo.xa", PASSWORD);
    String applicant = token("congdan", PASSWORD);
    Answer counter = call("POST", "/api/v1/dossiers", officer, submission("COUNTER"));
    assertEquals(201, counter.status(), counter.body());
    assertEquals(2, status(counter.json()));
    assertNotNull(counter.json().getString("dueAt"));
    // applicants do not receive at the counter, officers of other agencies neither
    assertEquals(403, call("POST", "/api/v1/dossiers", applicant, submission("COUNTER")).status());
    assertEquals(
        403,
        call("POST", "/api/v1/dossiers", token("canbo.tuphap", PASSWORD), submission("POST"))
            .status());
    assertEquals(401, call("POST", "/api/v1/dossiers", null, submission("ONLINE")).status());

    Answer bad =
        call(
            "POST",
            "/api/v1/dossiers",
            applicant,
            "{\"procedureCode\":\"9.999999\",\"agencyCode\":\"\",\"channel\":\"FAX\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"\",\"idNumber\":\"12ab\","
                + "\"email\":\"not-an-email\"}}");
    assertEquals(400, bad.status(), bad.body());
    Set<String> fields = new HashSet<>();
    bad.json().getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
    assertEquals(
        Set.of(
            "channel",
            "applicant.fullName",
            "applicant.idNumber",
            "applicant.email",
            "procedureCode",
            "agencyCode"),
        fields);
    assertEquals(400, call("POST", "/api/v1/dossiers", applicant, "{bad json").status());
  }

  @Test
  void levelTwoOfferingsAreNotSubmittedOnline() throws Exception {
    String level2 = null;
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT p.code FROM offering o"
                    + " JOIN catalogue_procedure p ON p.id = o.procedure_id"
                    + " JOIN agency a ON a.id = o.agency_id WHERE a.code = ? AND o.level = 2 LIMIT 1")) {
      s.setString(1, COMMUNE);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          level2 = r.getString(1);
        }
      }
    }
    assertNotNull(level2, "the demo commune offers a level-2 procedure");
    Answer a =
        call(
            "POST",
            "/api/v1/dossiers",
            token("congdan", PASSWORD),
            submission("ONLINE").replace(PROCEDURE, level2));
    assertEquals(400, a.status(), a.body());
    assertTrue(a.body().contains("/procedures/" + level2), "points to the forms: " + a.body());
  }

  @Test
  void racingOfficersOneWinsTheOtherGetsAConflict() throws Exception {
    String officer = token("canbo.xa", PASSWORD);
    String code =
        call("POST", "/api/v1/dossiers", officer, submission("COUNTER")).json().getString("code");
    int version = call("GET", "/api/v1/dossiers/" + code, officer, null).json().getInt("version");
    String body = "{\"action\":\"START_PROCESSING\",\"expectedVersion\":" + version + "}";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Answer>> both =
          pool.invokeAll(
              List.<Callable<Answer>>of(
                  () -> call("POST", "/api/v1/dossiers/" + code + "/actions", officer, body),
                  () -> call("POST", "/api/v1/dossiers/" + code + "/actions", officer, body)));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Answer> f : both) {
        statuses.add(f.get().status());
      }
      statuses.sort(null);
      assertEquals(List.of(200, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void dossierCodesStayUniqueWhenManyArriveAtOnce() throws Exception {
    String officer = token("canbo.xa", PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(() -> call("POST", "/api/v1/dossiers", officer, submission("POST")));
      }
      Set<String> codes = new HashSet<>();
      for (Future<Answer> f : pool.invokeAll(calls)) {
        Answer a = f.get();
        assertEquals(201, a.status(), a.body());
        codes.add(a.json().getString("code"));
      }
      assertEquals(40, codes.size(), "every code is distinct");
    } finally {
      pool.shutdownNow();
    }
  }
}
