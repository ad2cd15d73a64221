package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Agencies publish dossiers from their own case software ({@code POST
 * /api/v1/agency-sync/dossiers}) with a machine account (AGENCY_SYSTEM) scoped to the district of
 * thành phố Lam Giang and the communes under it; the published dossiers appear in public tracking
 * like the portal's own. Each test makes its own accounts and dossier codes (a random day of 2024
 * and sequence numbers of this run), so a kept database never collides.
 */
class AgencySyncIT extends PortalIntegrationTest {

  private static final String PATH = "/api/v1/agency-sync/dossiers";

  /** UBND thành phố Lam Giang, and two wards under it. */
  private static final String DISTRICT = "000.00.31.H91";

  private static final String WARD = "000.02.31.H91";
  private static final String FIRST_WARD = "000.01.31.H91";

  /** UBND huyện Hưng Phú: another district of the same province, outside the scope. */
  private static final String OTHER_DISTRICT = "000.00.32.H91";

  private static final String PROCEDURE = "9.001001";
  private static final String ID_NUMBER = "001099012345";
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private static final LocalDate DAY =
      LocalDate.of(2024, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300));
  private static final AtomicInteger NEXT_SEQ =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 80) * 100);

  private static Http system;
  private static Http otherSystem;

  @BeforeAll
  static void accounts() {
    system = portal.newAccount("AGENCY_SYSTEM", DISTRICT).http();
    otherSystem = portal.newAccount("AGENCY_SYSTEM", OTHER_DISTRICT).http();
  }

  // ------------------------------------------------------------------ publishing and replaying

  @Test
  void aBatchCreatesWhatIsRightRejectsWhatIsNotAndReplaysWithoutDuplicates() {
    String resolved = code(WARD, DAY);
    String inProgress = code(WARD, DAY);
    String batch =
        "["
            + resolvedRecord(resolved, WARD, DAY)
            + ","
            + record(
                inProgress,
                WARD,
                DAY,
                change(1, 2, DAY, "08:00") + "," + change(2, 4, DAY, "09:00"))
            + ","
            + record("not-a-code", WARD, DAY, change(1, 2, DAY, "08:00"))
            + "]";

    JsonObject first = publish(system, batch);
    assertEquals(2, first.getInt("created"), first.toString());
    assertEquals(0, first.getInt("updated"));
    assertEquals(0, first.getInt("unchanged"));
    JsonArray rejected = first.getJsonArray("rejected");
    assertEquals(1, rejected.size(), first.toString());
    assertEquals(2, rejected.getJsonObject(0).getInt("index"));
    assertEquals("not-a-code", rejected.getJsonObject(0).getString("code"));
    assertTrue(
        rejected.getJsonObject(0).getString("reason").contains("01/2018"), rejected.toString());

    JsonObject tracked = track(resolved);
    assertEquals(10, tracked.getJsonObject("status").getInt("code"), tracked.toString());
    assertEquals(4, tracked.getJsonArray("history").size());
    assertFalse(tracked.isNull("finishedAt"), "finished when resolved");
    assertEquals("EARLY", tracked.getString("timeliness"), tracked.toString());
    // public tracking shows the step's standard label, not the note the agency's system sent
    assertEquals("REPORT", tracked.getJsonArray("history").getJsonObject(2).getString("action"));
    assertEquals(
        "Cập nhật từ hệ thống của cơ quan",
        tracked.getJsonArray("history").getJsonObject(2).getString("note"));
    assertFalse(tracked.toString().contains("Đã có kết quả"), tracked.toString());
    assertEquals(2, track(inProgress).getJsonArray("history").size());

    JsonObject again = publish(system, batch);
    assertEquals(0, again.getInt("created"), again.toString());
    assertEquals(0, again.getInt("updated"));
    assertEquals(2, again.getInt("unchanged"));
    assertEquals(1, again.getJsonArray("rejected").size());
    assertEquals(4, track(resolved).getJsonArray("history").size(), "nothing duplicated");
    assertEquals(2, track(inProgress).getJsonArray("history").size(), "nothing duplicated");

    // a new change alone is appended
    JsonObject appended =
        publish(
            system,
            "[" + record(inProgress, WARD, DAY, change(3, 9, DAY.plusDays(1), "10:00")) + "]");
    assertEquals(1, appended.getInt("updated"), appended.toString());
    JsonObject after = track(inProgress);
    assertEquals(9, after.getJsonObject("status").getInt("code"));
    assertEquals(3, after.getJsonArray("history").size());

    // a stored change sent differently, a gap in the numbers, a change after a final status
    JsonObject refused =
        publish(
            system,
            "["
                + record(inProgress, WARD, DAY, change(2, 5, DAY, "09:00"))
                + ","
                + record(inProgress, WARD, DAY, change(5, 10, DAY.plusDays(2), "08:00"))
                + ","
                + record(resolved, WARD, DAY, change(5, 4, DAY.plusDays(3), "08:00"))
                + "]");
    assertEquals(0, refused.getInt("updated"), refused.toString());
    JsonArray reasons = refused.getJsonArray("rejected");
    assertEquals(3, reasons.size(), refused.toString());
    assertEquals("changes[0]", field(reasons.getJsonObject(0)));
    assertEquals("changes[0].seq", field(reasons.getJsonObject(1)));
    assertEquals("changes[0].status", field(reasons.getJsonObject(2)));
    assertEquals(3, track(inProgress).getJsonArray("history").size(), "unchanged");
    assertEquals(4, track(resolved).getJsonArray("history").size(), "unchanged");
  }

  @Test
  void aRecordWithWrongFieldsIsRejectedWithEveryProblemNamed() {
    String code = code(WARD, DAY);
    String bad =
        "{\"code\":\""
            + code
            + "\",\"procedureCode\":\"9.999999\",\"agencyCode\":\""
            + WARD
            + "\",\"channel\":\"FAX\",\"receivedAt\":\"yesterday\",\"applicant\":{\"type\":"
            + "\"CITIZEN\",\"fullName\":\"Nguyễn Văn Đồng Bộ\",\"idNumber\":\"12\"},\"changes\":"
            + "[{\"seq\":0,\"status\":11,\"at\":\""
            + moment(DAY, "08:00")
            + "\"}]}";
    String unknown =
        record(code(WARD, DAY), WARD, DAY, change(1, 2, DAY, "08:00"))
            .replace(PROCEDURE, "9.999999");
    JsonObject answer = publish(system, "[" + bad + ", 42, " + unknown + "]");
    JsonArray rejected = answer.getJsonArray("rejected");
    assertEquals(3, rejected.size(), answer.toString());
    JsonObject first = rejected.getJsonObject(0);
    List<String> fields =
        first.getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    assertTrue(
        fields.containsAll(List.of("changes[0].seq", "changes[0].status")), fields.toString());
    assertEquals(1, rejected.getJsonObject(1).getInt("index"));
    assertTrue(rejected.getJsonObject(1).isNull("code"));
    assertTrue(
        rejected.getJsonObject(2).getString("reason").contains("9.999999"), rejected.toString());
    assertEquals(404, portal.http().get("/api/v1/tracking/" + code + "?idNumber=12").status());
  }

  // ------------------------------------------------------------------ scope

  @Test
  void aSystemWritesOnlyTheDossiersOfItsAgencyAndTheUnitsUnderIt() {
    // an agency outside the scope, with a code of its own
    JsonObject outside =
        publish(
            system,
            "["
                + record(code(OTHER_DISTRICT, DAY), OTHER_DISTRICT, DAY, change(1, 2, DAY, "08:00"))
                + "]");
    assertEquals(0, outside.getInt("created"), outside.toString());
    List<String> fields =
        outside.getJsonArray("rejected").getJsonObject(0).getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList();
    assertTrue(fields.containsAll(List.of("agencyCode", "code")), fields.toString());

    // another agency's dossier, published by its own system, is never touched
    String theirs = code(OTHER_DISTRICT, DAY);
    assertEquals(
        1,
        publish(
                otherSystem,
                "[" + record(theirs, OTHER_DISTRICT, DAY, change(1, 2, DAY, "08:00")) + "]")
            .getInt("created"));
    JsonObject intrusion =
        publish(
            system,
            "["
                + record(
                    theirs,
                    OTHER_DISTRICT,
                    DAY,
                    change(1, 2, DAY, "08:00") + "," + change(2, 8, DAY, "09:00"))
                + "]");
    assertEquals(
        0, intrusion.getInt("updated") + intrusion.getInt("unchanged"), intrusion.toString());
    assertEquals("code", field(intrusion.getJsonArray("rejected").getJsonObject(0)));
    JsonObject untouched = track(theirs);
    assertEquals(2, untouched.getJsonObject("status").getInt("code"));
    assertEquals(1, untouched.getJsonArray("history").size());

    // a dossier submitted online to a ward in the scope: the district's system may report on it
    Http.Response submitted =
        portal
            .demo("congdan")
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + FIRST_WARD
                    + "\","
                    + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":"
                    + "\"Nguyễn Văn An\",\"idNumber\":\""
                    + ID_NUMBER
                    + "\"},\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, submitted.status(), submitted.toString());
    String online = submitted.json().getString("code");
    String receivedAt = submitted.json().getString("receivedAt");
    String accepted = "{\"seq\":1,\"status\":2,\"at\":\"" + receivedAt + "\"}";
    String report =
        "[{\"code\":\""
            + online
            + "\",\"procedureCode\":\""
            + PROCEDURE
            + "\","
            + "\"agencyCode\":\""
            + FIRST_WARD
            + "\",\"channel\":\"ONLINE\",\"receivedAt\":\""
            + receivedAt
            + "\",\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Nguyễn Văn An\","
            + "\"idNumber\":\""
            + ID_NUMBER
            + "\"},\"changes\":["
            + accepted
            + "]}]";
    JsonObject foreign = publish(otherSystem, report);
    assertEquals(
        "code", field(foreign.getJsonArray("rejected").getJsonObject(0)), foreign.toString());
    JsonObject reported = publish(system, report);
    assertEquals(1, reported.getInt("updated"), reported.toString());
    JsonObject tracked = track(online);
    assertEquals(2, tracked.getJsonObject("status").getInt("code"));
    assertEquals(2, tracked.getJsonArray("history").size());
  }

  @Test
  void onlyAnAgencySystemMayPublishAndItMayDoNothingElse() {
    String body = "[]";
    assertEquals(401, portal.http().postJson(PATH, body).status());
    assertEquals(
        401,
        portal.http().withBearer("eyJhbGciOiJSUzI1NiJ9.e30.AAAA").postJson(PATH, body).status());
    for (String person : List.of("congdan", "canbo.xa", "quantri.tuphap")) {
      Http.Response r = portal.demo(person).postJson(PATH, body);
      assertEquals(403, r.status(), person + ": " + r);
      assertEquals("application/problem+json", r.mediaType());
    }
    assertEquals(403, portal.admin().postJson(PATH, body).status());
    assertEquals(200, system.postJson(PATH, body).status());

    // the machine account is no officer: the work list, submissions and actions are closed
    assertEquals(403, system.get("/api/v1/dossiers").status());
    assertEquals(
        403,
        system
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + FIRST_WARD
                    + "\",\"channel\":\"COUNTER\"}")
            .status());
  }

  @Test
  void aBodyThatIsNoArrayOrTooLargeIsRefusedWhole() {
    Http.Response object = system.postJson(PATH, "{\"code\":\"x\"}");
    assertEquals(400, object.status(), object.toString());
    assertEquals("application/problem+json", object.mediaType());
    Http.Response malformed = system.postJson(PATH, "[{");
    assertEquals(400, malformed.status(), malformed.toString());
    assertFalse(malformed.body().contains("Exception"), malformed.toString());
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    Http.Response tooMany = system.postJson(PATH, many.append("]").toString());
    assertEquals(413, tooMany.status(), tooMany.toString());
    assertEquals("application/problem+json", tooMany.mediaType());
  }

  // ------------------------------------------------------------------ statistics

  /**
   * The published resolved dossier counts in the statistics of the ward where it was resolved,
   * exactly like the portal's own (the kept figures are updated in the same transaction). Runs once
   * the public statistics API ({@code GET /api/v1/statistics}) is there; skipped before.
   */
  @Test
  void statisticsApi_countsAPublishedResolvedDossierLikeThePortalsOwn() {
    String ward = "000.03.31.H91";
    LocalDate day = DAY.plusDays(1);
    String query =
        "/api/v1/statistics?from=" + day + "&to=" + day + "&agency=" + ward + "&groupBy=agency";
    Http.Response before = portal.http().get(query);
    Assumptions.assumeTrue(
        before.status() != 404, "GET /api/v1/statistics is not on this branch yet");
    assertEquals(200, before.status(), before.toString());
    int resolvedBefore = resolvedOf(before.json(), ward);

    String code = code(ward, day);
    JsonObject answer =
        publish(
            system,
            "["
                + record(
                    code,
                    ward,
                    day,
                    change(1, 2, day, "08:00")
                        + ","
                        + change(2, 4, day, "09:00")
                        + ","
                        + change(3, 9, day, "10:00"))
                + "]");
    assertEquals(1, answer.getInt("created"), answer.toString());

    Http.Response after = portal.http().get(query);
    assertEquals(200, after.status(), after.toString());
    assertEquals(resolvedBefore + 1, resolvedOf(after.json(), ward), after.body());
  }

  /** The {@code resolved} figure of the agency's row (0 when it has none yet). */
  private static int resolvedOf(JsonObject statistics, String agency) {
    for (String list : List.of("rows", "items")) {
      if (statistics.containsKey(list)) {
        for (JsonValue row : statistics.getJsonArray(list)) {
          if (row.toString().contains("\"" + agency + "\"")) {
            return row.asJsonObject().getJsonNumber("resolved").intValue();
          }
        }
        return 0;
      }
    }
    throw new AssertionError("no rows in " + statistics);
  }

  // ------------------------------------------------------------------ helpers

  private static JsonObject publish(Http as, String batch) {
    Http.Response r = as.postJson(PATH, batch);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static JsonObject track(String code) {
    Http.Response r = portal.http().get("/api/v1/tracking/" + code + "?idNumber=" + ID_NUMBER);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static String field(JsonObject rejection) {
    JsonArray errors = rejection.getJsonArray("errors");
    assertNotNull(errors, rejection.toString());
    return errors.getJsonObject(0).getString("field");
  }

  /** A dossier code of the unit and day that no other test of the run uses. */
  private static String code(String unit, LocalDate day) {
    return unit
        + "-"
        + day.format(YYMMDD)
        + "-"
        + String.format("%04d", NEXT_SEQ.incrementAndGet());
  }

  private static String moment(LocalDate day, String time) {
    return day + "T" + time + ":00+07:00";
  }

  private static String change(int seq, int status, LocalDate day, String time) {
    return "{\"seq\":" + seq + ",\"status\":" + status + ",\"at\":\"" + moment(day, time) + "\"}";
  }

  /** Received at the counter, accepted, processed, resolved early and returned. */
  private static String resolvedRecord(String code, String agency, LocalDate day) {
    return record(
        code,
        agency,
        day,
        change(1, 2, day, "08:00")
            + ","
            + change(2, 4, day, "09:00")
            + ",{\"seq\":3,\"status\":9,\"at\":\""
            + moment(day, "15:00")
            + "\",\"note\":\"Đã có kết quả\"},"
            + change(4, 10, day.plusDays(1), "08:00"));
  }

  private static String record(String code, String agency, LocalDate day, String changes) {
    return "{\"code\":\""
        + code
        + "\",\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + agency
        + "\",\"channel\":\"COUNTER\",\"receivedAt\":\""
        + moment(day, "08:00")
        + "\",\"dueAt\":\""
        + moment(day.plusDays(14), "17:00")
        + "\",\"applicant\":{\"type\":"
        + "\"CITIZEN\",\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\""
        + ID_NUMBER
        + "\"},"
        + "\"changes\":["
        + changes
        + "]}";
  }
}
