package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * Online payment of a level-4 dossier through the sandbox provider, in a real Payara Micro on the
 * real database with the demo province: the officer asks for an amount, the owner pays on the
 * sandbox's page, and the signed callback moves the dossier on, once.
 */
class PaymentApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String LEVEL4 = "9.001001";
  static final String PASSWORD = "Demo@2026";

  private final URL base = portal.url();
  private Http http;

  @BeforeEach
  void client() {
    http = Http.at(base);
  }

  static JsonObject json(Http.Response r) {
    return r.json();
  }

  String token(String user) {
    return http.tokenFor(user, PASSWORD);
  }

  String submit(String token, String procedure, String channel) {
    Http.Response r =
        http.withBearer(token)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + procedure
                    + "\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\""
                    + channel
                    + "\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\"},"
                    + Submissions.completeFor(http, procedure)
                    + "}");
    assertEquals(201, r.status(), r.toString());
    return json(r).getString("code");
  }

  Http.Response act(String token, String code, String body) {
    return http.withBearer(token).postJson("/api/v1/dossiers/" + code + "/actions", body);
  }

  /** A dossier accepted and in processing (4), then asked to pay 50,000 đồng (6). */
  String awaitingPayment(String applicant, String officer) {
    String code = submit(applicant, LEVEL4, "ONLINE");
    assertEquals(200, act(officer, code, "{\"action\":\"ACCEPT\"}").status());
    assertEquals(200, act(officer, code, "{\"action\":\"START_PROCESSING\"}").status());
    Http.Response asked = act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":50000}");
    assertEquals(200, asked.status(), asked.toString());
    JsonObject d = json(asked);
    assertEquals(6, d.getJsonObject("status").getInt("code"));
    assertEquals(50000, d.getJsonObject("payment").getInt("amountDue"));
    return code;
  }

  Http.Response sandbox(String redirectUrl, String outcome) {
    return http.send(
        http.request(
                redirectUrl,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Accept",
                "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("outcome=" + outcome)));
  }

  static int historyCount(String code, String action) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM dossier_history h"
                    + " JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ? AND h.action = ?")) {
      s.setString(1, code);
      s.setString(2, action);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void aLevelFourDossierIsPaidThroughTheSandboxOnce() throws Exception {
    String applicant = token("congdan");
    String officer = token("canbo.xa");
    String code = submit(applicant, LEVEL4, "ONLINE");
    act(officer, code, "{\"action\":\"ACCEPT\"}");
    act(officer, code, "{\"action\":\"START_PROCESSING\"}");
    // the amount is a positive whole number of đồng
    assertEquals(400, act(officer, code, "{\"action\":\"REQUEST_PAYMENT\"}").status());
    assertEquals(
        400, act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":-5}").status());
    assertEquals(
        400, act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":1.5}").status());
    Http.Response asked = act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":50000}");
    assertEquals(200, asked.status(), asked.toString());
    JsonObject waiting = json(asked);
    assertEquals(6, waiting.getJsonObject("status").getInt("code"));

    // PAY is not something the applicant can just claim
    Http.Response claimed = act(applicant, code, "{\"action\":\"PAY\"}");
    assertEquals(409, claimed.status(), claimed.toString());
    assertTrue(json(claimed).getString("detail").contains("/payments"), claimed.toString());
    JsonObject seen = json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code));
    assertTrue(
        seen.getJsonArray("allowedActions").stream().noneMatch(a -> a.toString().contains("PAY")),
        seen.toString());
    assertEquals(
        "/api/v1/dossiers/" + code + "/payments",
        seen.getJsonObject("payment").getString("payUrl"));

    // only the owner pays
    String payments = "/api/v1/dossiers/" + code + "/payments";
    assertEquals(401, http.postJson(payments, "{}").status());
    assertEquals(403, http.withBearer(officer).postJson(payments, "{}").status());
    assertEquals(404, http.withBearer(token("doanhnghiep")).postJson(payments, "{}").status());
    Http.Response started = http.withBearer(applicant).postJson(payments, "{}");
    assertEquals(201, started.status(), started.toString());
    JsonObject payment = json(started);
    assertEquals(50000, payment.getInt("amount"));
    assertEquals("PENDING", payment.getString("status"));
    String redirect = payment.getString("redirectUrl");
    String reference = payment.getString("reference");
    assertNotNull(payment.getJsonNumber("paymentId"));
    assertEquals(
        payment.getJsonNumber("paymentId"),
        json(http.withBearer(applicant).postJson(payments, "{}")).getJsonNumber("paymentId"),
        "a pending payment is not doubled");
    // one shape for a payment: as started, as listed, and as the dossier shows it
    JsonObject listed =
        json(http.withBearer(applicant).getJson(payments)).getJsonArray("items").getJsonObject(0);
    JsonObject inDossier =
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonObject("payment")
            .getJsonArray("payments")
            .getJsonObject(0);
    // the same instant, written the same way, wherever the payment is read
    assertEquals(payment.getString("createdAt"), listed.getString("createdAt"), listed.toString());
    assertEquals(
        payment.getString("createdAt"), inDossier.getString("createdAt"), inDossier.toString());
    assertEquals(payment, listed);
    assertEquals(inDossier, listed);

    // the sandbox's page plays the bank
    Http.Response page = http.get(redirect);
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("50.000"), page.body());
    assertTrue(page.body().contains("<form"), page.body());

    // a forged callback is refused and changes nothing
    String forged =
        "{\"reference\":\""
            + reference
            + "\",\"amount\":\"50000\",\"status\":\"PAID\","
            + "\"at\":\"1700000000\",\"signature\":\""
            + "ab".repeat(32)
            + "\"}";
    Http.Response refused = http.postJson("/api/v1/payments/callback/sandbox", forged);
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("application/problem+json", refused.mediaType());
    assertEquals(
        6,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonObject("status")
            .getInt("code"));

    Http.Response paid = sandbox(redirect, "paid");
    assertEquals(200, paid.status(), paid.toString());
    assertEquals("PAID", json(paid).getString("status"));
    JsonObject callback = json(paid).getJsonObject("callback");

    JsonObject after = json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code));
    assertEquals(4, after.getJsonObject("status").getInt("code"), "back to the status before");
    JsonArray history = after.getJsonArray("history");
    JsonObject last = history.getJsonObject(history.size() - 1);
    assertEquals("PAY", last.getString("action"));
    assertTrue(last.getString("note").contains(reference), last.toString());
    assertTrue(after.getJsonObject("payment").isNull("amountDue"));
    assertEquals(
        "PAID",
        after
            .getJsonObject("payment")
            .getJsonArray("payments")
            .getJsonObject(0)
            .getString("status"));

    // the same callback again: harmless
    Http.Response again = http.postJson("/api/v1/payments/callback/sandbox", callback.toString());
    assertEquals(200, again.status(), again.toString());
    assertEquals("PAID", json(again).getString("status"));
    // and a genuine callback with a tampered amount is forged
    String tampered = callback.toString().replace("\"50000\"", "\"1\"");
    assertEquals(403, http.postJson("/api/v1/payments/callback/sandbox", tampered).status());
    assertEquals(1, historyCount(code, "PAY"), "PAY applied exactly once");
    assertEquals(
        4,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonObject("status")
            .getInt("code"));
    assertEquals(
        409, http.withBearer(applicant).postJson(payments, "{}").status(), "nothing left to pay");
  }

  @Test
  void aFailedPaymentLeavesTheDossierWaitingAndCanBeTriedAgain() throws Exception {
    String applicant = token("congdan");
    String officer = token("canbo.xa");
    String code = awaitingPayment(applicant, officer);
    String payments = "/api/v1/dossiers/" + code + "/payments";
    JsonObject first = json(http.withBearer(applicant).postJson(payments, "{}"));
    Http.Response failed = sandbox(first.getString("redirectUrl"), "failed");
    assertEquals("FAILED", json(failed).getString("status"), failed.toString());
    assertEquals(
        6,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonObject("status")
            .getInt("code"));
    JsonObject second = json(http.withBearer(applicant).postJson(payments, "{}"));
    assertTrue(!first.getString("reference").equals(second.getString("reference")));
    assertEquals(
        "PAID", json(sandbox(second.getString("redirectUrl"), "paid")).getString("status"));
    assertEquals(
        4,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonObject("status")
            .getInt("code"));
    assertEquals(
        2, json(http.withBearer(applicant).getJson(payments)).getJsonArray("items").size());
    assertEquals(404, http.get("/api/v1/payments/sandbox/SBXNOSUCHREFERENCE").status());
  }

  @Test
  void paymentIsAskedOnlyOfLevelFourOnlineDossiers() throws Exception {
    String level3 = null;
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT p.code FROM offering o"
                    + " JOIN catalogue_procedure p ON p.id = o.procedure_id"
                    + " JOIN agency a ON a.id = o.agency_id WHERE a.code = ? AND o.level = 3 LIMIT 1")) {
      s.setString(1, COMMUNE);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          level3 = r.getString(1);
        }
      }
    }
    assertNotNull(level3, "the demo commune offers a level-3 procedure");
    String applicant = token("congdan");
    String officer = token("canbo.xa");
    String code = submit(applicant, level3, "ONLINE");
    act(officer, code, "{\"action\":\"ACCEPT\"}");
    Http.Response refused = act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":50000}");
    assertEquals(409, refused.status(), refused.toString());
    assertTrue(json(refused).getString("detail").contains("4"), refused.toString());

    // a counter dossier has no account to pay online with
    String counter = submit(officer, LEVEL4, "COUNTER");
    Http.Response noAccount =
        act(officer, counter, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":50000}");
    assertEquals(409, noAccount.status(), noAccount.toString());
  }

  @Test
  void theDemosDossiersAwaitingOnlinePaymentCarryTheirAmount() throws Exception {
    int checked = 0;
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT d.payment_amount,"
                    + " (SELECT MAX(o.level) FROM offering o WHERE o.procedure_id = d.procedure_id"
                    + " AND o.agency_id = d.receiving_agency_id) AS level, d.owner_id"
                    + " FROM dossier d WHERE d.status = 6 AND d.id IN (SELECT id FROM"
                    // the demo's 3,000 dossiers are the first rows of the fresh test database; the
                    // other tests' dossiers come after them and may have been asked other amounts
                    + " (SELECT id FROM dossier ORDER BY id LIMIT 3000) demo)");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long amount = r.getLong(1);
        boolean online = r.getInt(2) == 4 && r.getObject(3) != null;
        assertEquals(online ? 50_000 : 0, amount, "level " + r.getInt(2));
        checked++;
      }
    }
    assertTrue(checked > 0, "the demo has dossiers awaiting payment");
  }
}
