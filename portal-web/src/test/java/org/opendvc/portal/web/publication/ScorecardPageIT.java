package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The scorecard page in headless Chromium: the same points as the API, every indicator with its
 * figures, "not measured" never scored, the radar with its table, the league and its drill-down, in
 * Vietnamese and English, at 1366 and 360 px. Screenshots go to target/screenshots.
 */
@PortalWideFigures
class ScorecardPageIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);

  @Test
  void theProvinceScorecardShowsTheApisPointsWithEveryIndicatorAndTheLeague() {
    String year =
        String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    JsonObject api = portal.http().get("/api/v1/scorecard?period=" + year).json();
    double points =
        api.getJsonObject("total").getJsonObject("scorecard").getJsonNumber("points").doubleValue();

    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/");
    browser.findElement(By.cssSelector(".site-footer a[href$='/scorecard']")).click();
    browser.findElement(By.id("period")).sendKeys(year);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".scorecard-filters button"));
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    NumberFormat vi = NumberFormat.getNumberInstance(Locale.forLanguageTag("vi"));
    vi.setMaximumFractionDigits(2);
    assertTrue(
        browser
            .findElement(By.id("score-total"))
            .getText()
            .startsWith(vi.format(points) + " / 100"),
        browser.findElement(By.id("score-total")).getText() + " vs " + points);
    List<WebElement> indicators =
        browser.findElements(By.cssSelector("#indicators tr[data-indicator]"));
    assertEquals(11, indicators.size(), "2 + 1 + 2 + 4 + 2 indicators");
    WebElement sync = browser.findElement(By.cssSelector("tr[data-indicator=nationalSync]"));
    assertTrue(
        sync.getText().contains("chưa đo được") && sync.getText().contains("0 / 9"),
        sync.getText());
    assertEquals(
        5,
        browser.findElements(By.cssSelector("#score-groups tbody tr")).size(),
        "the radar's figures as a table");
    assertEquals(1, browser.findElements(By.cssSelector(".radar svg polygon.radar-shape")).size());
    assertEquals(6, browser.findElements(By.cssSelector("#history tbody tr")).size());
    JsonObject circular =
        portal
            .http()
            .get("/api/v1/scorecard/circular01?period=" + year)
            .json()
            .getJsonObject("total");
    assertTrue(
        browser
            .findElement(By.id("circular01"))
            .getText()
            .contains(
                NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi"))
                        .format(circular.getInt("dossiers"))
                    + " hồ sơ"),
        browser.findElement(By.id("circular01")).getText());
    List<WebElement> league = browser.findElements(By.cssSelector("#league tbody tr"));
    assertEquals(api.getJsonArray("rows").size(), league.size());
    assertTrue(league.get(0).getText().startsWith("1"), league.get(0).getText());
    assertFitsTheWindow("/scorecard at 1366 px");
    screenshot("scorecard-1366-vi");
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('#league').scrollIntoView()");
    screenshot("scorecard-1366-vi-league");

    String first = api.getJsonArray("rows").getJsonObject(0).getString("key");
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#league tbody tr a"));
    assertTrue(browser.getCurrentUrl().contains("agency=" + first), browser.getCurrentUrl());
    assertEquals(
        api.getJsonArray("rows").getJsonObject(0).getString("name"),
        browser.findElement(By.id("score-title")).getText());

    browser.get(base() + "/scorecard?lang=en&tier=COMMUNE");
    assertEquals(
        "COMMUNE",
        new Select(browser.findElement(By.id("tier")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertTrue(
        browser
            .findElement(By.cssSelector("tr[data-indicator=nationalSync]"))
            .getText()
            .contains("not measured"));
    for (WebElement row : browser.findElements(By.cssSelector("#league tbody tr"))) {
      assertTrue(row.getText().contains("Commune") || row.getText().contains("Xã"), row.getText());
    }
    screenshot("scorecard-1366-en");

    browser.get(base() + "/scorecard?tier=village");
    assertTrue(browser.findElement(By.id("scorecard-problems")).getText().contains("village"));
  }

  @Test
  void onA360PxPhoneNothingScrollsSideways() {
    browser = Browsers.chromium(PHONE);
    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/scorecard?lang=" + lang);
      assertFitsTheWindow("/scorecard at 360 px (" + lang + ")");
      screenshot("scorecard-360-" + lang);
      ((JavascriptExecutor) browser)
          .executeScript("document.querySelector('.radar').scrollIntoView()");
      screenshot("scorecard-360-" + lang + "-radar");
    }
  }
}
