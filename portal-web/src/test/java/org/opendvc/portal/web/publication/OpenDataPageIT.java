package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The open data page in headless Chromium: reached from the footer, every dataset with its download
 * links and its fields in Vietnamese and English, the licence, links that download what they say,
 * and no sideways scrolling on a 360 px phone. Screenshots go to target/screenshots.
 */
class OpenDataPageIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);

  @Test
  void everyDatasetHasItsDownloadsAndItsFieldsInBothLanguages() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/results");
    browser.findElement(By.cssSelector(".site-footer a[href$='/open-data']")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/open-data"), browser.getCurrentUrl());
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Dữ liệu mở", browser.findElement(By.tagName("h1")).getText());
    assertEquals(0, browser.findElements(By.tagName("script")).size(), "works without script");
    WebElement licence = browser.findElement(By.cssSelector(".licence a[rel=license]"));
    assertEquals("Creative Commons Attribution 4.0 (CC BY 4.0)", licence.getText());
    assertEquals("https://creativecommons.org/licenses/by/4.0/", licence.getAttribute("href"));

    for (String dataset : List.of("statistics", "results", "procedures")) {
      WebElement section = browser.findElement(By.id(dataset));
      List<String> links =
          section.findElements(By.cssSelector("a.download")).stream()
              .map(a -> a.getAttribute("href"))
              .toList();
      assertEquals(
          List.of(
              base() + "/api/v1/open-data/" + dataset + ".csv",
              base() + "/api/v1/open-data/" + dataset + ".json"),
          links);
      List<WebElement> fields = section.findElements(By.cssSelector("table.fields tbody tr"));
      assertTrue(fields.size() >= 10, dataset + " lists its fields: " + fields.size());
      for (WebElement f : fields) {
        assertFalse(
            f.findElement(By.cssSelector("td:last-child")).getText().isBlank(),
            "every field has a meaning: " + f.getText());
      }
    }
    assertEquals(
        "section",
        browser.findElement(By.cssSelector("#statistics table.fields tbody th code")).getText());
    List<String> exports =
        browser.findElements(By.cssSelector("#exports a.download")).stream()
            .map(a -> a.getAttribute("href").substring(base().length()))
            .toList();
    assertEquals(
        List.of(
            "/api/v1/statistics.csv",
            "/api/v1/statistics.xlsx",
            "/api/v1/statistics/online-uptake.csv",
            "/api/v1/statistics/online-uptake.xlsx",
            "/api/v1/statistics/online-uptake.csv?table=idle"),
        exports);
    assertFitsTheWindow("/open-data at 1366 px");
    screenshot("open-data-1366-vi");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('results').scrollIntoView()");
    screenshot("open-data-1366-vi-results");

    browser.findElement(By.cssSelector("a.lang-switch")).click();
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Open data", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        "Field", browser.findElement(By.cssSelector("#results table.fields thead th")).getText());
    assertTrue(browser.findElement(By.id("results")).getText().contains("masked"));
    screenshot("open-data-1366-en");
  }

  @Test
  void theDownloadLinksGiveWhatTheySay() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/open-data");
    Http http = portal.http();
    for (WebElement link : browser.findElements(By.cssSelector("a.download"))) {
      String href = link.getAttribute("href");
      Http.Response r =
          http.get(
              URI.create(href).getRawPath()
                  + (URI.create(href).getRawQuery() == null
                      ? ""
                      : "?" + URI.create(href).getRawQuery()));
      assertEquals(200, r.status(), href + " -> " + r);
      assertEquals(link.getAttribute("type"), r.mediaType(), href);
      assertTrue(r.header("Content-Disposition").orElse("").startsWith("attachment"), href);
    }
  }

  @Test
  void onA360PxPhoneNothingScrollsSideways() {
    browser = Browsers.chromium(PHONE);
    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/open-data?lang=" + lang);
      assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertFitsTheWindow("/open-data at 360 px (" + lang + ")");
      WebElement row = browser.findElement(By.cssSelector("#results table.fields tbody tr"));
      assertEquals("block", row.getCssValue("display"), "fields stack as cards");
      screenshot("open-data-360-" + lang);
      ((JavascriptExecutor) browser)
          .executeScript("document.getElementById('procedures').scrollIntoView()");
      screenshot("open-data-360-" + lang + "-procedures");
    }
  }
}
