package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * Public tracking shows each step with its standard label, never the free text an officer wrote,
 * and takes the ID number in a POST body as well, out of addresses and logs.
 */
class TrackingPrivacyIT extends PortalIntegrationTest {

  private static final String COMMUNE = "000.01.31.H91";
  private static final String ID_NUMBER = "001099077123";
  private static final String PRIVATE = "Bà Lê Thị Hạnh gọi 0912 345 678, thiếu bản sao sổ hộ khẩu";

  private String counterDossier(Portal.Account officer) {
    Http.Response r =
        officer
            .http()
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"9.001001\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\"COUNTER\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Lê Thị Hạnh\",\"idNumber\":\""
                    + ID_NUMBER
                    + "\"}}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  @Test
  void theTimelineShowsStandardLabelsNotWhatTheOfficerWrote() {
    Portal.Account officer = portal.newAccount("OFFICER", COMMUNE);
    String code = counterDossier(officer);
    Http.Response acted =
        officer
            .http()
            .postJson(
                "/api/v1/dossiers/" + code + "/actions",
                "{\"action\":\"REQUEST_SUPPLEMENT\",\"note\":\""
                    + PRIVATE
                    + "\",\"reason\":\""
                    + PRIVATE
                    + "\"}");
    assertEquals(200, acted.status(), acted.toString());

    Http.Response api = portal.http().get("/api/v1/tracking/" + code + "?idNumber=" + ID_NUMBER);
    assertEquals(200, api.status(), api.toString());
    assertFalse(api.body().contains("0912"), api.body());
    assertFalse(api.body().contains("Hạnh gọi"), api.body());
    JsonObject last =
        api.json()
            .getJsonArray("history")
            .getJsonObject(api.json().getJsonArray("history").size() - 1);
    assertEquals("REQUEST_SUPPLEMENT", last.getString("action"));
    assertEquals("Yêu cầu bổ sung", last.getString("note"));
    Http.Response english =
        portal
            .http()
            .get("/api/v1/tracking/" + code + "?idNumber=" + ID_NUMBER, "Accept-Language", "en");
    assertEquals(
        "Supplement requested",
        english
            .json()
            .getJsonArray("history")
            .getJsonObject(english.json().getJsonArray("history").size() - 1)
            .getString("note"));

    Http.Response page =
        portal
            .http()
            .postForm("/tracking/" + code, java.util.Map.of("code", code, "idNumber", ID_NUMBER));
    assertEquals(200, page.status());
    assertTrue(page.body().contains("Yêu cầu bổ sung"), "the step's label on the page");
    assertFalse(page.body().contains("0912"), "no free text on the page");
    // the officer still sees the note in full
    assertTrue(officer.http().get("/api/v1/dossiers/" + code).body().contains("0912"));
  }

  @Test
  void theIdNumberMayComeInAPostBody() {
    Portal.Account officer = portal.newAccount("OFFICER", COMMUNE);
    String code = counterDossier(officer);
    Http.Response posted =
        portal.http().postJson("/api/v1/tracking/" + code, "{\"idNumber\":\"" + ID_NUMBER + "\"}");
    assertEquals(200, posted.status(), posted.toString());
    assertEquals(code, posted.json().getString("code"));
    assertEquals(
        404,
        portal
            .http()
            .postJson("/api/v1/tracking/" + code, "{\"idNumber\":\"001099000000\"}")
            .status());
    assertEquals(400, portal.http().postJson("/api/v1/tracking/" + code, "[]").status());
  }
}
