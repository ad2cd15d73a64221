package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Feedback and complaints (docs/feedback.md): sent with or without an account, deadlines counted on
 * the working calendar, handled only by the agency concerned, published without the sender's
 * details, and bad input refused with nothing written.
 */
@PortalWideFigures
class FeedbackApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String OTHER_AGENCY = "000.00.31.H92";
  static final String PROCEDURE = "9.001001";
  static final String EMAIL = "phan.anh.nguoi.gui@example.vn";
  static final String NAME = "Lý Thị Phản Ánh";
  static final String PHONE = "0912 345 678";

  private final Http officer = portal.demo("canbo.xa");

  @Test
  void theAgencyAnswersAndPublishesWithoutTheSendersDetailsAndTheDeadlinesFollowTheCalendar() {
    long publishedBefore =
        portal
            .http()
            .get("/api/v1/feedback?agency=" + COMMUNE)
            .json()
            .getJsonNumber("total")
            .longValue();
    JsonObject scoreBefore = feedbackIndicator();
    Http.Response sent =
        portal
            .http()
            .postJson(
                "/api/v1/feedback",
                "{\"subject\":\"AGENCY\","
                    + "\"agencyCode\":\""
                    + COMMUNE
                    + "\",\"title\":\"Chờ lâu ở bộ phận một cửa\","
                    + "\"content\":\"Sáng thứ hai phải chờ hơn một giờ.\",\"name\":\""
                    + NAME
                    + "\","
                    + "\"email\":\""
                    + EMAIL
                    + "\",\"phone\":\""
                    + PHONE
                    + "\"}");
    assertEquals(201, sent.status(), sent.toString());
    JsonObject f = sent.json();
    String code = f.getString("code");
    assertTrue(code.matches("PA-\\d{6}-[A-Z2-9]{6}"), code);
    assertEquals("RECEIVED", f.getString("status"));
    assertEquals(due(f.getString("receivedAt"), 2), instant(f.getString("refuseBy")));
    assertEquals(due(f.getString("receivedAt"), 15), instant(f.getString("resolveBy")));
    assertFalse(sent.body().contains(EMAIL) || sent.body().contains(NAME));
    JsonObject scoreAfter = feedbackIndicator();
    assertEquals(
        scoreBefore.getInt("denominator") + 1,
        scoreAfter.getInt("denominator"),
        "the commune's scorecard counts the feedback");
    assertEquals(
        scoreBefore.getInt("numerator") + 1, scoreAfter.getInt("numerator"), "on time so far");

    // only the agency handles it
    assertEquals(401, portal.http().postJson(actions(code), "{\"action\":\"ANSWER\"}").status());
    assertEquals(
        403,
        portal
            .demo("congdan")
            .postJson(actions(code), "{\"action\":\"ANSWER\",\"text\":\"x\"}")
            .status());
    assertEquals(
        404,
        portal
            .demo("canbo.tuphap")
            .postJson(actions(code), "{\"action\":\"ANSWER\",\"text\":\"x\"}")
            .status(),
        "another agency cannot see it");
    JsonObject inbox = officer.get("/api/v1/feedback/inbox?status=RECEIVED&size=100").json();
    JsonObject mine =
        inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getJsonObject("feedback").getString("code").equals(code))
            .findFirst()
            .orElseThrow();
    assertEquals(EMAIL, mine.getString("senderEmail"), "the agency has the address to answer");

    Http.Response empty = officer.postJson(actions(code), "{\"action\":\"ANSWER\"}");
    assertEquals(400, empty.status(), "an answer needs text");
    assertEquals(
        409,
        officer.postJson(actions(code), "{\"action\":\"PUBLISH\"}").status(),
        "nothing to publish before the answer");
    Http.Response answered =
        officer.postJson(
            actions(code),
            "{\"action\":\"ANSWER\","
                + "\"text\":\"Từ tháng sau bộ phận một cửa mở thêm một quầy vào sáng thứ hai.\"}");
    assertEquals(200, answered.status(), answered.toString());
    JsonObject a = answered.json();
    assertEquals("ANSWERED", a.getString("status"));
    assertEquals(due(a.getString("answeredAt"), 2), instant(a.getString("publishBy")));
    assertFalse(a.getBoolean("late"));
    assertEquals(
        publishedBefore,
        portal
            .http()
            .get("/api/v1/feedback?agency=" + COMMUNE)
            .json()
            .getJsonNumber("total")
            .longValue(),
        "not published until the agency publishes it");

    assertEquals(200, officer.postJson(actions(code), "{\"action\":\"PUBLISH\"}").status());
    assertEquals(409, officer.postJson(actions(code), "{\"action\":\"PUBLISH\"}").status());
    Http.Response published = portal.http().get("/api/v1/feedback?agency=" + COMMUNE);
    assertEquals(publishedBefore + 1, published.json().getJsonNumber("total").longValue());
    assertTrue(published.body().contains(code));
    for (String personal : new String[] {EMAIL, NAME, PHONE}) {
      assertFalse(published.body().contains(personal), "published without " + personal);
      assertFalse(portal.http().get("/api/v1/feedback/" + code).body().contains(personal));
    }
  }

  @Test
  void badFeedbackIsRefusedWithEveryProblemAndNothingWritten() {
    long before =
        officer.get("/api/v1/feedback/inbox?size=1").json().getJsonNumber("total").longValue();
    Http.Response bad =
        portal
            .http()
            .postJson(
                "/api/v1/feedback",
                "{\"subject\":\"PROCEDURE\","
                    + "\"procedureCode\":\"khong-co\",\"title\":\"\",\"content\":\"x\",\"email\":\"khong-hop-le\"}");
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(Set.of("procedureCode", "agencyCode", "title", "email"), bad.errorFields());
    assertEquals(
        400,
        portal
            .http()
            .postJson(
                "/api/v1/feedback",
                "{\"subject\":\"WEATHER\","
                    + "\"title\":\"t\",\"content\":\"c\",\"email\":\""
                    + EMAIL
                    + "\"}")
            .status());
    Http.Response wrongId =
        portal
            .http()
            .postJson(
                "/api/v1/feedback",
                "{\"subject\":\"DOSSIER\","
                    + "\"dossierCode\":\""
                    + COMMUNE
                    + "-261201-0001\",\"idNumber\":\"000000000000\","
                    + "\"title\":\"t\",\"content\":\"c\",\"email\":\""
                    + EMAIL
                    + "\"}");
    assertEquals(400, wrongId.status());
    assertEquals(Set.of("dossierCode"), wrongId.errorFields());
    assertEquals(
        before,
        officer.get("/api/v1/feedback/inbox?size=1").json().getJsonNumber("total").longValue(),
        "nothing written");
    assertEquals(404, portal.http().get("/api/v1/feedback/PA-000000-AAAAAA").status());
  }

  @Test
  void feedbackAboutADossierGoesToItsAgencyAndCanBeRefused() {
    Http.Response d =
        officer.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"channel\":\"COUNTER\",\"applicant\":{"
                + "\"type\":\"CITIZEN\",\"fullName\":\""
                + NAME
                + "\",\"idNumber\":\"001099088990\"},"
                + "\"form\":{\"tenTre\":\"Lý Văn Bé\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, d.status(), d.toString());
    String dossier = d.json().getString("code");
    Http.Response sent =
        portal
            .demo("congdan")
            .postJson(
                "/api/v1/feedback",
                "{\"subject\":\"DOSSIER\",\"dossierCode\":\""
                    + dossier
                    + "\","
                    + "\"idNumber\":\"001099088990\",\"title\":\"Hẹn trả kết quả\","
                    + "\"content\":\"Xin hỏi khi nào có kết quả?\",\"email\":\""
                    + EMAIL
                    + "\"}");
    assertEquals(201, sent.status(), sent.toString());
    assertEquals(COMMUNE, sent.json().getString("agencyCode"));
    assertEquals(PROCEDURE, sent.json().getString("procedureCode"));
    String code = sent.json().getString("code");
    Http.Response refused =
        officer.postJson(
            actions(code),
            "{\"action\":\"REFUSE\",\"text\":\"Đây là câu hỏi, đã trả lời qua điện thoại.\"}");
    assertEquals(200, refused.status(), refused.toString());
    assertEquals("REFUSED", refused.json().getString("status"));
    assertEquals(
        409, officer.postJson(actions(code), "{\"action\":\"ANSWER\",\"text\":\"x\"}").status());
    assertEquals(400, officer.postJson(actions(code), "{\"action\":\"FORGET\"}").status());
  }

  @Test
  void aHolidayOnTheCalendarMovesTheDeadlines() {
    String now = java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    java.time.LocalDate nextWorkingDay =
        due(now, 1).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
    java.time.Instant before = due(now, 2);
    int year = nextWorkingDay.getYear();
    Http admin = portal.admin();
    JsonObject original = portal.http().get("/api/v1/calendar/" + year).json();
    StringBuilder holidays = new StringBuilder("[");
    for (JsonObject e : original.getJsonArray("entries").getValuesAs(JsonObject.class)) {
      if (e.getString("kind").equals("HOLIDAY")) {
        holidays.append(holidays.length() > 1 ? "," : "").append(entry(e));
      }
    }
    StringBuilder working = new StringBuilder("[");
    for (JsonObject e : original.getJsonArray("entries").getValuesAs(JsonObject.class)) {
      if (e.getString("kind").equals("WORKING_DAY")) {
        working.append(working.length() > 1 ? "," : "").append(entry(e));
      }
    }
    String restore = "{\"holidays\":" + holidays + "],\"workingDays\":" + working + "]}";
    String withHoliday =
        "{\"holidays\":"
            + holidays
            + (holidays.length() > 1 ? "," : "")
            + "{\"date\":\""
            + nextWorkingDay
            + "\",\"name\":\"Nghỉ bù thử\"}],"
            + "\"workingDays\":"
            + working
            + "]}";
    try {
      Http.Response put = admin.putJson("/api/v1/calendar/" + year, withHoliday);
      assertEquals(200, put.status(), put.toString());
      Http.Response sent =
          portal
              .http()
              .postJson(
                  "/api/v1/feedback",
                  "{\"subject\":\"AGENCY\","
                      + "\"agencyCode\":\""
                      + COMMUNE
                      + "\",\"title\":\"Hạn trả lời\","
                      + "\"content\":\"Thử lịch nghỉ.\",\"email\":\""
                      + EMAIL
                      + "\"}");
      assertEquals(201, sent.status(), sent.toString());
      java.time.Instant refuseBy = instant(sent.json().getString("refuseBy"));
      assertEquals(
          due(sent.json().getString("receivedAt"), 2),
          refuseBy,
          "counted on the calendar as loaded");
      assertTrue(
          refuseBy.isAfter(before),
          "the holiday "
              + nextWorkingDay
              + " moves the deadline: "
              + refuseBy
              + " after "
              + before);
    } finally {
      assertEquals(200, admin.putJson("/api/v1/calendar/" + year, restore).status());
    }
  }

  private static String entry(JsonObject e) {
    return "{\"date\":\""
        + e.getString("date")
        + "\""
        + (e.containsKey("name") && !e.isNull("name")
            ? ",\"name\":" + jakarta.json.Json.createValue(e.getString("name"))
            : "")
        + "}";
  }

  /** The commune's feedbackOnTime indicator from yesterday to tomorrow. */
  private JsonObject feedbackIndicator() {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    JsonObject card =
        portal
            .http()
            .get(
                "/api/v1/scorecard?from="
                    + today.minusDays(1)
                    + "&to="
                    + today.plusDays(1)
                    + "&agency="
                    + COMMUNE)
            .json()
            .getJsonObject("total")
            .getJsonObject("scorecard");
    return card.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
        .flatMap(g -> g.getJsonArray("indicators").getValuesAs(JsonObject.class).stream())
        .filter(i -> i.getString("key").equals("feedbackOnTime"))
        .findFirst()
        .orElseThrow();
  }

  private static String actions(String code) {
    return "/api/v1/feedback/" + code + "/actions";
  }

  /** The due moment by the calendar API, as an instant. */
  private java.time.Instant due(String from, int workingDays) {
    JsonObject due =
        portal
            .http()
            .get(
                "/api/v1/calendar/due-date?receivedAt="
                    + URLEncoder.encode(from, StandardCharsets.UTF_8)
                    + "&amount="
                    + workingDays
                    + "&unit=WORKING_DAYS")
            .json();
    return instant(due.getString("dueAt"));
  }

  private static java.time.Instant instant(String moment) {
    return java.time.OffsetDateTime.parse(moment).toInstant();
  }
}
