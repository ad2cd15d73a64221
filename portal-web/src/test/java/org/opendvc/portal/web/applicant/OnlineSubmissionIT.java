package org.opendvc.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.receipt.PdfReading.squeeze;
import static org.opendvc.portal.dossier.receipt.PdfReading.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An online submission brings what the procedure needs: its own data (a birth registration's child
 * and parents), checked field by field, and every required paper attached or promised at the
 * counter; the receipt lists exactly what came; the officer reads the data under its labels; after
 * paying, the applicant is back on the dossier page, whose history reads in English on an English
 * page.
 */
@LongRunning
class OnlineSubmissionIT extends BrowserPageTest {

  static final String PROCEDURE = "9.001001";
  static final String COMMUNE = "000.01.31.H91";

  private static String body(String idNumber, String form, String promised) {
    return "{\"procedureCode\":\""
        + PROCEDURE
        + "\",\"agencyCode\":\""
        + COMMUNE
        + "\","
        + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
        + "\"fullName\":\"Lê Văn Nộp\",\"idNumber\":\""
        + idNumber
        + "\"},"
        + "\"form\":{"
        + form
        + "}"
        + (promised == null ? "" : "," + promised)
        + "}";
  }

  private static int dossiersOf(String idNumber) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM dossier WHERE applicant_id_number = ?")) {
      s.setString(1, idNumber);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void aSubmissionWithoutItsPapersOrItsDataIsRefusedFieldByField() throws Exception {
    Http applicant = portal.newAccount("APPLICANT", null).http();
    String idNumber = "001099077701";

    Http.Response noPapers =
        applicant.postJson(
            "/api/v1/dossiers", body(idNumber, Submissions.BIRTH, null), "Accept-Language", "en");
    assertEquals(400, noPapers.status(), noPapers.toString());
    assertEquals(
        Set.of("components.2", "components.3"),
        noPapers.errorFields(),
        "the birth certificate and the ID are required; the declaration is the e-form itself,"
            + " the power of attorney only applies when someone else applies");
    assertTrue(noPapers.body().contains("Giấy chứng sinh"), noPapers.body());

    String noChild = Submissions.BIRTH.replace("\"child.fullName\":\"Nguyễn Văn Bé\",", "");
    Http.Response noName =
        applicant.postJson(
            "/api/v1/dossiers",
            body(idNumber, noChild, Submissions.PROMISED_BIRTH),
            "Accept-Language",
            "en");
    assertEquals(400, noName.status(), noName.toString());
    assertEquals(Set.of("form.child.fullName"), noName.errorFields());
    assertTrue(noName.body().contains("Child's full name"), noName.body());

    Http.Response future =
        applicant.postJson(
            "/api/v1/dossiers",
            body(
                idNumber,
                Submissions.BIRTH.replace("2025-03-15", "2999-01-01"),
                "\"promised\":[2,3,9]"));
    assertEquals(400, future.status(), future.toString());
    assertEquals(Set.of("form.child.birthDate", "promised"), future.errorFields());
    assertEquals(0, dossiersOf(idNumber), "nothing half-written");

    // a refused file refuses the whole submission
    Multipart refusedFile =
        new Multipart()
            .field("dossier", body(idNumber, Submissions.BIRTH, "\"promised\":[3]"))
            .file("file_2", "giay-chung-sinh.pdf", "application/pdf", "not a pdf".getBytes());
    Http.Response refused = applicant.postMultipart("/api/v1/dossiers", refusedFile);
    assertTrue(refused.status() >= 400 && refused.status() < 500, refused.toString());
    assertEquals(0, dossiersOf(idNumber));
  }

