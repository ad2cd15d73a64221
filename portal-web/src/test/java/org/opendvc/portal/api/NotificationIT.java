package org.opendvc.portal.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Accounts created by an administrator, and the e-mails an applicant gets when their dossier
 * changes status, through a real SMTP server (GreenMail) in this JVM on the port that {@code
 * arquillian.xml} gives the portal ({@code portal.mail.port}).
 */
@PortalWideFigures
class NotificationIT extends PortalIntegrationTest {

  /** The port of portal.mail.port in arquillian.xml. */
  static final int SMTP_PORT = 3041;

  static final String COMMUNE = DossierApiIT.COMMUNE;
  static final String PROCEDURE = DossierApiIT.PROCEDURE;
  static final String ADMIN_PASSWORD = "it-admin-Secret1";
  static final String PASSWORD = "Mat-khau-2026";

  /** Unique per run, in case the database is not a fresh one. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  private GreenMail smtp;

  private final URL base = portal.url();

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null && smtp.isRunning()) {
      smtp.stop();
    }
  }

  private Http as(String user, String password) {
    return Http.at(base).signedInAs(user, password);
  }

  private static String submission(String email) {
    return "{\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + COMMUNE
        + "\","
        + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
        + "\"fullName\":\"Trần Thị Bích\",\"idNumber\":\"001199054321\","
        + "\"email\":\""
        + email
        + "\"},\"form\":{\"tenTre\":\"Trần Văn Cường\","
        + Submissions.BIRTH
        + "},"
        + Submissions.PROMISED_BIRTH
        + "}";
  }

  @Test
  void onlyAnAdminCreatesAccountsAndBadInputIsNamedField() {
    String user =
        "{\"username\":\"nguoi.moi."
            + RUN
            + "\",\"password\":\""
            + PASSWORD
            + "\",\"role\":\"APPLICANT\"}";
    Http.Response anonymous = Http.at(base).postJson("/api/v1/admin/users", user);
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertEquals("application/problem+json", anonymous.mediaType());
    Http.Response applicant =
        as("congdan", DossierApiIT.PASSWORD).postJson("/api/v1/admin/users", user);
    assertEquals(403, applicant.status(), applicant.toString());
    Http.Response officer =
        as("canbo.xa", DossierApiIT.PASSWORD).postJson("/api/v1/admin/users", user);
    assertEquals(403, officer.status(), officer.toString());

    Http admin = as("admin", ADMIN_PASSWORD);
    Http.Response bad =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\"a b\",\"password\":\"short\",\"role\":\"BOSS\",\"email\":\"not-mail\"}");
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(
        Set.of("username", "password", "role", "email"), bad.errorFields(), bad.toString());
    Http.Response nothing = admin.postJson("/api/v1/admin/users", "{}");
    assertEquals(400, nothing.status(), nothing.toString());
    assertEquals(Set.of("username", "password", "role"), nothing.errorFields(), nothing.toString());
    Http.Response noAgency =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\"cb."
                + RUN
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"OFFICER\"}");
    assertEquals(Set.of("agencyCode"), noAgency.errorFields(), noAgency.toString());
    Http.Response unknownAgency =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\"cb."
                + RUN
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"AGENCY_ADMIN\","
                + "\"agencyCode\":\"khong.co\"}");
    assertEquals(Set.of("agencyCode"), unknownAgency.errorFields(), unknownAgency.toString());
    Http.Response applicantWithAgency =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\"cd."
                + RUN
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"APPLICANT\","
                + "\"agencyCode\":\""
                + COMMUNE
                + "\"}");
    assertEquals(
        Set.of("agencyCode"), applicantWithAgency.errorFields(), applicantWithAgency.toString());

    Http.Response created = admin.postJson("/api/v1/admin/users", user);
    assertEquals(201, created.status(), created.toString());
    JsonObject answer = created.json();
    assertEquals("nguoi.moi." + RUN, answer.getString("username"));
    assertEquals("APPLICANT", answer.getString("role"));
    assertTrue(answer.isNull("agencyCode"), answer.toString());
    assertTrue(answer.isNull("fullName"), answer.toString());
    Http.Response again = admin.postJson("/api/v1/admin/users", user);
    assertEquals(409, again.status(), again.toString());
    assertTrue(again.json().getString("detail").contains("nguoi.moi." + RUN), again.toString());
    // usernames are unique whatever their case
    Http.Response upper =
        admin.postJson("/api/v1/admin/users", user.replace("nguoi.moi", "NGUOI.MOI"));
    assertEquals(409, upper.status(), upper.toString());

    // the new account signs in; a wrong password does not
    as("nguoi.moi." + RUN, PASSWORD);
    Http.Response wrong =
        Http.at(base)
            .postJson(
                "/api/v1/auth/token",
                "{\"username\":\"nguoi.moi." + RUN + "\",\"password\":\"" + PASSWORD + "x\"}");
    assertEquals(401, wrong.status(), wrong.toString());
  }

  @Test
  void theApplicantIsEmailedWhenTheDossierIsSubmittedAndAccepted() throws Exception {
    Http admin = as("admin", ADMIN_PASSWORD);
    String applicantName = "dan." + RUN;
    String officerName = "canbo.moi." + RUN;
    String email = "dan." + RUN + "@example.org";
    Http.Response created =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\""
                + applicantName
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"APPLICANT\","
                + "\"fullName\":\"Trần Thị Bích\",\"email\":\""
                + email
                + "\"}");
    assertEquals(201, created.status(), created.toString());
    assertEquals("Trần Thị Bích", created.json().getString("fullName"));
    Http.Response officer =
        admin.postJson(
            "/api/v1/admin/users",
            "{\"username\":\""
                + officerName
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"role\":\"OFFICER\","
                + "\"agencyCode\":\""
                + COMMUNE
                + "\",\"fullName\":\"Lê Văn Dũng\"}");
    assertEquals(201, officer.status(), officer.toString());
    assertEquals(COMMUNE, officer.json().getString("agencyCode"));

    Http.Response submitted =
        as(applicantName, PASSWORD).postJson("/api/v1/dossiers", submission(email));
    assertEquals(201, submitted.status(), submitted.toString());
    String code = submitted.json().getString("code");
    Http.Response accepted =
        as(officerName, PASSWORD)
            .postJson(
                "/api/v1/dossiers/" + code + "/actions",
                "{\"action\":\"ACCEPT\",\"note\":\"Đủ giấy tờ\"}");
    assertEquals(200, accepted.status(), accepted.toString());

    List<MimeMessage> mails = awaitMails(email, 2, 20_000);
    assertEquals(2, mails.size(), "e-mails to " + email);
    MimeMessage submittedMail = null;
    MimeMessage acceptedMail = null;
    for (MimeMessage m : mails) {
      assertEquals(email, m.getRecipients(Message.RecipientType.TO)[0].toString());
      assertTrue(m.getSubject().contains(code), m.getSubject());
      if (m.getSubject().contains("Mới đăng ký, chờ tiếp nhận")) {
        submittedMail = m;
      } else if (m.getSubject().contains("Đã tiếp nhận")) {
        acceptedMail = m;
      }
    }
    assertTrue(submittedMail != null && acceptedMail != null, "one mail per status change");
    String submittedBody = (String) submittedMail.getContent();
    assertTrue(submittedBody.contains(code), submittedBody);
    assertTrue(
        submittedBody.contains("nay ở trạng thái: Mới đăng ký, chờ tiếp nhận."), submittedBody);
    assertTrue(submittedBody.contains("/tracking/" + code), submittedBody);
    String acceptedBody = (String) acceptedMail.getContent();
    assertTrue(acceptedBody.contains(code), acceptedBody);
    assertTrue(acceptedBody.contains("nay ở trạng thái: Đã tiếp nhận."), acceptedBody);
    assertTrue(acceptedBody.contains("Ngày hẹn trả kết quả:"), acceptedBody);
    assertTrue(acceptedBody.contains("Ghi chú: Đủ giấy tờ"), acceptedBody);
    assertTrue(
        acceptedBody.indexOf("is now: Accepted.") > acceptedBody.indexOf("Đã tiếp nhận"),
        "English below the Vietnamese: " + acceptedBody);
    assertEquals("portal-it@localhost", acceptedMail.getFrom()[0].toString());
  }

  @Test
  void withoutAMailServerDossierChangesStillSucceed() {
    smtp.stop();
    String email = "khong.gui." + RUN + "@example.org";
    Http applicant = as("congdan", DossierApiIT.PASSWORD);
    Http.Response submitted = applicant.postJson("/api/v1/dossiers", submission(email));
    assertEquals(201, submitted.status(), submitted.toString());
    String code = submitted.json().getString("code");
    Http.Response accepted =
        as("canbo.xa", DossierApiIT.PASSWORD)
            .postJson("/api/v1/dossiers/" + code + "/actions", "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted.toString());
    assertEquals(2, accepted.json().getJsonObject("status").getInt("code"));
    Http.Response seen = applicant.getJson("/api/v1/dossiers/" + code);
    assertEquals(200, seen.status(), seen.toString());
    assertEquals(2, seen.json().getJsonObject("status").getInt("code"));
  }

  /** The messages received for the address, once there are {@code count} of them. */
  private List<MimeMessage> awaitMails(String address, int count, long timeoutMillis) {
    return await("at least " + count + " mails to " + address)
        .atMost(Duration.ofMillis(timeoutMillis))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> List.of(smtp.getReceivedMessagesForDomain(address)),
            found -> found.size() >= count);
  }
}
