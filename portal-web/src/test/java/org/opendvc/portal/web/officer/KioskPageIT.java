package org.opendvc.portal.web.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The counter kiosk in a real browser at tablet sizes: an officer of the class's own signs in,
 * opens {@code /kiosk/quay-1}, and two people rate by a tap each, the thank-you screen going back
 * to the question by itself in between; the published figures move by exactly those taps, and the
 * officer's own row too. Then what is refused: a tap too soon after the previous one, a post
 * without the form token, nobody signed in, an applicant, a malformed desk code. Screenshots at
 * 1024x768 and 800x1280 go to target/screenshots.
 */
@PortalWideFigures
class KioskPageIT extends PortalIntegrationTest {

  static final Dimension LANDSCAPE = new Dimension(1024, 768);
  static final Dimension PORTRAIT = new Dimension(800, 1280);
  static final String COMMUNE = "000.01.31.H91";
  private static final Pattern TOKEN =
      Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String base() {
    String url = portal.url().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Test
  void twoPeopleRateTheOfficerAtTheDeskByATapEach() {
    Portal.Account officer = portal.newAccount("OFFICER", COMMUNE);
    JsonObject before = agencyRow();

    browser = Browsers.chromium(LANDSCAPE);
    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys(officer.username());
    browser.findElement(By.id("password")).sendKeys(officer.password());
    browser.findElement(By.cssSelector(".login-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/officer/dossiers"));

    browser.get(base() + "/kiosk/quay-1");
    assertTheQuestion();
    String header = browser.findElement(By.cssSelector(".kiosk-header")).getText();
    assertTrue(header.contains("Kiểm thử KioskPageIT") && header.contains("quay-1"), header);
    String agencyName = portal.http().get("/api/v1/agencies/" + COMMUNE).json().getString("name");
    assertTrue(header.contains(agencyName), "the officer's agency: " + header);
    assertStaysInTheKiosk();
    assertTouchTargetsFitTheScreen("1024x768");
    screenshot("kiosk-1024x768-vi");

    Browsers.clickAndWaitForNextPage(browser, By.id("kiosk-score-5"));
    assertTrue(browser.findElement(By.id("kiosk-thanks")).isDisplayed());
    assertTrue(
        browser.findElements(By.cssSelector("#kiosk-choices button")).isEmpty(),
        "no second tap from the thank-you screen");
    assertStaysInTheKiosk();
    screenshot("kiosk-thanks-1024x768-vi");
    // the thank-you screen goes back to the question by itself (a refresh, no script)
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("kiosk-score-2")));
    assertFalse(browser.getCurrentUrl().contains("thanks"), browser.getCurrentUrl());
    Browsers.clickAndWaitForNextPage(browser, By.id("kiosk-score-2"));
    assertTrue(browser.findElement(By.id("kiosk-thanks")).isDisplayed());

    JsonObject after = agencyRow();
    assertEquals(before.getInt("responses") + 2, after.getInt("responses"), after.toString());
    long[] moved = delta(before, after);
    assertEquals("[0, 1, 0, 0, 1]", java.util.Arrays.toString(moved), "one 5 and one 2");
    JsonObject satisfied = after.getJsonObject("satisfied");
    assertEquals(before.getJsonObject("satisfied").getInt("count") + 1, satisfied.getInt("count"));
    assertEquals(after.getInt("responses"), satisfied.getInt("of"));
    JsonObject mine = officerRow(officer.http(), officer.username());
    assertEquals("[0, 1, 0, 0, 1]", mine.getJsonArray("counts").toString().replace(",", ", "));
    assertEquals(0.5, mine.getJsonObject("satisfied").getJsonNumber("share").doubleValue());
    assertFalse(
        portal.http().get("/api/v1/satisfaction/kiosk").body().contains(officer.username()),
        "officers are never named in public");

    // portrait, as a tablet on a stand
    browser.manage().window().setSize(PORTRAIT);
    browser.get(base() + "/kiosk/quay-1");
    assertTheQuestion();
    assertTouchTargetsFitTheScreen("800x1280");
    screenshot("kiosk-800x1280-vi");
    browser.get(base() + "/kiosk/quay-1?lang=en");
    assertEquals(
        "How satisfied are you with how you were served?",
        browser.findElement(By.id("kiosk-question")).getText());
    assertStaysInTheKiosk();
    assertTouchTargetsFitTheScreen("800x1280, English");
    screenshot("kiosk-800x1280-en");