  @Test
  void theReceiptListsTheAttachedFileAndThePromisedPaperOnly() throws Exception {
    Http applicant = portal.newAccount("APPLICANT", null).http();
    String idNumber = "001099077702";
    Multipart withFile =
        new Multipart()
            .field("dossier", body(idNumber, Submissions.BIRTH, "\"promised\":[3]"))
            .file(
                "file_2",
                "giay-chung-sinh.pdf",
                "application/pdf",
                Multipart.pdf("Giay chung sinh"));
    Http.Response created = applicant.postMultipart("/api/v1/dossiers", withFile);
    assertEquals(201, created.status(), created.toString());
    String code = created.json().getString("code");
    assertEquals(1, dossiersOf(idNumber));

    Http.Response files = applicant.get("/api/v1/dossiers/" + code + "/attachments");
    assertEquals(200, files.status(), files.toString());
    assertTrue(files.body().contains("giay-chung-sinh.pdf"), files.body());

    Http.Response receipt = applicant.get("/api/v1/dossiers/" + code + "/receipt.pdf");
    assertEquals(200, receipt.status(), receipt.toString());
    String text = squeeze(text(receipt.bytes()));
    assertTrue(text.contains(squeeze("a) Giấy chứng sinh")), text);
    assertTrue(text.contains(squeeze("giay-chung-sinh.pdf")), text);
    assertTrue(text.contains(squeeze("b) Giấy tờ tùy thân")), text);
    assertTrue(text.contains(squeeze("nộp bản giấy tại bộ phận một cửa")), text);
    assertFalse(text.contains(squeeze("Văn bản ủy quyền")), "not received: " + text);
    assertFalse(text.contains(squeeze("c)")), "exactly two papers: " + text);

    // promised only, as JSON: the receipt says so for each
    String other = "001099077703";
    Http.Response promised =
        applicant.postJson(
            "/api/v1/dossiers", body(other, Submissions.BIRTH, "\"promised\":[2,3]"));
    assertEquals(201, promised.status(), promised.toString());
    String text2 =
        squeeze(
            text(
                applicant
                    .get("/api/v1/dossiers/" + promised.json().getString("code") + "/receipt.pdf")
                    .bytes()));
    assertTrue(
        text2.contains(
            squeeze("a) Giấy chứng sinh hoặc văn bản thay thế giấy chứng sinh" + " (nộp bản giấy")),
        text2);
    assertTrue(text2.contains(squeeze("b) Giấy tờ tùy thân")), text2);
  }

  @Test
  void theOfficerReadsTheDataUnderItsLabels() throws Exception {
    Http applicant = portal.newAccount("APPLICANT", null).http();
    Http.Response created =
        applicant.postJson(
            "/api/v1/dossiers",
            body("001099077704", Submissions.BIRTH, Submissions.PROMISED_BIRTH));
    assertEquals(201, created.status(), created.toString());
    String code = created.json().getString("code");

    for (String lang : List.of("en", "vi")) {
      for (int width : new int[] {1366, 360}) {
        WebDriver b = signedIn("canbo.xa", width);
        try {
          b.get(base() + "/officer/dossiers/" + code + "?lang=" + lang);
          String form = b.findElement(By.id("form-title")).findElement(By.xpath("..")).getText();
          if (lang.equals("en")) {
            assertTrue(form.contains("Child's full name"), form);
            assertTrue(form.contains("Sex\nMale") || form.contains("Male"), form);
            assertTrue(form.contains("Papers to be brought to the one-stop desk"), form);
          } else {
            assertTrue(form.contains("Họ, chữ đệm và tên của trẻ"), form);
            assertTrue(form.contains("Nam"), form);
          }
          assertTrue(form.contains("Nguyễn Văn Bé"), form);
          assertFalse(form.contains("child.fullName"), form);
          assertFalse(form.contains("component_"), form);
          assertFitsTheWindow(b, "officer dossier " + width + " " + lang);
          scrollTo(b, "form-title");
          screenshot(b, "officer-dossier-" + width + "-" + lang);
        } finally {
          b.quit();
        }
      }
    }
  }

  @Test
  void theSubmitPageAsksForTheChildAndThePapers() {
    Portal.Account account = portal.newAccount("APPLICANT", null);
    for (String lang : List.of("en", "vi")) {
      for (int width : new int[] {1366, 360}) {
        WebDriver b = signedIn(account.username(), account.password(), width);
        try {
          b.get(base() + "/my/submit/" + PROCEDURE + "?agency=" + COMMUNE + "&lang=" + lang);
          type(b, "fullName", "Lê Văn Nộp");
          type(b, "idNumber", "001099077705");
          Browsers.clickAndWaitForNextPage(b, By.id("submit-button"));
          assertTrue(b.getCurrentUrl().contains("/my/submit/"), b.getCurrentUrl());
          assertFalse(b.findElement(By.id("child-fullName-error")).getText().isBlank());
          assertFalse(b.findElement(By.id("component-2-error")).getText().isBlank());
          assertFalse(b.findElement(By.id("component-3-error")).getText().isBlank());
          assertTrue(b.findElements(By.id("component-1-error")).isEmpty());
          assertTrue(b.findElements(By.id("component-4-error")).isEmpty());
          assertFitsTheWindow(b, "submit " + width + " " + lang);
          scrollTo(b, "procedure-data");
          screenshot(b, "submit-errors-" + width + "-" + lang);
          scrollTo(b, "component-2-box");
          screenshot(b, "submit-papers-" + width + "-" + lang);
        } finally {
          b.quit();
        }
      }
    }
    WebDriver b = signedIn(account.username(), account.password(), 1366);
    try {
      b.get(base() + "/my/submit/" + PROCEDURE + "?agency=" + COMMUNE + "&lang=en");
      type(b, "fullName", "Lê Văn Nộp");
      type(b, "idNumber", "001099077705");
      Submissions.fillBirth(b, 2, 3);
      Browsers.clickAndWaitForNextPage(b, By.id("submit-button"));
      Browsers.waitUpTo(b, Duration.ofSeconds(20))
          .until(ExpectedConditions.urlContains("/my/dossiers/"));
      String answers = b.findElement(By.cssSelector(".answers")).getText();
      assertTrue(answers.contains("Child's full name"), answers);
      assertTrue(answers.contains("Female") || answers.contains("Male"), answers);
      assertTrue(answers.contains("Papers to be brought"), answers);
      scrollTo(b, "answers-title");
      screenshot(b, "my-dossier-1366-en");
      b.manage().window().setSize(new Dimension(360, 900));
      assertFitsTheWindow(b, "my dossier 360 en");
      scrollTo(b, "answers-title");
      screenshot(b, "my-dossier-360-en");
    } finally {
      b.quit();
    }
  }

