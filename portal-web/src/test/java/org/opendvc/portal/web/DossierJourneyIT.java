package org.opendvc.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole life of an online dossier through the pages only, three people in three browsers: the
 * applicant (congdan) signs in and submits online at {@code /my/submit/{procedure}?agency=}; the
 * commune's officer (canbo.xa) finds it in the work list, accepts it, starts processing, uploads
 * the result and resolves it; a member of the public tracks it at {@code /tracking/{code}} with the
 * applicant's ID number and sees it resolved, with its timeline.
 */
@LongRunning
class DossierJourneyIT extends PortalIntegrationTest {

  private static final String PASSWORD = "Demo@2026";
  private static final String PROCEDURE = "9.001001";
  private static final String AGENCY = "000.01.31.H91";
  private static final Pattern MY_DOSSIER =
      Pattern.compile("/my/dossiers/([A-Za-z0-9.]+-\\d{6}-\\d{4,5})");

  private final URL url = portal.url();

  private final List<WebDriver> browsers = new ArrayList<>();
  private String base;

  @BeforeEach
  void setUp() {
    base =
        url.toString().endsWith("/")
            ? url.toString().substring(0, url.toString().length() - 1)
            : url.toString();
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
    browsers.clear();
  }

  @Test
  void anOnlineDossierFromSubmissionToPublicTracking() throws IOException {
    String idNumber = "0010990" + String.format("%05d", System.nanoTime() % 100_000);

    // the applicant submits online
    WebDriver applicant = signedIn("congdan", "/my/dossiers");
    applicant.get(base + "/my/submit/" + PROCEDURE + "?agency=" + AGENCY);
    type(applicant, "fullName", "Nguyễn Văn Hành Trình");
    type(applicant, "idNumber", idNumber);
    type(applicant, "content", "Đăng ký khai sinh cho con, nộp trực tuyến");
    Submissions.fillBirth(applicant, 1, 2, 3);
    applicant.findElement(By.id("submit-button")).click();
    Browsers.waitUpTo(applicant, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlMatches(".*/my/dossiers/[^?]+\\?.*"));
    Matcher m = MY_DOSSIER.matcher(applicant.getCurrentUrl());
    assertTrue(m.find(), applicant.getCurrentUrl());
    String code = m.group(1);
    assertEquals("1", applicant.findElement(By.id("status")).getAttribute("data-status"));

    // the officer finds it in the work list and handles it
    WebDriver officer = signedIn("canbo.xa", "/officer/");
    officer.get(base + "/officer/dossiers?q=" + code);
    List<WebElement> found = officer.findElements(By.cssSelector(".worklist-row .row-code"));
    assertEquals(1, found.size(), "in the work list");
    found.get(0).click();
    assertTrue(
        officer.getCurrentUrl().endsWith("/officer/dossiers/" + code), officer.getCurrentUrl());
    assertEquals("receiving", status(officer));
    actDone(officer, "ACCEPT");
    actDone(officer, "START_PROCESSING");
    assertFalse(
        officer.findElements(By.id("resolve-needs-result")).isEmpty(),
        "an online dossier waits for its result");
    Path result = Path.of(System.getProperty("portal.build.dir", "target"), "journey");
    Files.createDirectories(result);
    result =
        Files.write(
            result.resolve("ket-qua-" + code + ".pdf"), Multipart.pdf("Giấy khai sinh " + code));
    new Select(officer.findElement(By.id("upload-target"))).selectByValue("RESULT");
    officer.findElement(By.id("upload-file")).sendKeys(result.toAbsolutePath().toString());
    Browsers.clickAndWaitForNextPage(officer, By.id("upload-button"));
    assertFalse(
        officer.findElements(By.id("file-notice")).isEmpty(),
        officer.findElements(By.id("file-error")).isEmpty()
            ? "uploaded"
            : officer.findElement(By.id("file-error")).getText());
    actDone(officer, "RESOLVE");
    assertEquals("releasing", status(officer));

    // the applicant sees it resolved
    applicant.get(base + "/my/dossiers/" + code);
    assertEquals("9", applicant.findElement(By.id("status")).getAttribute("data-status"));

    // anyone with the code and the ID number tracks it
    WebDriver visitor = browser();
    visitor.get(base + "/tracking/" + code + "?lang=en");
    visitor.findElement(By.id("idNumber")).sendKeys(idNumber);
    Browsers.clickAndWaitForNextPage(visitor, By.cssSelector(".tracking-form button[type=submit]"));
    WebElement st = visitor.findElement(By.cssSelector(".tracking-result .status"));
    assertTrue(st.getAttribute("class").contains("status-releasing"), st.getAttribute("class"));
    assertTrue(st.getText().toLowerCase().contains("resolved"), st.getText());
    List<WebElement> steps =
        visitor.findElements(By.cssSelector(".tracking-result ol.timeline > li"));
    assertEquals(
        4,
        steps.size(),
        "submitted, accepted, processing, resolved: "
            + steps.stream().map(WebElement::getText).toList());
  }

  private WebDriver browser() {
    WebDriver b = Browsers.desktop();
    browsers.add(b);
    return b;
  }

  private WebDriver signedIn(String username, String landsOn) {
    WebDriver b = browser();
    b.get(base + "/login");
    b.findElement(By.id("username")).sendKeys(username);
    b.findElement(By.id("password")).sendKeys(PASSWORD);
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".login-form button[type=submit]"));
    Browsers.waitUpTo(b, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(landsOn));
    return b;
  }

  private static void type(WebDriver b, String id, String value) {
    WebElement input = b.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private static String status(WebDriver b) {
    return b.findElement(By.id("dossier-status")).getAttribute("data-status");
  }

  private static void actDone(WebDriver b, String action) {
    Browsers.clickAndWaitForNextPage(
        b, By.cssSelector("#action-" + action + " button[type=submit]"));
    List<WebElement> notice = b.findElements(By.id("action-notice"));
    assertTrue(notice.isEmpty(), action + ": " + (notice.isEmpty() ? "" : notice.get(0).getText()));
    assertTrue(b.getCurrentUrl().endsWith("?done=" + action), b.getCurrentUrl());
  }
}