    // what is refused, with the browser's page session
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    Http http = portal.http();
    String token = token(http.get("/kiosk/quay-2", "Cookie", "JSESSIONID=" + session));
    JsonObject beforeRefusals = agencyRow();
    Http.Response counted =
        http.postForm(
            "/kiosk/quay-2",
            form("formToken", token, "score", "4"),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(303, counted.status(), counted.toString());
    assertTrue(counted.header("Location").orElseThrow().endsWith("/kiosk/quay-2?thanks=1"));
    Http.Response tooSoon =
        http.postForm(
            "/kiosk/quay-2",
            form("formToken", token, "score", "1"),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(303, tooSoon.status(), tooSoon.toString());
    assertTrue(
        tooSoon.header("Location").orElseThrow().endsWith("/kiosk/quay-2"),
        "a tap within the minimum interval goes back to the question: " + tooSoon);
    for (String forged : new String[] {null, "not-the-token"}) {
      Map<String, String> fields =
          forged == null ? form("score", "3") : form("formToken", forged, "score", "3");
      Http.Response refused =
          http.postForm("/kiosk/quay-3", fields, "Cookie", "JSESSIONID=" + session);
      assertEquals(303, refused.status(), refused.toString());
      assertFalse(refused.header("Location").orElseThrow().contains("thanks"), refused.toString());
    }
    Http.Response badScore =
        http.postForm(
            "/kiosk/quay-4",
            form("formToken", token, "score", "9"),
            "Cookie",
            "JSESSIONID=" + session);
    assertFalse(badScore.header("Location").orElseThrow().contains("thanks"));
    JsonObject afterRefusals = agencyRow();
    assertEquals(
        "[0, 0, 0, 1, 0]",
        java.util.Arrays.toString(delta(beforeRefusals, afterRefusals)),
        "only the first tap at quay-2 counted");

    // a malformed desk: the 404 page
    Http.Response badDesk = http.get("/kiosk/Quay_1", "Cookie", "JSESSIONID=" + session);
    assertEquals(404, badDesk.status(), badDesk.toString());
    assertEquals(
        404, http.get("/kiosk/" + "q".repeat(31), "Cookie", "JSESSIONID=" + session).status());
    browser.get(base() + "/kiosk/Quay_1");
    assertTrue(browser.findElements(By.id("kiosk-choices")).isEmpty());

    // the /satisfaction page publishes the agency's share at the counter with its counts
    browser.manage().window().setSize(LANDSCAPE);
    browser.get(base() + "/satisfaction?agency=" + COMMUNE + "&lang=vi");
    JsonObject published = agencyRow();
    String row = browser.findElement(By.cssSelector("#counter-table tbody tr")).getText();
    assertTrue(row.contains(agencyName), row);
    assertTrue(
        row.contains(
            published.getJsonObject("satisfied").getInt("count")
                + " / "
                + published.getInt("responses")),
        row + " vs " + published);
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('counter').scrollIntoView()");
    screenshot("satisfaction-counter-1024-vi");
  }

  @Test
  void onlyAnOfficerSignedInOpensTheKiosk() {
    Http http = portal.http();
    Http.Response anonymous = http.get("/kiosk/quay-1");
    assertEquals(303, anonymous.status(), anonymous.toString());
    assertTrue(
        anonymous.header("Location").orElseThrow().endsWith("/login?next=%2Fkiosk%2Fquay-1"),
        anonymous.toString());
    Http.Response anonymousPost = http.postForm("/kiosk/quay-1", form("score", "5"));
    assertEquals(303, anonymousPost.status());
    assertTrue(anonymousPost.header("Location").orElseThrow().contains("/login"));
    assertEquals(303, http.get("/officer/kiosk.xhtml").status(), "nor by the view's own address");

    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    Http.Response signedIn =
        http.postForm(
            "/login", form("username", applicant.username(), "password", applicant.password()));
    assertEquals(303, signedIn.status(), signedIn.toString());
    String session = signedIn.cookie("JSESSIONID").orElseThrow();
    assertEquals(403, http.get("/kiosk/quay-1", "Cookie", "JSESSIONID=" + session).status());
    assertEquals(
        403,
        http.postForm("/kiosk/quay-1", form("score", "5"), "Cookie", "JSESSIONID=" + session)
            .status());

    // the officers' figures are their agency's: the public and applicants do not get them
    assertEquals(401, http.get("/api/v1/satisfaction/kiosk/officers").status());
    assertEquals(403, applicant.http().get("/api/v1/satisfaction/kiosk/officers").status());
    assertEquals(400, http.get("/api/v1/satisfaction/kiosk?period=2026-13").status());
    JsonObject empty = http.get("/api/v1/satisfaction/kiosk?period=2001").json();
    assertEquals(0, empty.getJsonObject("total").getInt("responses"));
    assertTrue(
        empty.getJsonObject("total").getJsonObject("satisfied").isNull("share"),
        "no rating, no share");
  }

  private void assertTheQuestion() {
    assertEquals(5, browser.findElements(By.cssSelector("#kiosk-choices button")).size());
    assertTrue(browser.findElement(By.id("kiosk-question")).getText().contains("hài lòng"));
  }

  /** No header, navigation or footer, and no link that leads anywhere but this kiosk. */
  private void assertStaysInTheKiosk() {
    assertTrue(
        browser.findElements(By.cssSelector("nav, footer, .site-header, .site-footer")).isEmpty(),
        "no site header, navigation or footer");
    for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
      String href = a.getAttribute("href");
      assertTrue(href.startsWith(base() + "/kiosk/quay-1"), "a link out of the kiosk: " + href);
    }
    for (WebElement f : browser.findElements(By.tagName("form"))) {
      assertTrue(
          f.getAttribute("action").startsWith(base() + "/kiosk/quay-1"), f.getAttribute("action"));
    }
  }

