package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Who may call what: every endpoint of the API against every kind of caller — nobody, a forged
 * token, the dossier's owner, another applicant, an officer of the dossier's agency, an officer and
 * an agency admin of another agency, the admin, and the dossier agency's own case software. Each
 * cell is the status the contract promises; the test collects every mismatch and reports them all
 * at once. An agency system's machine account (AGENCY_SYSTEM) reads what the public reads and
 * publishes through the agency sync, and is refused everything made for people.
 */
@LongRunning
class AuthorizationMatrixIT extends PortalIntegrationTest {

  private static final String COMMUNE = "000.01.31.H91";
  private static final String PROCEDURE = "9.001001";
  private static final String PASSWORD = "Demo@2026";

  /** The callers, in the order of the columns below. */
  private static final String[] CALLERS = {
    "anonymous",
    "forged",
    "owner",
    "otherApplicant",
    "officer",
    "otherOfficer",
    "otherAgencyAdmin",
    "admin",
    "agencySystem"
  };

  private final URL url = portal.url();

  private Http http;
  private final Map<String, Http> as = new LinkedHashMap<>();

  /** One endpoint, how to call it, and the status each caller must get, column by column. */
  private record Row(String method, String path, String body, int... expected) {}

  /** A form field name in a Row's body marks a multipart upload of a small PDF. */
  private static final String UPLOAD = "multipart:component=1";

