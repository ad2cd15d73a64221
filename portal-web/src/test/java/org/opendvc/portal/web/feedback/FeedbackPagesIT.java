package org.opendvc.portal.web.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Feedback in a real browser: a citizen without an account sends it from a 360 px phone (a mistake
 * is explained beside its field and what was typed stays), the agency's officer answers and
 * publishes it, and the public sees the answer without the sender's details.
 */
class FeedbackPagesIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);
  static final String COMMUNE = "000.01.31.H91";
  static final String EMAIL = "nguoi.gui.trang@example.vn";
  static final Pattern FEEDBACK_PAGE = Pattern.compile(".*/feedback/(PA-\\d{6}-[A-Z2-9]{6}).*");

  @Test
  void aCitizenSendsFeedbackFromAPhoneAndTheAgencyAnswersAndPublishesIt() {
    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/");
    browser.findElement(By.cssSelector(".site-footer a[href$='/feedback']")).click();
    assertFitsTheWindow("/feedback at 360 px");
    screenshot("feedback-360-vi");
    type("agencyCode", COMMUNE);
    type("title", "Bãi gửi xe chật");
    type("content", "Buổi sáng không còn chỗ gửi xe máy trước bộ phận một cửa.");
    // no e-mail: the server explains (the browser's own check would stop a malformed one)
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#feedback-form button[type=submit]"));
    assertTrue(
        browser.findElement(By.id("feedback-problems")).getText().contains("Thư điện tử"),
        browser.findElement(By.id("feedback-problems")).getText());
    assertEquals(
        "Bãi gửi xe chật",
        browser.findElement(By.id("title")).getAttribute("value"),
        "what was typed stays");
    type("email", EMAIL);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#feedback-form button[type=submit]"));
    Matcher m = FEEDBACK_PAGE.matcher(browser.getCurrentUrl());
    assertTrue(m.matches(), browser.getCurrentUrl());
    String code = m.group(1);
    assertTrue(browser.findElement(By.id("feedback-sent")).getText().contains(code));
    assertEquals(
        "Đã tiếp nhận, đang xử lý",
        browser.findElement(By.cssSelector("#feedback-status strong")).getText());
    assertFitsTheWindow("a feedback at 360 px");
    screenshot("feedback-sent-360-vi");

    // the commune's officer answers, then publishes
    WebDriver officer = Browsers.chromium(WIDE);
    try {
      officer.get(base() + "/login");
      officer.findElement(By.id("username")).sendKeys("canbo.xa");
      officer.findElement(By.id("password")).sendKeys("Demo@2026");
      Browsers.clickAndWaitForNextPage(officer, By.cssSelector(".login-form button[type=submit]"));
      officer.get(base() + "/officer/feedback");
      WebElement item = officer.findElement(By.cssSelector("article[data-code='" + code + "']"));
      assertTrue(item.getText().contains(EMAIL), "the agency has the address to answer");
      item.findElement(By.tagName("textarea")).sendKeys("Đã bố trí thêm chỗ gửi xe phía sau.");
      Browsers.clickAndWaitForNextPage(
          officer, By.cssSelector("article[data-code='" + code + "'] button[value=ANSWER]"));
      assertTrue(officer.findElement(By.id("success")).isDisplayed());
      ((JavascriptExecutor) officer)
          .executeScript(
              "document.querySelector(\"article[data-code='" + code + "']\").scrollIntoView()");
      screenshot(officer, "feedback-officer-1366-vi");
      Browsers.clickAndWaitForNextPage(
          officer, By.cssSelector("article[data-code='" + code + "'] button[value=PUBLISH]"));
      assertEquals(
          "PUBLISHED",
          officer
              .findElement(By.cssSelector("article[data-code='" + code + "']"))
              .getAttribute("data-status"));
    } finally {
      officer.quit();
    }

    browser.get(base() + "/feedback?lang=en");
    assertEquals("Feedback and complaints", browser.findElement(By.tagName("h1")).getText());
    WebElement published = browser.findElement(By.cssSelector("article[data-code='" + code + "']"));
    assertTrue(published.getText().contains("Đã bố trí thêm chỗ gửi xe"), published.getText());
    assertFalse(browser.getPageSource().contains(EMAIL), "never the sender's address");
    assertFitsTheWindow("/feedback in English at 360 px");
    screenshot("feedback-360-en");
  }

  private void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }
}
