package org.opendvc.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public catalogue pages in a real browser, against the portal with the demo province loaded:
 * search without tone marks, filters that stay in the address, a procedure and its agencies,
 * English, the 404 page, keyboard use and the phone layout. Assertions follow the first result
 * rather than exact demo names.
 */
@LongRunning
class PagesIT extends PortalIntegrationTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URL url = portal.url();

  private WebDriver browser;
  private String base;

  @BeforeEach
  void openBrowser() {
    base =
        url.toString().endsWith("/")
            ? url.toString().substring(0, url.toString().length() - 1)
            : url.toString();
    browser = Browsers.desktop();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void homeShowsTheSearchBoxAndCountsThatLinkIntoTheSearch() {
    browser.get(base + "/");
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertLandmarks();
    assertEquals(1, browser.findElements(By.cssSelector("label[for='q']")).size());
    List<WebElement> levelLinks = browser.findElements(By.cssSelector(".cards a"));
    assertFalse(levelLinks.isEmpty(), "a count per level");
    assertTrue(levelLinks.get(0).getAttribute("href").contains("/procedures?level="));
    assertTrue(
        levelLinks.stream()
            .anyMatch(a -> a.getText().contains("Mức độ 3") && a.getText().contains("Một phần")),
        "both vocabularies for level 3");
    assertFalse(
        browser.findElements(By.cssSelector("table.counts a[href*='tier=']")).isEmpty(),
        "counts by tier link into the search");
  }

  @Test
  void searchWithoutToneMarksFindsTheProcedureFirst() {
    browser.get(base + "/");
    search("dang ky khai sinh");
    assertTrue(
        browser.getCurrentUrl().contains("/procedures?q=dang+ky+khai+sinh"),
        browser.getCurrentUrl());
    List<WebElement> hits = browser.findElements(By.cssSelector(".hit-title a"));
    assertFalse(hits.isEmpty(), "results for 'dang ky khai sinh'");
    assertTrue(
        fold(hits.get(0).getText()).contains("dang ky khai sinh"),
        "first result: " + hits.get(0).getText());
    for (WebElement hit : hits.subList(0, Math.min(5, hits.size()))) {
      String name = fold(hit.getText());
      assertTrue(name.contains("khai") || name.contains("sinh"), "result: " + hit.getText());
    }
  }

  @Test
  void levelFilterStaysInTheAddress() {
    browser.get(base + "/procedures?q=khai+sinh");
    WebElement level = browser.findElement(By.cssSelector(".facets .facet a"));
    String wanted = level.findElement(By.className("facet-label")).getText();
    level.click();
    String bookmark = browser.getCurrentUrl();
    assertTrue(bookmark.matches(".*[?&]level=[234].*"), bookmark);
    String count = browser.findElement(By.className("result-count")).getText();

    browser.get(base + "/");
    browser.get(bookmark);
    assertEquals(count, browser.findElement(By.className("result-count")).getText());
    WebElement selected = browser.findElement(By.cssSelector(".facet a[aria-current='true']"));
    assertTrue(selected.getText().contains(wanted), selected.getText());
    String levelLabel = wanted.replaceAll("\\s*\\(.*", "");
    for (WebElement levels : browser.findElements(By.cssSelector(".hit .meta"))) {
      assertTrue(levels.getText().contains(levelLabel), levels.getText());
    }
  }

  @Test
  void procedurePageShowsItsDetailsAndLinksToTheAgenciesOfferingIt() {
    browser.get(base + "/procedures?q=khai+sinh");
    List<String> codes =
        browser.findElements(By.cssSelector(".hit .code")).stream()
            .map(WebElement::getText)
            .limit(5)
            .toList();
    assertFalse(codes.isEmpty(), "results for 'khai sinh'");
    List<WebElement> agencies = List.of();
    for (int i = 0; i < codes.size() && agencies.isEmpty(); i++) {
      browser.get(base + "/procedures?q=khai+sinh");
      WebElement hit = browser.findElements(By.cssSelector(".hit-title a")).get(i);
      String name = hit.getText();
      hit.click();
      assertTrue(
          browser.getCurrentUrl().endsWith("/procedures/" + codes.get(i)), browser.getCurrentUrl());
      assertEquals(name, browser.findElement(By.tagName("h1")).getText());
      assertEquals(codes.get(i), browser.findElement(By.cssSelector(".facts .code")).getText());
      assertLandmarks();
      // every offering agency is listed behind a disclosure, folded at first
      List<WebElement> all = browser.findElements(By.cssSelector("#offerings-more summary"));
      if (!all.isEmpty()) {
        all.get(0).click();
      }
      agencies =
          browser.findElements(By.cssSelector("#offerings-more table a[href*='/agencies/']"));
    }
    assertFalse(agencies.isEmpty(), "an agency offering one of " + codes);
    String agencyName = agencies.get(0).getText();
    agencies.get(0).click();
    assertTrue(browser.getCurrentUrl().contains("/agencies/"), browser.getCurrentUrl());
    assertEquals(agencyName, browser.findElement(By.tagName("h1")).getText());
    assertFalse(
        browser.findElements(By.cssSelector(".hit-title a")).isEmpty(),
        "the agency lists the procedures it offers");
  }

  @Test
  void theAgencyDirectoryLeadsToEachAgencysPage() {
    browser.get(base + "/");
    browser.findElement(By.cssSelector(".site-nav a[href$='/agencies']")).click();
    WebElement top = browser.findElement(By.cssSelector("main h2 a"));
    String name = top.getText();
    top.click();
    assertTrue(browser.getCurrentUrl().contains("/agencies/"), browser.getCurrentUrl());
    assertEquals(name, browser.findElement(By.tagName("h1")).getText());
    assertLandmarks();
  }

  @Test
  void theLanguageSwitchShowsEnglishAndIsRemembered() {
    browser.get(base + "/procedures?q=khai+sinh");
    browser.findElement(By.cssSelector("a.lang-switch")).click();
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(browser.getCurrentUrl().contains("q=khai+sinh"), "same page after the switch");
    assertEquals(
        "Find a procedure (name, keyword or code)",
        browser.findElement(By.cssSelector("label[for='q']")).getText());

    browser.get(base + "/");
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals(
        "Find an administrative procedure", browser.findElement(By.tagName("h1")).getText());

    browser.findElement(By.cssSelector("a.lang-switch")).click();
    assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
  }

  @Test
  void anUnknownCodeIsARealNotFoundPageInTheLayout() throws Exception {
    HttpResponse<String> response = get("/procedures/9.999999.ZZ");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("class=\"site-header\""), "in the portal's layout");
    assertFalse(response.body().contains("Exception"), "no stack trace");
    assertEquals(404, get("/agencies/999.99.99.ZZ").statusCode());

    browser.get(base + "/procedures/9.999999.ZZ");
    assertEquals("Không tìm thấy trang", browser.findElement(By.tagName("h1")).getText());
    assertLandmarks();
  }

  @Test
  void nonsenseParametersAreIgnoredPolitely() throws Exception {
    HttpResponse<String> response = get("/procedures?level=abc&page=-1&tier=xyz&q=khai+sinh");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("class=\"notice\""), "a polite notice");
    assertEquals(200, get("/procedures?page=99999999999").statusCode());
    HttpResponse<String> unknownAgency = get("/procedures?agency=nothing-here&q=khai+sinh");
    assertEquals(200, unknownAgency.statusCode());
    assertTrue(unknownAgency.body().contains("class=\"notice\""), "the agency filter is dropped");
  }

  @Test
  void theSearchFormWorksWithTheKeyboard() {
    browser.get(base + "/");
    WebElement body = browser.findElement(By.tagName("body"));
    body.sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertTrue(focused.getAttribute("class").contains("skip-link"), "the skip link comes first");
    WebElement input = null;
    for (int i = 0; i < 15 && input == null; i++) {
      focused = browser.switchTo().activeElement();
      if ("q".equals(focused.getAttribute("id"))) {
        input = focused;
      } else {
        focused.sendKeys(Keys.TAB);
      }
    }
    assertTrue(input != null, "the search box is reachable with Tab");
    WebElement label = browser.findElement(By.cssSelector("label[for='q']"));
    assertFalse(label.getText().isBlank());
    input.sendKeys("khai sinh", Keys.ENTER);
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/procedures?q=khai+sinh"));
    assertFalse(browser.findElements(By.cssSelector(".hit-title a")).isEmpty());
  }

  @Test
  void pagesFitAPhoneScreen() {
    browser.quit();
    browser = Browsers.chromium(new Dimension(360, 800)); // the narrowest phone the pages support
    for (String page : List.of("/", "/procedures?q=khai+sinh", "/procedures/9.999999.ZZ")) {
      browser.get(base + page);
      Number overflow =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
    }
    browser.get(base + "/procedures?q=khai+sinh");
    browser.findElement(By.cssSelector(".hit-title a")).click();
    Number overflow =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow.intValue() <= 0, "procedure page scrolls sideways by " + overflow + " px");
  }

  private void search(String words) {
    WebElement input = browser.findElement(By.id("q"));
    input.clear();
    input.sendKeys(words, Keys.ENTER);
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/procedures?"));
  }

  private void assertLandmarks() {
    for (String landmark : List.of("header", "nav", "main", "footer")) {
      assertFalse(browser.findElements(By.tagName(landmark)).isEmpty(), "a " + landmark);
    }
    assertEquals(1, browser.findElements(By.tagName("h1")).size(), "one h1");
    assertFalse(browser.findElements(By.cssSelector("a.skip-link[href='#main']")).isEmpty());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String fold(String text) {
    String d = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
    return d.replaceAll("\\p{Mn}", "").toLowerCase(Locale.ROOT);
  }
}
