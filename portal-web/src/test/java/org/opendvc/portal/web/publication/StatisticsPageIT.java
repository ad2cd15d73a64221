package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The statistics page in headless Chromium against the demo province: its figures equal {@code GET
 * /api/v1/statistics} for the same query in Vietnamese and English, an empty period shows "không có
 * số liệu" / "n/a" and never 100 %, the drill-down from the province to an agency and its
 * procedures with the breadcrumb back, the charts' tables for screen readers, download links that
 * carry the query, bad input explained beside its field, and no sideways scrolling on a 360 px
 * phone. Screenshots go to target/screenshots.
 */
@PortalWideFigures
class StatisticsPageIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);
  static final String DISTRICT = "000.00.31.H91";
  static final String COMMUNE = "000.01.31.H91";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final List<String> FIGURES =
      List.of(
          "received",
          "carriedOver",
          "receivedOnline",
          "receivedOffline",
          "resolved",
          "resolvedEarly",
          "resolvedOnTime",
          "resolvedLate",
          "inProgress",
          "inProgressWithinTime",
          "inProgressOverdue",
          "transferredIn",
          "transferredOut",
          "withdrawn");

  /** Last month: ended, so dossiers other tests drive today do not move it. */
  private final String period = YearMonth.now(VIETNAM).minusMonths(1).toString();

  @Test
  void theFiguresAreThoseOfTheApiInBothLanguages() {
    JsonObject api = api("/api/v1/statistics?period=" + period + "&groupBy=tier");
    assertTrue(api.getJsonObject("total").getInt("received") > 0, "the demo month has dossiers");
    assertTrue(api.getJsonObject("total").getInt("resolved") > 0, api.toString());
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/");
    browser.findElement(By.cssSelector(".site-nav a[href$='/statistics']")).click();
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Thống kê giải quyết hồ sơ", browser.findElement(By.tagName("h1")).getText());
    assertEquals(
        YearMonth.now(VIETNAM).toString(),
        browser.findElement(By.id("period")).getAttribute("value"),
        "this month by default");
    assertEquals(0, browser.findElements(By.tagName("script")).size());
    assertEquals(
        "get", browser.findElement(By.cssSelector("form.stat-filters")).getAttribute("method"));

    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/statistics?period=" + period + "&groupBy=tier&lang=" + lang);
      assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals(
          lang.equals("vi") ? "Thống kê giải quyết hồ sơ" : "Dossier statistics",
          browser.findElement(By.tagName("h1")).getText());
      for (JsonObject row : api.getJsonArray("rows").getValuesAs(JsonObject.class)) {
        assertRow(row, "#stat-table tbody tr[data-key='" + row.getString("key") + "']", lang);
      }
      assertRow(api.getJsonObject("total"), "#stat-table tfoot tr[data-key=TOTAL]", lang);
      assertEquals(
          api.getJsonArray("tiers").size(),
          browser.findElements(By.cssSelector("#stat-tiers tbody tr")).size());
      for (JsonObject tier : api.getJsonArray("tiers").getValuesAs(JsonObject.class)) {
        assertRow(tier, "#stat-tiers tbody tr[data-key='" + tier.getString("key") + "']", lang);
      }
      String header = browser.findElement(By.cssSelector("#stat-table thead th")).getText();
      assertEquals(lang.equals("vi") ? "Cấp" : "Tier", header);
      assertFitsTheWindow("/statistics at 1366 px (" + lang + ")");
      screenshot("statistics-1366-" + lang);
      scrollTo("#stat-figures");
      screenshot("statistics-1366-" + lang + "-table");
      scrollTo("#stat-charts");
      screenshot("statistics-1366-" + lang + "-charts");
      scrollTo("#online-uptake");
      screenshot("statistics-1366-" + lang + "-uptake");
    }
  }

  @Test
  void theChartsAreFollowedByTheirFiguresAsTables() {
    JsonObject api = api("/api/v1/statistics?period=" + period + "&groupBy=agency");
    Map<String, JsonObject> byKey =
        api.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(r -> r.getString("key"), r -> r));
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/statistics?period=" + period + "&groupBy=field");
    screenshot("statistics-1366-vi-by-field");
    scrollTo("#chart-trend-heading");
    screenshot("statistics-1366-vi-trend");
    WebElement chart = browser.findElement(By.id("chart-rate"));
    assertEquals("img", chart.getAttribute("role"));
    assertFalse(chart.getAttribute("aria-label").isBlank());
    List<WebElement> bars = chart.findElements(By.cssSelector(".bar-row"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#chart-rate-table tbody tr"));
    assertFalse(rows.isEmpty());
    assertEquals(bars.size(), rows.size(), "one row per bar");
    for (WebElement row : rows) {
      String name = row.getAttribute("data-key");
      JsonObject agency = byKey.get(name);
      assertTrue(agency != null, name);
      assertEquals(
          agency.getString("name"),
          row.findElement(By.tagName("th")).getAttribute("textContent").strip());
      assertRate(
          agency.get("onTimeRate"),
          row.findElement(By.tagName("td")).getAttribute("textContent"),
          "vi",
          name);
    }
    // the trend: twelve months ending with the period's, each as received and resolved
    List<WebElement> months = browser.findElements(By.cssSelector("#chart-trend-table tbody tr"));
    assertEquals(12, months.size());
    assertEquals(period, months.get(11).getAttribute("data-key"));
    JsonObject month = api.getJsonObject("total");
    List<WebElement> cells = months.get(11).findElements(By.tagName("td"));
    assertEquals(month.getJsonNumber("received").longValue(), number(cells.get(0)));
    assertEquals(month.getJsonNumber("resolved").longValue(), number(cells.get(1)));
    assertFalse(browser.findElements(By.cssSelector("#chart-online-table tbody tr")).isEmpty());
    assertEquals("img", browser.findElement(By.id("chart-online")).getAttribute("role"));

    // online uptake: the same figures as its API
    JsonObject uptake = api("/api/v1/statistics/online-uptake?period=" + period);
    WebElement total = browser.findElement(By.cssSelector("#uptake-table tfoot tr"));
    List<WebElement> totals = total.findElements(By.tagName("td"));
    JsonObject t = uptake.getJsonObject("total");
    assertEquals(t.getInt("offeredOnline"), number(totals.get(0)));
    assertEquals(t.getInt("withOnlineDossiers"), number(totals.get(1)));
    assertEquals(t.getJsonNumber("received").longValue(), number(totals.get(2)));
    assertEquals(t.getJsonNumber("receivedOnline").longValue(), number(totals.get(3)));
    assertTrue(
        browser
            .findElement(By.id("idle-count"))
            .getText()
            .startsWith(
                String.format(
                    java.util.Locale.GERMAN, "%,d", uptake.getJsonNumber("idleCount").longValue())),
        browser.findElement(By.id("idle-count")).getText());
  }

  @Test
  void anEmptyPeriodHasNoRateNeverAHundredPercent() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/statistics?period=2001-Q1&lang=vi");
    assertEquals(
        "không có số liệu",
        browser
            .findElement(By.cssSelector("#stat-table tfoot td[data-figure=onTimeRate]"))
            .getText());
    assertEquals(
        "0",
        browser
            .findElement(By.cssSelector("#stat-table tfoot td[data-figure=resolved]"))
            .getText());
    assertTrue(browser.findElement(By.id("stat-empty")).isDisplayed());
    assertFalse(browser.getPageSource().contains("100,0"), "no 100 % for nothing");
    assertFalse(
        browser.findElements(By.cssSelector("#chart-trend-table tbody tr td")).stream()
            .anyMatch(td -> td.getAttribute("textContent").contains("100")));
    browser.get(base() + "/statistics?period=2001-Q1&lang=en");
    assertEquals(
        "n/a",
        browser
            .findElement(By.cssSelector("#stat-table tfoot td[data-figure=onTimeRate]"))
            .getText());
    assertFalse(browser.getPageSource().contains("100.0"), "no 100 % for nothing");
  }

  @Test
  void fromTheProvinceToAnAgencyToItsProceduresAndBack() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/statistics?period=" + period);
    assertEquals(1, browser.findElements(By.cssSelector(".breadcrumb li")).size());
    Browsers.clickAndWaitForNextPage(
        browser, By.cssSelector("#stat-table tbody a[href*='agency=" + COMMUNE + "']"));
    String url = browser.getCurrentUrl();
    assertTrue(
        url.contains("agency=" + COMMUNE)
            && url.contains("period=" + period)
            && url.contains("groupBy=procedure"),
        "a commune has no units: its procedures " + url);
    List<WebElement> crumbs = browser.findElements(By.cssSelector(".breadcrumb li a"));
    assertEquals(4, crumbs.size(), "all agencies › province › district › commune");
    assertEquals("page", crumbs.get(3).getAttribute("aria-current"));
    screenshot("statistics-1366-vi-commune");
    assertTrue(crumbs.get(2).getAttribute("href").contains("agency=" + DISTRICT));
    JsonObject procedures =
        api("/api/v1/statistics?period=" + period + "&groupBy=procedure" + "&agency=" + COMMUNE);
    assertFalse(procedures.getJsonArray("rows").isEmpty());
    for (JsonObject row : procedures.getJsonArray("rows").getValuesAs(JsonObject.class)) {
      assertRow(row, "#stat-table tbody tr[data-key='" + row.getString("key") + "']", "vi");
    }
    assertEquals(
        procedures.getJsonArray("rows").size(),
        browser.findElements(By.cssSelector("#stat-table tbody tr")).size());

    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".breadcrumb li:nth-child(3) a"));
    url = browser.getCurrentUrl();
    assertTrue(
        url.contains("agency=" + DISTRICT)
            && url.contains("groupBy=agency")
            && url.contains("period=" + period),
        url);
    assertEquals(3, browser.findElements(By.cssSelector(".breadcrumb li")).size());
    JsonObject district = api("/api/v1/statistics?period=" + period + "&agency=" + DISTRICT);
    assertRow(district.getJsonObject("total"), "#stat-table tfoot tr", "vi");
    assertFalse(
        browser
            .findElements(By.cssSelector("#stat-table tbody a[href*='agency=" + COMMUNE + "']"))
            .isEmpty());
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".breadcrumb li:first-child a"));
    assertFalse(browser.getCurrentUrl().contains("agency="), browser.getCurrentUrl());
    assertTrue(browser.getCurrentUrl().contains("period=" + period));
  }

  @Test
  void downloadLinksCarryTheQueryAndBadInputIsExplained() {
    browser = Browsers.chromium(WIDE);
    browser.get(base() + "/statistics?period=" + period + "&groupBy=field&agency=" + DISTRICT);
    List<WebElement> downloads = browser.findElements(By.cssSelector(".downloads a.download"));
    assertTrue(downloads.size() >= 10, "CSV and XLSX under every table: " + downloads.size());
    for (WebElement a : downloads) {
      String href = a.getAttribute("href");
      assertTrue(href.contains("/api/v1/statistics"), href);
      assertTrue(href.contains("agency=" + DISTRICT), href);
      assertTrue(href.contains(".csv?") || href.contains(".xlsx?"), href);
      assertTrue(href.contains("period=" + period) || href.contains("groupBy=month"), href);
    }
    assertTrue(
        downloads
            .get(0)
            .getAttribute("href")
            .endsWith(
                "/api/v1/statistics.csv?period=" + period + "&groupBy=field&agency=" + DISTRICT),
        downloads.get(0).getAttribute("href"));
    assertTrue(
        downloads.stream()
            .anyMatch(
                a ->
                    a.getAttribute("href")
                        .contains("/api/v1/statistics/online-uptake.xlsx?period=" + period)));
    assertTrue(
        browser.findElements(By.cssSelector(".downloads a:not(.download)")).stream()
            .allMatch(a -> a.getAttribute("href").endsWith("/open-data")));

    Http.Response bad = portal.http().get("/statistics?period=2026-Q5");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("Kỳ không hợp lệ"), bad.body());
    Http.Response backwards =
        portal.http().get("/statistics?from=2026-11-30&to=2026-11-01&lang=en");
    assertEquals(400, backwards.status());
    assertTrue(backwards.body().contains("is before the start date"), backwards.body());
    assertEquals(400, portal.http().get("/statistics?agency=khong-co").status());
    assertEquals(400, portal.http().get("/statistics?groupBy=weather").status());

    browser.get(base() + "/statistics?period=2026-Q5&lang=vi");
    WebElement error = browser.findElement(By.id("period-error"));
    assertTrue(error.getText().startsWith("Kỳ không hợp lệ"), error.getText());
    assertTrue(
        browser
            .findElement(By.id("period"))
            .getAttribute("aria-describedby")
            .contains("period-error"));
    assertEquals("2026-Q5", browser.findElement(By.id("period")).getAttribute("value"));
    assertTrue(browser.findElements(By.id("stat-table")).isEmpty());
  }

  @Test
  void onA360PxPhoneOnlyTheTablesScrollSideways() {
    browser = Browsers.chromium(PHONE);
    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/statistics?period=" + period + "&lang=" + lang);
      assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
      assertFitsTheWindow("/statistics at 360 px (" + lang + ")");
      Number inside =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "const s = document.querySelector('#stat-table').parentElement;"
                          + " return s.scrollWidth - s.clientWidth;");
      assertTrue(inside.intValue() > 0, "the wide table scrolls inside its box");
      screenshot("statistics-360-" + lang);
      scrollTo("#stat-table");
      screenshot("statistics-360-" + lang + "-table");
      scrollTo("#stat-charts");
      screenshot("statistics-360-" + lang + "-charts");
      scrollTo("#chart-trend-heading");
      screenshot("statistics-360-" + lang + "-trend");
      scrollTo("#online-uptake");
      screenshot("statistics-360-" + lang + "-uptake");
    }
    browser.get(base() + "/statistics?period=2026-Q5&lang=vi");
    assertFitsTheWindow("/statistics with an error at 360 px");
    screenshot("statistics-360-vi-error");
  }

  // --- helpers ---

  private void assertRow(JsonObject expected, String rowSelector, String lang) {
    Map<String, String> cells = figuresOf(rowSelector);
    for (String figure : FIGURES) {
      String text = cells.get(figure);
      assertNotNull(text, rowSelector + " has no " + figure);
      text = text.strip();
      assertEquals(
          expected.getJsonNumber(figure).longValue(),
          number(text),
          rowSelector + " " + figure + " '" + text + "'");
      if (expected.getJsonNumber(figure).longValue() >= 1000) {
        assertTrue(text.contains(lang.equals("vi") ? "." : ","), "grouped per locale: " + text);
      }
    }
    assertNotNull(cells.get("onTimeRate"), rowSelector + " has no onTimeRate");
    assertRate(expected.get("onTimeRate"), cells.get("onTimeRate"), lang, rowSelector);
  }

  /**
   * The text of the row's first cell of every figure ({@code td[data-figure]}), read in one call:
   * asked cell by cell, a page of figures took some thousand round trips to the browser.
   */
  @SuppressWarnings("unchecked")
  private Map<String, String> figuresOf(String rowSelector) {
    Object cells =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const row = document.querySelector(arguments[0]);"
                    + "if (!row) return null;"
                    + "const cells = {};"
                    + "for (const td of row.querySelectorAll('td[data-figure]')) {"
                    + "  if (!(td.dataset.figure in cells)) cells[td.dataset.figure] = td.textContent;"
                    + "}"
                    + "return cells;",
                rowSelector);
    assertNotNull(cells, "no row " + rowSelector);
    return (Map<String, String>) cells;
  }

  private static void assertRate(JsonValue expected, String shown, String lang, String what) {
    shown = shown.strip();
    if (expected == null || expected.getValueType() == JsonValue.ValueType.NULL) {
      assertEquals(lang.equals("vi") ? "không có số liệu" : "n/a", shown, what);
      return;
    }
    assertTrue(shown.endsWith(lang.equals("vi") ? " %" : "%"), shown);
    String number = shown.replace("%", "").strip();
    number =
        lang.equals("vi") ? number.replace(".", "").replace(',', '.') : number.replace(",", "");
    double percent = ((JsonNumber) expected).doubleValue() * 100;
    assertEquals(percent, Double.parseDouble(number), 0.051, what + " " + shown);
  }

  private static long number(WebElement cell) {
    return number(cell.getAttribute("textContent"));
  }

  /** A figure as the page shows it, grouped per locale ("1.234" or "1,234"). */
  private static long number(String shown) {
    return Long.parseLong(shown.replaceAll("\\D", ""));
  }

  private JsonObject api(String path) {
    Http.Response r = portal.http().get(path);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private void scrollTo(String selector) {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector(arguments[0]).scrollIntoView()", selector);
  }
}
