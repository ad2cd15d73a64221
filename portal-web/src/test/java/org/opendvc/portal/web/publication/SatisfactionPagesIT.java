package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Submissions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Rating in a real browser: the applicant on their dossier page, an applicant without an account on
 * the tracking page, each at 360 px by touch-sized choices; then the published satisfaction index
 * in Vietnamese and English, at 1366 and 360 px. Screenshots go to target/screenshots.
 */
@LongRunning
class SatisfactionPagesIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);
  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final String ID_NUMBER = "001099076543";
  static final String PASSWORD = "Demo@2026";

  private final Http officer = portal.demo("canbo.xa");

  @Test
  void theOwnerRatesTheirFinishedDossierOnItsPageOnAPhone() {
    String code = submit(portal.demo("congdan"), "ONLINE");
    act(code, "{\"action\":\"ACCEPT\"}");
    act(code, "{\"action\":\"START_PROCESSING\"}");
    Http.Response result =
        officer.postMultipart(
            "/api/v1/dossiers/" + code + "/attachments",
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "ket-qua.pdf", "application/pdf", Multipart.pdf("Kết quả")));
    assertEquals(201, result.status(), result.toString());
    act(code, "{\"action\":\"RESOLVE\"}");

    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys("congdan");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector(".login-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/my/dossiers"));
    browser.get(base() + "/my/dossiers/" + code);
    assertEquals(5, browser.findElements(By.cssSelector("#rating-form fieldset")).size());
    assertFitsTheWindow("the dossier page with its rating form at 360 px");
    scrollTo("#rating-form");
    screenshot("rating-owner-360-vi");
    choose(new int[] {5, 4, 4, 3, 5});
    browser.findElement(By.id("rating-comment")).sendKeys("Nhanh, đúng hẹn");
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#rating-form button[type=submit]"));
    assertTrue(
        browser.findElement(By.id("success")).getText().contains("Cảm ơn"),
        browser.findElement(By.id("success")).getText());
    assertTrue(browser.findElements(By.id("rating-form")).isEmpty(), "rated once: no form");
    String mine = browser.findElement(By.id("my-rating")).getText();
    assertTrue(mine.contains("Rất hài lòng") && mine.contains("Bình thường"), mine);
    assertEquals(
        3,
        officer
            .get("/api/v1/dossiers/" + code + "/rating")
            .json()
            .getJsonObject("scores")
            .getInt("result"),
        "the page posted what was chosen");

    // the agency sees the rating with its comment, and the Circular 01 evaluation
    browser.quit();
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys("canbo.xa");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".login-form button[type=submit]"));
    browser.get(base() + "/officer/dossiers/" + code);
    assertTrue(browser.findElement(By.id("officer-rating")).getText().contains("Nhanh, đúng hẹn"));
    JsonObject evaluation = officer.get("/api/v1/dossiers/" + code + "/evaluation").json();
    assertTrue(
        browser
            .findElement(By.id("evaluation-points"))
            .getText()
            .startsWith(
                evaluation.getJsonNumber("points").intValue()
                    + " điểm trên "
                    + evaluation.getInt("measuredMax")),
        browser.findElement(By.id("evaluation-points")).getText());
    assertEquals(9, browser.findElements(By.cssSelector("#evaluation-criteria > div")).size());
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('#evaluation').scrollIntoView()");
    screenshot("officer-evaluation-1366-vi");
  }

  @Test
  void anApplicantWithoutAnAccountRatesOnTheTrackingPage() {
    String code = submit(officer, "COUNTER");
    act(code, "{\"action\":\"START_PROCESSING\"}");
    act(code, "{\"action\":\"RESOLVE\"}");
    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/tracking/" + code);
    browser.findElement(By.id("idNumber")).sendKeys(ID_NUMBER);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".tracking-form button[type=submit]"));
    assertEquals(
        5,
        browser.findElements(By.cssSelector("#rating-form fieldset")).size(),
        "a finished dossier offers the rating");
    assertFitsTheWindow("tracking with the rating form at 360 px");
    choose(new int[] {4, 4, 2, 5, 3});
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#rating-form button[type=submit]"));
    assertTrue(browser.findElement(By.id("rating-thanks")).isDisplayed());
    assertTrue(browser.findElements(By.id("rating-form")).isEmpty());
    scrollTo("#rating-thanks");
    screenshot("rating-tracking-360-vi");

    browser.get(base() + "/tracking/" + code + "?lang=en");
    browser.findElement(By.id("idNumber")).sendKeys(ID_NUMBER);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".tracking-form button[type=submit]"));
    assertEquals(
        "This dossier has been rated. Thank you.",
        browser.findElement(By.id("rating-done")).getText());
    JsonObject rating = officer.get("/api/v1/dossiers/" + code + "/rating").json();
    assertEquals("TRACKING", rating.getString("through"));
    assertEquals(2, rating.getJsonObject("scores").getInt("officer"));
  }

  @Test
  void theIndexShowsEveryShareWithItsCountsInBothLanguagesAndOnAPhone() {
    String code = submit(officer, "COUNTER");
    act(code, "{\"action\":\"START_PROCESSING\"}");
    act(code, "{\"action\":\"RESOLVE\"}");
    assertEquals(
        201,
        portal
            .http()
            .postJson(
                "/api/v1/tracking/" + code + "/rating",
                "{\"idNumber\":\""
                    + ID_NUMBER
                    + "\",\"scores\":{\"access\":5,\"procedure\":5,"
                    + "\"officer\":5,\"result\":4,\"feedback\":1}}")
            .status());
    JsonObject api = portal.http().get("/api/v1/satisfaction").json().getJsonObject("total");

    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/");
    browser.findElement(By.cssSelector(".site-footer a[href$='/satisfaction']")).click();
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    String total = browser.findElement(By.id("satisfaction-total")).getText();
    assertTrue(
        total.contains(
            api.getJsonObject("overall").getInt("count")
                + " / "
                + api.getJsonObject("overall").getInt("of")),
        total + " vs " + api);
    assertTrue(total.contains("Ít đánh giá"), "fewer than 30 ratings are flagged: " + total);
    assertFalse(browser.findElements(By.cssSelector("#satisfaction-table tbody th a")).isEmpty());
    assertFitsTheWindow("/satisfaction at 1366 px");
    screenshot("satisfaction-1366-vi");

    browser.findElement(By.cssSelector("#satisfaction-table tbody th a")).click();
    assertTrue(browser.getCurrentUrl().contains("agency="), browser.getCurrentUrl());

    browser.get(base() + "/satisfaction?period=2001&lang=en");
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(
        browser.findElement(By.id("satisfaction-total")).getText().contains("n/a"),
        "no rating, no share");
    assertFalse(browser.findElement(By.id("satisfaction-total")).getText().contains("100"));
    assertTrue(browser.findElement(By.id("satisfaction-empty")).isDisplayed());
    browser.get(base() + "/satisfaction?period=2026-13");
    assertTrue(browser.findElement(By.id("satisfaction-problems")).getText().contains("2026-13"));

    for (String lang : List.of("vi", "en")) {
      browser.quit();
      browser = Browsers.chromium(PHONE);
      browser.get(base() + "/satisfaction?lang=" + lang);
      assertFitsTheWindow("/satisfaction at 360 px (" + lang + ")");
      screenshot("satisfaction-360-" + lang);
    }
  }

  private void choose(int[] scores) {
    String[] elements = {"access", "procedure", "officer", "result", "feedback"};
    for (int i = 0; i < elements.length; i++) {
      // a tap on the label, as on a phone
      browser
          .findElement(By.cssSelector("input[name=" + elements[i] + "][value='" + scores[i] + "']"))
          .findElement(By.xpath(".."))
          .click();
    }
  }

  private void scrollTo(String css) {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
  }

  private void act(String code, String body) {
    Http.Response r = officer.postJson("/api/v1/dossiers/" + code + "/actions", body);
    assertEquals(200, r.status(), body + " -> " + r);
  }

  private static String submit(Http who, String channel) {
    Http.Response r =
        who.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"channel\":\""
                + channel
                + "\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Vũ Thị Hài Lòng\","
                + "\"idNumber\":\""
                + ID_NUMBER
                + "\"},\"form\":{\"tenTre\":\"Vũ Văn Nhỏ\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }
}