  /** Every button at least 64 px each way and wholly on the screen, without scrolling. */
  private void assertTouchTargetsFitTheScreen(String size) {
    Number overflow =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow.intValue() <= 0, size + ": scrolls sideways by " + overflow + " px");
    long height = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
    for (WebElement b : browser.findElements(By.cssSelector("#kiosk-choices button"))) {
      Rectangle r = b.getRect();
      assertTrue(
          r.getWidth() >= 64 && r.getHeight() >= 64,
          size + ": too small " + r.getWidth() + "x" + r.getHeight());
      assertTrue(
          r.getY() + r.getHeight() <= height,
          size + ": a button below the screen at " + (r.getY() + r.getHeight()) + " of " + height);
      Rectangle label = b.findElement(By.className("kiosk-label")).getRect();
      assertTrue(
          label.getX() >= r.getX() && label.getX() + label.getWidth() <= r.getX() + r.getWidth(),
          size + ": the words stick out of their button: " + b.getText());
    }
  }

  /** The commune's row of the public kiosk figures (zeros before its first rating). */
  private JsonObject agencyRow() {
    Http.Response r = portal.http().get("/api/v1/satisfaction/kiosk?agency=" + COMMUNE);
    assertEquals(200, r.status(), r.toString());
    JsonArray rows = r.json().getJsonArray("rows");
    for (int i = 0; i < rows.size(); i++) {
      if (COMMUNE.equals(rows.getJsonObject(i).getString("key"))) {
        return rows.getJsonObject(i);
      }
    }
    return portal
        .http()
        .get("/api/v1/satisfaction/kiosk?period=2001")
        .json()
        .getJsonObject("total");
  }

  private static JsonObject officerRow(Http officer, String username) {
    Http.Response r = officer.get("/api/v1/satisfaction/kiosk/officers");
    assertEquals(200, r.status(), r.toString());
    JsonArray rows = r.json().getJsonArray("rows");
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      assertEquals(COMMUNE, row.getString("agency"), "only the officer's own agency: " + r);
      if (username.equals(row.getString("key"))) {
        return row;
      }
    }
    throw new AssertionError("no row of " + username + ": " + r);
  }

  private static long[] delta(JsonObject before, JsonObject after) {
    long[] d = new long[5];
    for (int k = 0; k < 5; k++) {
      d[k] =
          after.getJsonArray("counts").getJsonNumber(k).longValue()
              - before.getJsonArray("counts").getJsonNumber(k).longValue();
    }
    return d;
  }

  private static String token(Http.Response page) {
    assertEquals(200, page.status(), page.toString());
    Matcher m = TOKEN.matcher(page.body());
    assertTrue(m.find(), "a form token on " + page);
    return m.group(1);
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