  @Test
  void afterPayingTheApplicantIsBackOnTheDossierWhoseHistoryReadsInEnglish() throws Exception {
    Portal.Account account = portal.newAccount("APPLICANT", null);
    Http applicant = account.http();
    Http officer = portal.demo("canbo.xa");
    Http.Response created =
        applicant.postJson(
            "/api/v1/dossiers",
            body("001099077706", Submissions.BIRTH, Submissions.PROMISED_BIRTH));
    assertEquals(201, created.status(), created.toString());
    String code = created.json().getString("code");
    for (String action :
        List.of(
            "{\"action\":\"ACCEPT\"}",
            "{\"action\":\"START_PROCESSING\"}",
            "{\"action\":\"REQUEST_PAYMENT\",\"amount\":50000}")) {
      Http.Response r = officer.postJson("/api/v1/dossiers/" + code + "/actions", action);
      assertEquals(200, r.status(), r.toString());
    }
    Http.Response started = applicant.postJson("/api/v1/dossiers/" + code + "/payments", "{}");
    assertEquals(201, started.status(), started.toString());
    String redirect = started.json().getString("redirectUrl");

    // the payer's browser posts the bank's page and is sent back to the dossier
    Http.Response paid =
        Http.at(portal.url())
            .post(
                redirect,
                "application/x-www-form-urlencoded",
                "outcome=paid",
                "Accept",
                "text/html");
    assertEquals(303, paid.status(), paid.toString());
    String location = paid.header("Location").orElseThrow();
    assertTrue(location.endsWith("/my/dossiers/" + code + "?done=PAY"), location);

    WebDriver b = signedIn(account.username(), account.password(), 1366);
    try {
      b.get(base() + "/my/dossiers/" + code + "?done=PAY&lang=en");
      String history = b.findElement(By.id("timeline-title")).findElement(By.xpath("..")).getText();
      assertTrue(history.contains("Paid online through sandbox"), history);
      assertFalse(history.contains("paid online:"), history);
      assertFalse(history.contains("Đang"), "no Vietnamese status on an English page: " + history);
      assertFalse(b.findElement(By.id("success")).getText().isBlank());
      scrollTo(b, "timeline-title");
      screenshot(b, "my-dossier-paid-1366-en");
      b.get(base() + "/my/dossiers/" + code + "?lang=vi");
      String vi = b.findElement(By.id("timeline-title")).findElement(By.xpath("..")).getText();
      assertTrue(vi.contains("Đã thanh toán trực tuyến qua sandbox"), vi);
    } finally {
      b.quit();
    }
  }

  private WebDriver signedIn(String username, int width) {
    return signedIn(username, Portal.DEMO_PASSWORD, width);
  }

  private WebDriver signedIn(String username, String password, int width) {
    WebDriver b = Browsers.chromium(new Dimension(width, 900));
    b.get(base() + "/login");
    b.findElement(By.id("username")).sendKeys(username);
    b.findElement(By.id("password")).sendKeys(password);
    Browsers.clickAndWaitForNextPage(b, By.id("login-button"));
    return b;
  }

  private static void scrollTo(WebDriver b, String id) {
    ((org.openqa.selenium.JavascriptExecutor) b)
        .executeScript("arguments[0].scrollIntoView(true);", b.findElement(By.id(id)));
  }

  private static void type(WebDriver b, String id, String value) {
    b.findElement(By.id(id)).clear();
    b.findElement(By.id(id)).sendKeys(value);
  }
}
