package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * The results board page in headless Chromium, against the demo province: the table at 1366 px and
 * on a 360 px phone, in Vietnamese and English, filters that need no script (a GET form), paging,
 * and no sideways scrolling on the phone. Screenshots go to target/screenshots.
 */
@PortalWideFigures
class ResultsPageIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);
  static final String DISTRICT = "000.00.31.H91";

  @Test
  void theBoardShowsATableWithHeadersAtFullWidthInBothLanguages() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/");
    browser.findElement(By.cssSelector(".site-nav a[href$='/results']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/results"), browser.getCurrentUrl());
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Kết quả giải quyết hồ sơ", browser.findElement(By.tagName("h1")).getText());
    List<WebElement> headers =
        browser.findElements(By.cssSelector("table.results-board thead th[scope=col]"));
    assertEquals(8, headers.size());
    assertEquals("Mã hồ sơ", headers.get(0).getText());
    List<WebElement> rows = browser.findElements(By.cssSelector("table.results-board tbody tr"));
    assertEquals(20, rows.size(), "a page of 20");
    assertTrue(rows.get(0).findElement(By.cssSelector("th[scope=row]")).isDisplayed());
    assertTrue(
        browser.findElement(By.id("board-count")).getText().matches("Có [0-9.]+ hồ sơ.*"),
        browser.findElement(By.id("board-count")).getText());
    assertEquals(
        1, browser.findElements(By.cssSelector(".site-footer a[href$='/results']")).size());
    assertEquals(
        1, browser.findElements(By.cssSelector(".site-nav a[href$='/statistics']")).size());
    assertFitsTheWindow("/results at 1366 px");
    screenshot("results-1366-vi");
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector('table.results-board').scrollIntoView()");
    screenshot("results-1366-vi-table");

    browser.findElement(By.cssSelector("a.lang-switch")).click();
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Results of dossiers", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Dossier code",
        browser.findElement(By.cssSelector("table.results-board thead th")).getText());
    String label =
        browser
            .findElement(By.cssSelector("table.results-board tbody td[data-label]"))
            .getAttribute("data-label");
    assertEquals("Procedure", label);
    screenshot("results-1366-en");
  }

  @Test
  void filtersAndPagesWorkWithoutScript() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/results");
    // nothing on the page depends on a script: there is none, and the filters are a GET form
    assertEquals(0, browser.findElements(By.tagName("script")).size());
    assertEquals(
        "get", browser.findElement(By.cssSelector("form.board-filters")).getAttribute("method"));
    List<WebElement> agencies = browser.findElements(By.cssSelector("#agency option"));
    assertTrue(agencies.size() > 200, "every agency of the tree: " + agencies.size());
    new Select(browser.findElement(By.id("agency"))).selectByValue(DISTRICT);
    new Select(browser.findElement(By.id("timeliness"))).selectByValue("EARLY");
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".board-filters button[type=submit]"));
    String url = browser.getCurrentUrl();
    assertTrue(url.contains("agency=" + DISTRICT) && url.contains("timeliness=EARLY"), url);
    assertEquals(
        DISTRICT,
        new Select(browser.findElement(By.id("agency")))
            .getFirstSelectedOption()
            .getAttribute("value"),
        "the form keeps the choice");
    List<WebElement> rows = browser.findElements(By.cssSelector("table.results-board tbody tr"));
    assertFalse(rows.isEmpty());
    for (WebElement row : rows) {
      assertEquals("EARLY", row.getAttribute("data-timeliness"));
    }
    assertFalse(
        browser
            .findElements(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
            .isEmpty(),
        "the agency's feed is announced");

    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".pager a[rel=next]"));
    assertTrue(browser.getCurrentUrl().contains("page=2"), browser.getCurrentUrl());
    assertTrue(browser.getCurrentUrl().contains("timeliness=EARLY"), "filters stay");
    assertEquals(
        "2",
        browser
            .findElement(By.cssSelector(".pager a[aria-current=page]"))
            .getText()
            .replaceAll("\\D", ""));

    browser.get(base() + "/results?level=9&from=2026-02-30");
    assertEquals(
        2,
        browser.findElements(By.cssSelector(".notice li")).size(),
        "each bad value is explained");
    assertFalse(
        browser.findElements(By.cssSelector("table.results-board tbody tr")).isEmpty(),
        "and the board is shown without them");
  }

  @Test
  void onA360PxPhoneTheRowsStackAndNothingScrollsSideways() {
    browser = Browsers.chromium(PHONE);
    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/results?lang=" + lang);
      assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertFitsTheWindow("/results at 360 px (" + lang + ")");
      WebElement firstRow = browser.findElement(By.cssSelector("table.results-board tbody tr"));
      assertEquals("block", firstRow.getCssValue("display"), "rows stack as cards");
      assertFalse(
          browser.findElement(By.cssSelector("table.results-board thead")).isDisplayed()
              && browser
                      .findElement(By.cssSelector("table.results-board thead"))
                      .getSize()
                      .getHeight()
                  > 1,
          "the header row is for screen readers only");
      screenshot("results-360-" + lang);
      ((JavascriptExecutor) browser)
          .executeScript("document.querySelector('table.results-board').scrollIntoView()");
      screenshot("results-360-" + lang + "-table");
    }
    browser.get(base() + "/results?agency=" + DISTRICT + "&timeliness=LATE&page=2");
    assertFitsTheWindow("/results filtered at 360 px");
  }
}
