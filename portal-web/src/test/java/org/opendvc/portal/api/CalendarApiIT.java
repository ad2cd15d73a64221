package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * The working calendar API in a real Payara Micro against the real database: the holidays the
 * migration ships, the deadline rule's examples (docs/domain.md §4) through the API, an
 * administrator's change taking effect at once, and every bad input a 400 problem.
 *
 * <p>It expects the calendar revision, one for the whole portal, to move by exactly its own change,
 * while other classes change calendars of their own: it runs alone ({@link PortalWideFigures}).
 */
@PortalWideFigures
class CalendarApiIT extends PortalIntegrationTest {

  static final String ADMIN_PASSWORD = "it-admin-Secret1";

  private final URL base = portal.url();

  private Http http() {
    return Http.at(base);
  }

  private Http.Response get(String path, String... headers) {
    return http().get(path, headers);
  }

  private Http.Response put(String path, String body, String token) {
    return (token == null ? http() : http().withBearer(token)).putJson(path, body);
  }

  private String adminToken() {
    Http.Response a =
        http()
            .postJson(
                "/api/v1/auth/token",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
    assertEquals(200, a.status(), a.body());
    return a.json().getString("accessToken");
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void assertProblem(Http.Response a, int status) {
    assertEquals(status, a.status(), a.body());
    assertTrue(
        a.header("Content-Type").orElse("").startsWith("application/problem+json"),
        a.header("Content-Type").orElse(""));
    assertEquals(status, a.json().getInt("status"));
    assertFalse(a.body().contains("Exception"), "no exception names leak: " + a.body());
  }

  private Http.Response due(String receivedAt, Object amount, String unit) throws Exception {
    return get(
        "/api/v1/calendar/due-date?receivedAt="
            + q(receivedAt)
            + "&amount="
            + amount
            + "&unit="
            + unit);
  }

  private String dueAt(String receivedAt, Object amount, String unit) throws Exception {
    Http.Response a = due(receivedAt, amount, unit);
    assertEquals(200, a.status(), a.body());
    return a.json().getString("dueAt");
  }

  private static Set<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void theShippedHolidaysOf2026AreServed() throws Exception {
    Http.Response a = get("/api/v1/calendar/2026");
    assertEquals(200, a.status(), a.body());
    JsonObject y = a.json();
    assertEquals(2026, y.getInt("year"));
    Set<String> holidays = strings(y.getJsonArray("holidays"));
    assertEquals(
        Set.of(
            "2026-01-01",
            "2026-02-14",
            "2026-02-15",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-02-19",
            "2026-02-20",
            "2026-02-21",
            "2026-02-22",
            "2026-04-26",
            "2026-04-27",
            "2026-04-30",
            "2026-05-01",
            "2026-09-01",
            "2026-09-02"),
        holidays);
    assertEquals(0, y.getJsonArray("workingDays").size());
    JsonObject first = y.getJsonArray("entries").getJsonObject(0);
    assertEquals("2026-01-01", first.getString("date"));
    assertEquals("HOLIDAY", first.getString("kind"));
    assertEquals("Tết Dương lịch", first.getString("name"));
    assertTrue(
        strings(get("/api/v1/calendar/2027").json().getJsonArray("holidays"))
            .containsAll(List.of("2027-02-06", "2027-04-16", "2027-05-03", "2027-09-02")));
    Http.Response empty = get("/api/v1/calendar/2040");
    assertEquals(200, empty.status());
    assertEquals(0, empty.json().getJsonArray("holidays").size());
  }

  @Test
  void theExamplesOfTheRuleThroughTheApi() throws Exception {
    Http.Response a = due("2026-03-02T09:00:00+07:00", 1, "WORKING_DAYS");
    assertEquals(200, a.status(), a.body());
    assertEquals("2026-03-02T09:00:00+07:00", a.json().getString("receivedAt"));
    assertEquals("2026-03-03T09:00:00+07:00", a.json().getString("dueAt"));
    assertEquals("2026-03-03", a.json().getString("appointmentDate"));
    assertEquals(
        "2026-03-11T16:30:00+07:00", dueAt("2026-03-06T16:30:00+07:00", 3, "WORKING_DAYS"));
    assertEquals("2026-03-09T17:00:00+07:00", dueAt("2026-03-04T10:00:00+07:00", 3, "DAYS"));
    // without offset: local time in Vietnam; with Z: converted
    assertEquals("2026-03-03T09:00:00+07:00", dueAt("2026-03-02T09:00", 1, "WORKING_DAYS"));
    assertEquals("2026-03-03T09:00:00+07:00", dueAt("2026-03-02T02:00:00Z", 8, "WORKING_HOURS"));
    // received 17:20 on Friday counts from 07:00 on Monday
    Http.Response late = due("2026-03-06T17:20", 1, "WORKING_HOURS");
    assertEquals("2026-03-09T07:00:00+07:00", late.json().getString("countingFrom"));
    assertEquals("2026-03-09T08:00:00+07:00", late.json().getString("dueAt"));
    // an unencoded '+' arrives as a space and is still understood
    Http.Response raw =
        get(
            "/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00+07:00&amount=1"
                + "&unit=WORKING_DAYS");
    assertEquals(200, raw.status(), raw.body());
    assertEquals("2026-03-03T09:00:00+07:00", raw.json().getString("dueAt"));
  }

  @Test
  void calendarDaysCountFromTheNextOfficePeriodThroughTheApi() throws Exception {
    // received 12:10 counts from 13:30: Thursday 13:30, the same answer as the calendar's rule
    Http.Response lunch = due("2026-03-04T12:10", 1, "DAYS");
    assertEquals(200, lunch.status(), lunch.body());
    assertEquals("2026-03-04T13:30:00+07:00", lunch.json().getString("countingFrom"));
    assertEquals("2026-03-05T13:30:00+07:00", lunch.json().getString("dueAt"));
    // received 17:20 on Friday counts from 07:00 on Monday
    Http.Response friday = due("2026-03-06T17:20", 1, "DAYS");
    assertEquals("2026-03-09T07:00:00+07:00", friday.json().getString("countingFrom"));
    assertEquals("2026-03-10T07:00:00+07:00", friday.json().getString("dueAt"));
    assertEquals("2026-03-10", friday.json().getString("appointmentDate"));
    // on the 30 April holiday: counted from Monday 4 May 07:00
    assertEquals("2026-05-05T07:00:00+07:00", dueAt("2026-04-30T10:00", 1, "DAYS"));
    // the end of a period is outside it: 17:00 counts from 07:00 the next day
    assertEquals("2026-03-06T07:00:00+07:00", dueAt("2026-03-04T17:00", 1, "DAYS"));
  }

  @Test
  void aDueDateAcrossTet2026SkipsTheShippedHolidays() throws Exception {
    // Friday 13 February 10:00: 5 h that day, Tết from Saturday 14 to Sunday 22 February
    assertEquals("2026-02-24T10:00:00+07:00", dueAt("2026-02-13T10:00", 2, "WORKING_DAYS"));
    // Wednesday 29 April 16:00: 30 April and 1 May off
    assertEquals("2026-05-04T16:00:00+07:00", dueAt("2026-04-29T16:00", 1, "WORKING_DAYS"));
  }

  @Test
  void writingNeedsAnAdministratorAndAWrongBodyChangesNothing() throws Exception {
    String body = "{\"holidays\": [\"2026-01-01\"]}";
    assertProblem(put("/api/v1/calendar/2026", body, null), 401);
    assertProblem(put("/api/v1/calendar/2026", body, "x.y.z"), 401);
    String token = adminToken();
    String before = get("/api/v1/calendar/2026").body();
    long rows = count("SELECT COUNT(*) FROM calendar_day WHERE YEAR(calendar_date) = 2026");
    long revision = count("SELECT revision FROM calendar_state WHERE id = 1");

    Http.Response bad =
        put(
            "/api/v1/calendar/2026",
            """
        {"holidays": ["2026-01-01", "2026-02-30", {"date": "2025-12-31", "name": "Cuối năm"},
                      "2026-01-01", 7],
         "workingDays": [{"date": "2026-03-07"}, "2026-03-10", "2026-01-01"]}""",
            token);
    assertProblem(bad, 400);
    assertEquals(
        Set.of(
            "holidays[1]",
            "holidays[2]",
            "holidays[3]",
            "holidays[4]",
            "workingDays[1]",
            "workingDays[2]"),
        bad.errorFields(),
        bad.body());
    assertProblem(put("/api/v1/calendar/2026", "{\"holidays\": [\"2026-01-01\",", token), 400);
    assertProblem(put("/api/v1/calendar/2026", "", token), 400);
    assertProblem(put("/api/v1/calendar/2026", "{\"workingDays\": []}", token), 400);
    Http.Response english = put("/api/v1/calendar/2026", "[]", token);
    assertProblem(english, 400);
    assertEquals(Set.of("body"), english.errorFields());

    assertEquals(before, get("/api/v1/calendar/2026").body(), "a refused body changes nothing");
    assertEquals(rows, count("SELECT COUNT(*) FROM calendar_day WHERE YEAR(calendar_date) = 2026"));
    assertEquals(revision, count("SELECT revision FROM calendar_state WHERE id = 1"));
    assertEquals("2026-02-24T10:00:00+07:00", dueAt("2026-02-13T10:00", 2, "WORKING_DAYS"));
  }

  @Test
  void aSwappedSaturdayChangesTheNextDueDateAtOnce() throws Exception {
    // Friday 3 March 2028 16:00 + 1 working day: Monday 6 March 16:00 by the week alone
    assertEquals("2028-03-06T16:00:00+07:00", dueAt("2028-03-03T16:00", 1, "WORKING_DAYS"));
    long revision = count("SELECT revision FROM calendar_state WHERE id = 1");

    Http.Response put =
        put(
            "/api/v1/calendar/2028",
            """
        {"holidays": [{"date": "2028-03-06", "name": "Nghỉ thử nghiệm"}, "2028-01-01"],
         "workingDays": [{"date": "2028-03-04", "name": "Làm bù thứ Bảy"}]}""",
            adminToken());
    assertEquals(200, put.status(), put.body());
    assertEquals(
        List.of("2028-01-01", "2028-03-06"),
        List.copyOf(strings(put.json().getJsonArray("holidays"))));
    assertEquals(Set.of("2028-03-04"), strings(put.json().getJsonArray("workingDays")));
    assertEquals(
        "Làm bù thứ Bảy", put.json().getJsonArray("entries").getJsonObject(1).getString("name"));

    assertEquals(
        "2028-03-04T16:00:00+07:00",
        dueAt("2028-03-03T16:00", 1, "WORKING_DAYS"),
        "the swapped Saturday counts, right after the change");
    assertEquals(
        "2028-03-07T16:00:00+07:00",
        dueAt("2028-03-03T16:00", 2, "WORKING_DAYS"),
        "the new holiday on Monday is skipped");
    assertEquals(put.body(), get("/api/v1/calendar/2028").body());
    assertEquals(3, count("SELECT COUNT(*) FROM calendar_day WHERE YEAR(calendar_date) = 2028"));
    assertEquals(revision + 1, count("SELECT revision FROM calendar_state WHERE id = 1"));
    assertEquals(1, count("SELECT COUNT(*) FROM calendar_state WHERE changed_by = 'admin'"));

    Http.Response cleared = put("/api/v1/calendar/2028", "{\"holidays\": []}", adminToken());
    assertEquals(200, cleared.status(), cleared.body());
    assertEquals(0, cleared.json().getJsonArray("entries").size());
    assertEquals("2028-03-06T16:00:00+07:00", dueAt("2028-03-03T16:00", 1, "WORKING_DAYS"));
    assertEquals(
        16,
        get("/api/v1/calendar/2026").json().getJsonArray("holidays").size(),
        "other years are untouched");
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() throws Exception {
    for (String year : List.of("abc", "1999", "2101", "20261")) {
      Http.Response a = get("/api/v1/calendar/" + year);
      assertProblem(a, 400);
      assertEquals(Set.of("year"), a.errorFields(), year);
    }
    assertProblem(put("/api/v1/calendar/1999", "{\"holidays\": []}", adminToken()), 400);
    Http.Response all = get("/api/v1/calendar/due-date", "Accept-Language", "en");
    assertProblem(all, 400);
    assertEquals(Set.of("receivedAt", "amount", "unit"), all.errorFields());
    assertTrue(all.body().contains("missing"), "English on request: " + all.body());
    Http.Response vi = due("2026-03-02T09:00", 1, "MONTHS");
    assertProblem(vi, 400);
    assertEquals(Set.of("unit"), vi.errorFields());
    assertTrue(vi.body().contains("Đơn vị"), "Vietnamese by default: " + vi.body());
    assertEquals(Set.of("amount"), due("2026-03-02T09:00", -1, "DAYS").errorFields());
    assertEquals(Set.of("amount"), due("2026-03-02T09:00", 100000, "DAYS").errorFields());
    assertEquals(
        Set.of("amount"), due("2026-03-02T09:00", "99999999999999999999", "DAYS").errorFields());
    assertEquals(Set.of("amount"), due("2026-03-02T09:00", "1.5", "DAYS").errorFields());
    assertEquals(Set.of("receivedAt"), due("02/03/2026 9h", 1, "DAYS").errorFields());
    assertEquals(Set.of("receivedAt"), due("2026-02-30T09:00", 1, "DAYS").errorFields());
    assertEquals(Set.of("receivedAt"), due("9999-01-01T09:00", 1000, "WORKING_DAYS").errorFields());
    assertEquals(200, due("2026-03-02T09:00", 1000, "WORKING_DAYS").status(), "the largest limit");
  }

  @Test
  void openApiDescribesTheCalendar() throws Exception {
    Http.Response a = get("/openapi", "Accept", "application/json");
    assertEquals(200, a.status());
    for (String path : List.of("/api/v1/calendar/{year}", "/api/v1/calendar/due-date")) {
      assertTrue(a.body().contains("\"" + path + "\""), "OpenAPI describes " + path);
    }
    assertTrue(a.body().contains("\"Calendar\""), "tagged Calendar");
  }
}
