package org.opendvc.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The province the portal serves, from configuration: the IT server is started with the {@code
 * portal.province.*} keys of {@code it-province.properties} and an emblem file (arquillian.xml).
 * The header and footer show the configured name, responsible agency, hotline and e-mail, the
 * address of the province's committee in the catalogue where none is configured, the configured
 * emblem served as an image; and the markup in a configured value is printed as text, never run.
 */
class ProvinceIdentityIT extends BrowserPageTest {

  @Test
  void theFooterAndHeaderShowTheConfiguredProvince() {
    Http.Response page = portal.http().get("/?lang=vi");
    assertEquals(200, page.status());
    String html = page.body();
    assertTrue(html.contains("Tỉnh Sông Lam (kiểm thử)"), "the configured name");
    assertTrue(html.contains("Văn phòng Ủy ban nhân dân tỉnh Sông Lam"), "the configured agency");
    assertTrue(html.contains("href=\"tel:19000000\""), "the hotline as a phone link");
    assertTrue(html.contains("href=\"mailto:hotro@songlam.example\""), "the e-mail");
    // not configured: the address of the committee 000.00.00.H91 in the demo catalogue
    assertTrue(
        html.contains("Số 1 đường Trần Hưng Đạo, thành phố Lam Giang, tỉnh Sông Lam"),
        "the committee's address");

    browser = Browsers.chromium(new Dimension(360, 800));
    for (String lang : List.of("vi", "en")) {
      browser.get(base() + "/?lang=" + lang);
      WebElement footer = browser.findElement(By.cssSelector(".site-footer"));
      String name = lang.equals("vi") ? "Tỉnh Sông Lam (kiểm thử)" : "Sông Lam Province (test)";
      assertTrue(
          footer.findElement(By.cssSelector(".footer-portal")).getText().contains(name),
          footer.getText());
      assertEquals(name, browser.findElement(By.cssSelector(".brand-province")).getText());
      assertTrue(browser.getTitle().endsWith(name), browser.getTitle());
      assertEquals("1900 0000", footer.findElement(By.cssSelector(".footer-hotline a")).getText());
      String emblem = browser.findElement(By.cssSelector(".brand-emblem")).getAttribute("src");
      assertTrue(emblem.endsWith("/province/emblem"), emblem);
      assertFitsTheWindow("the footer at 360 px (" + lang + ")");
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("window.scrollTo(0, document.body.scrollHeight)");
      screenshot("province-footer-360-" + lang);
    }
    browser.get(base() + "/?lang=vi");
    screenshot("province-header-360-vi");
  }

  @Test
  void markupInAConfiguredValueIsPrintedAsText() {
    // portal.province.agency.en holds <script>alert(1)</script> & "co"
    Http.Response page = portal.http().get("/procedures?lang=en");
    String html = page.body();
    assertFalse(html.contains("<script>alert(1)</script>"), "no markup from configuration");
    assertTrue(
        html.contains(
                "Provincial People&#39;s Committee Office &lt;script&gt;alert(1)"
                    + "&lt;/script&gt; &amp; &quot;co&quot;")
            || html.contains(
                "Provincial People's Committee Office &lt;script&gt;alert(1)"
                    + "&lt;/script&gt; &amp; \"co\""),
        "escaped: " + excerpt(html, "Committee Office"));

    browser = Browsers.chromium(new Dimension(1366, 900));
    browser.get(base() + "/procedures?lang=en");
    assertEquals(0, browser.findElements(By.tagName("script")).size(), "no script element");
    assertEquals(
        "Provincial People's Committee Office <script>alert(1)</script> & \"co\"",
        browser.findElement(By.cssSelector(".footer-agency dd")).getText());
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("window.scrollTo(0, document.body.scrollHeight)");
    screenshot("province-footer-1366-en");
  }

  @Test
  void theConfiguredEmblemIsServedAsAnImage() {
    Http.Response emblem = portal.http().get("/province/emblem");
    assertEquals(200, emblem.status());
    assertEquals("image/svg+xml", emblem.mediaType());
    assertEquals("nosniff", emblem.header("X-Content-Type-Options").orElse(""));
    assertTrue(new String(emblem.bytes(), StandardCharsets.UTF_8).startsWith("<svg"));
    Http.Response neutral = portal.http().get("/static/emblem.svg");
    assertEquals(200, neutral.status());
    assertEquals("image/svg+xml", neutral.mediaType());
  }

  private static String excerpt(String html, String around) {
    int i = html.indexOf(around);
    return i < 0
        ? "(absent)"
        : html.substring(Math.max(0, i - 80), Math.min(html.length(), i + 160));
  }
}
