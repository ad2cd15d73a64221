package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;

/**
 * The weekly summary reaches the agency's administrator once per week, with the week's figures as
 * the statistics give them.
 */
@PortalWideFigures
class WeeklySummaryIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp =
        new GreenMail(
            new ServerSetup(NotificationIT.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null && smtp.isRunning()) {
      smtp.stop();
    }
  }

  @Test
  void theAgencyHeadGetsTheWeeksFiguresOnceAndBadRequestsAreExplained() throws Exception {
    String address = "truong." + RUN + "@example.vn";
    Http admin = portal.admin();
    Http.Response created =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\"truong."
                + RUN
                + "\",\"password\":\"Mat-khau-2026\",\"role\":\"AGENCY_ADMIN\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"fullName\":\"Trưởng bộ phận\",\"email\":\""
                + address
                + "\"}");
    assertEquals(201, created.status(), created.toString());

    LocalDate monday =
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Http.Response sent = admin.postJson("/api/v1/admin/summaries/weekly?week=" + monday, "");
    assertEquals(200, sent.status(), sent.toString());
    assertTrue(
        sent.json().getInt("sent") >= 1 && sent.json().getInt("mails") >= 1, sent.toString());
    List<MimeMessage> mails = mailsTo(address);
    assertEquals(1, mails.size());
    JsonObject stats =
        portal
            .http()
            .get(
                "/api/v1/statistics?from="
                    + monday
                    + "&to="
                    + monday.plusDays(6)
                    + "&agency="
                    + COMMUNE)
            .json()
            .getJsonObject("total");
    String body = GreenMailUtil.getBody(mails.get(0));
    String subject = mails.get(0).getSubject();
    assertTrue(subject.startsWith("Tóm tắt tuần của UBND"), subject);
    assertTrue(
        body.contains(
            "Dossiers resolved: "
                + String.format(java.util.Locale.ENGLISH, "%,d", stats.getInt("resolved"))
                + ", of which late: "
                + stats.getInt("resolvedLate")),
        body);

    Http.Response again = admin.postJson("/api/v1/admin/summaries/weekly?week=" + monday, "");
    assertTrue(again.json().getInt("alreadySent") >= 1, again.toString());
    Thread.sleep(500);
    assertEquals(1, mailsTo(address).size(), "once per week");

    Http.Response tuesday =
        admin.postJson("/api/v1/admin/summaries/weekly?week=" + monday.plusDays(1), "");
    assertEquals(400, tuesday.status());
    assertTrue(tuesday.errorFields().contains("week"));
    assertEquals(
        403, portal.demo("canbo.xa").postJson("/api/v1/admin/summaries/weekly", "").status());
  }

  private List<MimeMessage> mailsTo(String address) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }
}