  @Test
  void everyEndpointAnswersEachCallerAsTheContractSays() {
    http = Http.at(url);
    as.put("anonymous", http);
    as.put("forged", http.withBearer("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.AAAA"));
    as.put("owner", http.signedInAs("congdan", PASSWORD));
    as.put("otherApplicant", http.signedInAs("doanhnghiep", PASSWORD));
    as.put("officer", http.signedInAs("canbo.xa", PASSWORD));
    as.put("otherOfficer", http.signedInAs("canbo.xa2", PASSWORD));
    as.put("otherAgencyAdmin", http.signedInAs("quantri.tuphap", PASSWORD));
    as.put("admin", http.signedInAs("admin", "it-admin-Secret1"));
    as.put("agencySystem", portal.newAccount("AGENCY_SYSTEM", COMMUNE).http());

    String dossier = submitAsOwner();
    // the class's own year: the admin's accepted PUT writes it back unchanged, but no other class
    // reads it meanwhile
    String year = Integer.toString(portal.ownYear());
    String calendar = http.get("/api/v1/calendar/" + year).body();

    List<Row> rows =
        List.of(
            // public reads: everyone, except a forged token, which is refused outright
            new Row(
                "GET",
                "/api/v1/procedures?q=khai+sinh",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/procedures/" + PROCEDURE,
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/agencies/" + COMMUNE,
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/catalogue/summary",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/statistics.csv?period=2026",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/statistics/online-uptake.xlsx?period=2026",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/open-data/procedures.csv",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/open-data/results.json",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/calendar/" + year,
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/calendar/due-date?receivedAt=2027-03-01T09:00:00%2B07:00&amount=3"
                    + "&unit=WORKING_DAYS",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/procedures/" + PROCEDURE + "/eform",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/tracking/" + dossier + "?idNumber=001099012345",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            // the dossier: its owner, its agency's officers and the admin; others cannot tell it
            // exists
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier,
                null,
                401,
                401,
                200,
                404,
                200,
                404,
                404,
                200,
                403),
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier + "/receipt.pdf",
                null,
                401,
                401,
                200,
                404,
                200,
                404,
                404,
                200,
                403),
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier + "/attachments",
                null,
                401,
                401,
                200,
                404,
                200,
                404,
                404,
                200,
                403),
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier + "/payments",
                null,
                401,
                401,
                200,
                404,
                200,
                404,
                404,
                200,
                403),
            new Row("GET", "/api/v1/dossiers", null, 401, 401, 200, 200, 200, 200, 200, 200, 403),
            // an applicant's list is always their own, whatever agency is asked for
            new Row(
                "GET",
                "/api/v1/dossiers?agency=" + COMMUNE,
                null,
                401,
                401,
                200,
                200,
                200,
                403,
                403,
                200,
                403),
            // an action the status does not allow: those who may see the dossier learn why (409)
            new Row(
                "POST",
                "/api/v1/dossiers/" + dossier + "/actions",
                "{\"action\":\"RESOLVE\"}",
                401,
                401,
                403,
                404,
                409,
                404,
                404,
                403,
                403),
            // files: the owner while receiving, the agency's officers; the admin only reads
            new Row(
                "POST",
                "/api/v1/dossiers/" + dossier + "/attachments",
                UPLOAD,
                401,
                401,
                201,
                404,
                201,
                404,
                404,
                403,
                403),
            // paying: only the owner, and only once payment was asked for (it was not: 409)
            new Row(
                "POST",
                "/api/v1/dossiers/" + dossier + "/payments",
                "{}",
                401,
                401,
                409,
                404,
                403,
                404,
                404,
                403,
                403),
            // rating: only the owner, and only once the dossier is finished (it is not: 409)
            new Row(
                "POST",
                "/api/v1/dossiers/" + dossier + "/rating",
                "{\"scores\":{\"access\":5,"
                    + "\"procedure\":5,\"officer\":5,\"result\":5,\"feedback\":5}}",
                401,
                401,
                409,
                404,
                403,
                404,
                404,
                403,
                403),
            // the rating is read by those who see the dossier (not rated yet: 404)
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier + "/rating",
                null,
                401,
                401,
                404,
                404,
                404,
                404,
                404,
                404,
                403),
            new Row(
                "GET", "/api/v1/satisfaction", null, 200, 401, 200, 200, 200, 200, 200, 200, 200),
            // the counter kiosk: the agencies' figures are public, the officers' are the agency's
            // own
            new Row(
                "GET",
                "/api/v1/satisfaction/kiosk",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "GET",
                "/api/v1/satisfaction/kiosk/officers",
                null,
                401,
                401,
                403,
                403,
                200,
                200,
                200,
                200,
                403),
            new Row(
                "GET",
                "/api/v1/satisfaction/kiosk/officers?agency=" + COMMUNE,
                null,
                401,
                401,
                403,
                403,
                200,
                403,
                403,
                200,
                403),
            new Row("GET", "/api/v1/scorecard", null, 200, 401, 200, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/api/v1/feedback", null, 200, 401, 200, 200, 200, 200, 200, 200, 200),
            // the feedback to handle: the officers and agency admins of an agency, each their own
            new Row(
                "GET", "/api/v1/feedback/inbox", null, 401, 401, 403, 403, 200, 200, 200, 403, 403),
            new Row(
                "GET",
                "/api/v1/scorecard/circular01",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            // the Circular 01 evaluation is the agency's; the dossier is not finished: 409
            new Row(
                "GET",
                "/api/v1/dossiers/" + dossier + "/evaluation",
                null,
                401,
                401,
                403,
                404,
                409,
                404,
                404,
                409,
                403),
            // the provider's callback is judged by its signature alone, whoever sends it
            new Row(
                "POST",
                "/api/v1/payments/callback/sandbox",
                "{\"reference\":\"x\","
                    + "\"status\":\"PAID\",\"amount\":1,\"at\":\"2026-11-27T10:00:00Z\",\"signature\":\"00\"}",
                403,
                401,
                403,
                403,
                403,
                403,
                403,
                403,
                403),
            // submission: applicants online; officers only at their counter; the admin does not
            // submit
            new Row(
                "POST",
                "/api/v1/dossiers",
                submission("ONLINE", "Trần Thị Một"),
                401,
                401,
                201,
                201,
                403,
                403,
                403,
                403,
                403),
            new Row(
                "POST",
                "/api/v1/dossiers",
                submission("COUNTER", "Trần Thị Hai"),
                401,
                401,
                403,
                403,
                201,
                403,
                403,
                403,
                403),
            // administration
            new Row(
                "POST",
                "/api/v1/admin/users",
                "{\"username\":\"matrix.user\",\"password\":"
                    + "\"Matrix-Secret-1\",\"role\":\"APPLICANT\"}",
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                201,
                403),
            new Row(
                "PUT",
                "/api/v1/calendar/" + year,
                calendar,
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                200,
                403),
            new Row(
                "GET",
                "/api/v1/search/dictionary",
                null,
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                200,
                403),
            new Row(
                "POST",
                "/api/v1/search/dictionary",
                "{}",
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                400,
                403),
            new Row(
                "GET",
                "/api/v1/search/national-services",
                null,
                200,
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                200),
            new Row(
                "POST",
                "/api/v1/search/national-services",
                "{}",
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                400,
                403),
            new Row("GET", "/api/v1/search/log", null, 401, 401, 403, 403, 403, 403, 403, 200, 403),
            new Row(
                "POST",
                "/api/v1/procedures/import",
                "[]",
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                200,
                403),
            // agency sync: only an agency's own system publishes
            new Row(
                "POST",
                "/api/v1/agency-sync/dossiers",
                "[]",
                401,
                401,
                403,
                403,
                403,
                403,
                403,
                403,
                200));

    List<String> mismatches = new ArrayList<>();
    for (Row row : rows) {
      for (int i = 0; i < CALLERS.length; i++) {
        Http.Response r = call(as.get(CALLERS[i]), row);
        if (r.status() != row.expected()[i]) {
          mismatches.add(
              row.method()
                  + " "
                  + row.path()
                  + " as "
                  + CALLERS[i]
                  + ": expected "
                  + row.expected()[i]
                  + ", got "
                  + r.status()
                  + " "
                  + abbreviate(r.body()));
        }
        if (r.status() >= 400) {
          assertTrue(r.mediaType().equals("application/problem+json"), r.toString());
          assertFalse(r.body().contains("Exception"), r.toString());
        }
        if (r.status() >= 500) {
          mismatches.add("a server error: " + r);
        }
      }
    }
    assertTrue(
        mismatches.isEmpty(),
        mismatches.size() + " cells differ:\n" + String.join("\n", mismatches));
  }

  @Test
  void anOfficerNeverChangesAnotherAgencysDossier() {
    http = Http.at(url);
    as.put("owner", http.signedInAs("congdan", PASSWORD));
    String dossier = submitAsOwner();
    Http other = http.signedInAs("canbo.xa2", PASSWORD);
    Http otherAdmin = http.signedInAs("quantri.tuphap", PASSWORD);
    for (String action :
        new String[] {
          "ACCEPT", "REFUSE", "TRANSFER", "REQUEST_SUPPLEMENT", "STOP", "APOLOGIZE", "RESOLVE"
        }) {
      String body =
          "{\"action\":\""
              + action
              + "\",\"reason\":\"x\",\"note\":\"x\","
              + "\"targetAgencyCode\":\"000.00.31.H92\",\"newDueAt\":\"2030-01-02T10:00:00+07:00\"}";
      assertEquals(404, other.postJson("/api/v1/dossiers/" + dossier + "/actions", body).status());
      assertEquals(
          404, otherAdmin.postJson("/api/v1/dossiers/" + dossier + "/actions", body).status());
    }
    JsonObject after = as.get("owner").getJson("/api/v1/dossiers/" + dossier).json();
    assertEquals(1, after.getJsonObject("status").getInt("code"), "still receiving");
    assertEquals(1, after.getJsonArray("history").size(), "no step was added");
  }

  private String submitAsOwner() {
    Http.Response r =
        as.get("owner").postJson("/api/v1/dossiers", submission("ONLINE", "Nguyễn Văn Ma Trận"));
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static String submission(String channel, String name) {
    return "{\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + COMMUNE
        + "\","
        + "\"channel\":\""
        + channel
        + "\",\"applicant\":{\"type\":\"CITIZEN\","
        + "\"fullName\":\""
        + name
        + "\",\"idNumber\":\"001099012345\"},\"form\":{"
        + Submissions.BIRTH
        + "},"
        + Submissions.PROMISED_BIRTH
        + "}";
  }

  private static Http.Response call(Http client, Row row) {
    return switch (row.method()) {
      case "GET" -> client.get(row.path(), "Accept", "application/json, application/pdf");
      case "POST" ->
          UPLOAD.equals(row.body())
              ? client.postMultipart(
                  row.path(),
                  new Multipart()
                      .field("component", "1")
                      .file("file", "giay-to.pdf", "application/pdf", Multipart.pdf("ma tran")))
              : client.postJson(row.path(), row.body());
      case "PUT" -> client.putJson(row.path(), row.body());
      default -> throw new IllegalArgumentException(row.method());
    };
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
