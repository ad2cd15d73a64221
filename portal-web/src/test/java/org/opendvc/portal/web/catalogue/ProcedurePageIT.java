package org.opendvc.portal.web.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testdata.SharedData;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The procedure page answers "where do I go, what do I bring, how long, how much" before anything
 * long: on the demo's birth registration (9.001001, offered by all 178 communes of the two demo
 * provinces) the where-to-apply picker and the papers, time limit and fee come first on a 360 px
 * phone, every long list is folded, the time limit is printed once, and a place chosen with the
 * plain GET form shows that commune's level and its online submission link, and is remembered on
 * the next procedure page (a district-level one leads from the remembered commune to its district).
 * The IT server serves the demo province Sông Lam ({@code portal.province.code}).
 */
@LongRunning
class ProcedurePageIT extends BrowserPageTest {

  static final Dimension WIDE = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(360, 800);

  /** Birth registration: commune level, 1 working day, free, level 4 in most communes. */
  static final String BIRTH = "9.001001";

  /** Household business registration: district level (communes in the two-tier province). */
  static final String HOUSEHOLD_BUSINESS = "9.016001";

  /** Private enterprise registration: one department per province. */
  static final String ENTERPRISE = "9.015001";

  static final String SONG_LAM = "000.00.00.H91";
  static final String TRUONG_SON = "000.00.00.H92";

  /** The first commune of Sông Lam's first district (thành phố Lam Giang, 000.00.31.H91). */
  static final String SONG_LAM_COMMUNE = "000.01.31.H91";

  static final String SONG_LAM_DISTRICT = "000.00.31.H91";

  @Test
  void onAPhoneTheEssentialsComeBeforeTheLongListsWhichAreFolded() {
    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/procedures/" + BIRTH + "?lang=vi");
    assertEquals("Đăng ký khai sinh", browser.findElement(By.tagName("h1")).getText());
    assertFitsTheWindow("/procedures/" + BIRTH + " at 360 px");

    int where = top("#where");
    int papers = top(".essential-papers");
    int time = top(".essential-time");
    int fee = top(".essential-fee");
    int agencies = top("#offerings-more");
    int steps = top("#steps-more");
    assertTrue(
        where < papers && papers < time && time < fee,
        "where " + where + ", papers " + papers + ", time " + time + ", fee " + fee);
    assertTrue(
        fee < agencies && fee < steps,
        "the essentials (fee at "
            + fee
            + ") before the agency list ("
            + agencies
            + ") and the steps ("
            + steps
            + ")");
    // all of it within a few screens, not 24,000 px down
    assertTrue(fee < 2400, "the fee at " + fee + " px");
    int pageHeight = ((Number) js("return document.documentElement.scrollHeight;")).intValue();
    assertTrue(pageHeight < 5000, "the whole page folded is " + pageHeight + " px");

    List<WebElement> folded = browser.findElements(By.cssSelector("details.more"));
    assertTrue(folded.size() >= 5, "long parts folded: " + folded.size());
    for (WebElement d : folded) {
      assertNull(d.getAttribute("open"), d.getAttribute("id") + " is folded");
    }
    WebElement offerings = browser.findElement(By.id("offerings-more"));
    assertEquals(
        "Tất cả nơi cung cấp thủ tục (" + offeringsOfBirth().size() + ")",
        offerings.findElement(By.tagName("summary")).getText());
    assertFalse(offerings.findElement(By.cssSelector("tbody tr")).isDisplayed());

    // the time limit once, the feed's "01 ngày làm việc" restatement dropped
    WebElement timeLimit = browser.findElement(By.cssSelector(".essential-time dd"));
    assertEquals("1 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", timeLimit.getText());
    String channels = (String) js("return document.getElementById('channels-more').innerHTML;");
    assertEquals(0, count(channels, "01 ngày làm việc"), "the restated figure is gone");
    assertEquals(
        3,
        count(channels, "<strong>1 ngày làm việc</strong>"),
        "once per way of filing (in person, online, post)");
    assertEquals(
        "Không thu phí, lệ phí",
        browser.findElement(By.cssSelector(".essential-fee dd")).getText());
    assertEquals(List.of(), repeatedHeadings(), "every heading once");
    assertTrue(
        browser
            .findElement(By.cssSelector(".essential-papers"))
            .getText()
            .contains("Giấy chứng sinh"),
        "the papers to bring");
    screenshot("procedure-360-vi");

    // unfolding the agencies shows them all
    offerings.findElement(By.tagName("summary")).click();
    assertEquals(
        offeringsOfBirth().size(), offerings.findElements(By.cssSelector("tbody tr")).size());
    assertTrue(offerings.findElement(By.cssSelector("tbody tr")).isDisplayed());
  }

  @Test
  void aPlaceChosenWithTheFormShowsItsLevelAndOnlineLinkAndIsRemembered() {
    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/procedures/" + BIRTH + "?lang=vi");
    // the portal's own province is preselected; nothing chosen yet
    assertEquals(
        SONG_LAM,
        new Select(browser.findElement(By.id("where-province")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    assertTrue(browser.findElements(By.cssSelector(".place")).isEmpty());
    Select unit = new Select(browser.findElement(By.id("where-unit")));
    List<String> groups =
        browser.findElements(By.cssSelector("#where-unit optgroup")).stream()
            .map(g -> g.getAttribute("label"))
            .toList();
    assertEquals(7, groups.size(), "Sông Lam's 7 districts: " + groups);
    long inSongLam =
        offeringsOfBirth().stream()
            .filter(o -> o.asJsonObject().getString("agencyCode").endsWith(".H91"))
            .count();
    assertEquals(
        inSongLam, browser.findElements(By.cssSelector("#where-unit optgroup option")).size());

    unit.selectByValue(SONG_LAM_COMMUNE);
    String communeName = unit.getFirstSelectedOption().getText();
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".where-form button"));
    String url = browser.getCurrentUrl();
    assertTrue(
        url.contains("province=" + SONG_LAM) && url.contains("unit=" + SONG_LAM_COMMUNE), url);
    WebElement place = browser.findElement(By.cssSelector(".place"));
    assertTrue(
        place
            .findElement(By.cssSelector(".place-agency"))
            .getText()
            .toLowerCase()
            .contains(communeName.toLowerCase()),
        place.getText());
    assertTrue(
        place.findElement(By.cssSelector(".place-level")).getText().matches("(?s).*Mức độ [34].*"),
        place.getText());
    WebElement online = place.findElement(By.cssSelector("a.apply-online"));
    assertEquals("Nộp trực tuyến", online.getText());
    assertTrue(
        online.getAttribute("href").endsWith("/my/submit/" + BIRTH + "?agency=" + SONG_LAM_COMMUNE),
        online.getAttribute("href"));
    assertTrue(
        place
            .findElement(By.cssSelector(".place-address"))
            .getText()
            .toLowerCase()
            .contains(communeName.toLowerCase()),
        "its counter's address: " + place.getText());
    assertFitsTheWindow("the chosen place at 360 px");
    screenshot("procedure-360-vi-chosen");

    // remembered: the next page needs no choosing; a district-level procedure leads to the
    // district above the remembered commune
    Cookie remembered = browser.manage().getCookieNamed("portal-place-unit");
    assertEquals(SONG_LAM_COMMUNE, remembered.getValue());
    assertTrue(remembered.isHttpOnly());
    browser.get(base() + "/procedures/" + HOUSEHOLD_BUSINESS);
    WebElement next = browser.findElement(By.cssSelector(".place"));
    String district = next.findElement(By.cssSelector(".place-agency a")).getAttribute("href");
    assertTrue(district.endsWith("/agencies/" + SONG_LAM_DISTRICT), district);
    assertEquals(
        SONG_LAM_DISTRICT,
        new Select(browser.findElement(By.id("where-unit")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    browser.get(base() + "/procedures/" + BIRTH);
    assertTrue(
        browser
            .findElement(By.cssSelector(".place a.apply-online"))
            .getAttribute("href")
            .endsWith("agency=" + SONG_LAM_COMMUNE));
  }

  @Test
  void theOtherProvinceIsChosenFromTheAddressAndASingleOfficeNeedsNoChoosing() {
    browser = Browsers.chromium(WIDE);
    // a link straight to a place in the other demo province
    browser.get(base() + "/procedures/" + BIRTH + "?lang=en&province=" + TRUONG_SON);
    assertEquals(
        TRUONG_SON,
        new Select(browser.findElement(By.id("where-province")))
            .getFirstSelectedOption()
            .getAttribute("value"));
    List<WebElement> options =
        browser.findElements(By.cssSelector("#where-unit option[value]")).stream()
            .filter(o -> !o.getAttribute("value").isEmpty())
            .toList();
    assertEquals(40, options.size(), "Trường Sơn's 40 communes and wards");
    assertTrue(options.stream().allMatch(o -> o.getAttribute("value").endsWith(".H92")));
    screenshot("procedure-1366-en");

    String commune = options.get(3).getAttribute("value");
    browser.get(base() + "/procedures/" + BIRTH + "?province=" + TRUONG_SON + "&unit=" + commune);
    assertTrue(
        browser
            .findElement(By.cssSelector(".place a.apply-online"))
            .getAttribute("href")
            .endsWith("agency=" + commune));
    assertEquals(
        "Apply online", browser.findElement(By.cssSelector(".place a.apply-online")).getText());
    assertEquals(
        "What to bring, how long, how much",
        browser.findElement(By.id("essentials-heading")).getText());
    assertEquals(
        "1 working day kể từ ngày nhận đủ hồ sơ hợp lệ.",
        browser.findElement(By.cssSelector(".essential-time dd")).getText());
    assertFitsTheWindow("/procedures/" + BIRTH + " at 1366 px");

    // the enterprise registration: one department in the remembered province, chosen at once
    browser.get(base() + "/procedures/" + ENTERPRISE + "?lang=vi");
    assertTrue(browser.findElements(By.id("where-unit")).isEmpty(), "nothing to choose");
    WebElement place = browser.findElement(By.cssSelector(".place"));
    assertTrue(place.getText().contains("Sở Tài chính tỉnh Trường Sơn"), place.getText());
    screenshot("procedure-1366-vi-department");
  }

  @Test
  void screenshotsAtBothWidthsInBothLanguages() {
    for (Dimension size : List.of(WIDE, PHONE)) {
      browser = Browsers.chromium(size);
      for (String lang : List.of("vi", "en")) {
        browser.get(
            base()
                + "/procedures/"
                + BIRTH
                + "?lang="
                + lang
                + "&province="
                + SONG_LAM
                + "&unit="
                + SONG_LAM_COMMUNE);
        assertFitsTheWindow("/procedures/" + BIRTH + " at " + size.getWidth() + " (" + lang + ")");
        screenshot("procedure-" + size.getWidth() + "-" + lang + "-place");
        js("document.getElementById('essentials').scrollIntoView()");
        screenshot("procedure-" + size.getWidth() + "-" + lang + "-essentials");
        js("document.querySelector('.more-heading').scrollIntoView()");
        screenshot("procedure-" + size.getWidth() + "-" + lang + "-folded");
        browser.findElement(By.cssSelector("#steps-more summary")).click();
        browser.findElement(By.cssSelector("#channels-more summary")).click();
        js("document.getElementById('steps-more').scrollIntoView()");
        assertFitsTheWindow("steps unfolded at " + size.getWidth() + " (" + lang + ")");
        screenshot("procedure-" + size.getWidth() + "-" + lang + "-steps");
      }
      browser.quit();
      browser = null;
    }
  }

  /**
   * Real records of the national feed (the shared data) state the time limit's figure in the
   * description again ("15 Ngày làm việc", "1 (không ghi đơn vị)"): imported through the API, their
   * pages print each time limit once.
   */
  @Test
  void realCatalogueRecordsPrintTheirTimeLimitOnce() throws Exception {
    List<JsonObject> picked = new ArrayList<>();
    List<String> wantedUnits = new ArrayList<>(List.of("Ngày làm việc", "Khác", "Ngày"));
    for (JsonValue v : SharedData.jsonLines("procedures_national_feed.jsonl")) {
      JsonObject r = v.asJsonObject();
      String unit = firstTimeUnit(r);
      if (unit != null && wantedUnits.remove(unit)) {
        picked.add(r);
      }
      if (wantedUnits.isEmpty()) {
        break;
      }
    }
    assertEquals(3, picked.size(), "records with each kind of unit");
    JsonArrayBuilder array = Json.createArrayBuilder();
    picked.forEach(array::add);
    Http.Response imported =
        portal.admin().postJson("/api/v1/procedures/import", array.build().toString());
    assertEquals(200, imported.status(), imported.body());

    browser = Browsers.chromium(PHONE);
    for (JsonObject r : picked) {
      String code = r.getString("MATTHC");
      browser.get(base() + "/procedures/" + code + "?lang=vi");
      assertEquals(code, browser.findElement(By.cssSelector(".facts .code")).getText());
      List<WebElement> lines =
          browser.findElements(By.cssSelector(".essential-time .essential-line"));
      assertFalse(lines.isEmpty(), code + " has a time limit");
      for (WebElement line : lines) {
        String t = line.getText();
        assertTrue(count(t, "(không ghi đơn vị)") <= 1, code + ": " + t);
        assertFalse(t.matches("(?s).*\\b(\\d+) .*\\b0*\\1 .*"), code + " repeats its figure: " + t);
      }
      assertEquals(List.of(), repeatedHeadings(), code + ": every heading once");
      assertFitsTheWindow("/procedures/" + code + " at 360 px");
    }
    screenshot("procedure-360-vi-real-record");
  }

  private static String firstTimeUnit(JsonObject r) {
    JsonValue channels = r.get("CACHTHUCTHUCHIEN");
    if (channels == null || channels.getValueType() != JsonValue.ValueType.ARRAY) {
      return null;
    }
    for (JsonValue c : channels.asJsonArray()) {
      JsonValue times = c.asJsonObject().get("THOIGIAN");
      if (times != null
          && times.getValueType() == JsonValue.ValueType.ARRAY
          && !times.asJsonArray().isEmpty()) {
        JsonObject t = times.asJsonArray().getJsonObject(0);
        JsonValue unit = t.get("DONVITINH");
        return unit != null && unit.getValueType() == JsonValue.ValueType.STRING
            ? ((JsonString) unit).getString()
            : null;
      }
    }
    return null;
  }

  private int top(String css) {
    WebElement e = browser.findElement(By.cssSelector(css));
    return ((Number) js("return arguments[0].getBoundingClientRect().top + window.scrollY;", e))
        .intValue();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private List<String> repeatedHeadings() {
    List<String> texts =
        (List<String>)
            js(
                "return Array.from(document.querySelectorAll("
                    + "'main h1, main h2, main h3, main h4')).map(h => h.textContent.trim().toLowerCase());");
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (String t : texts) {
      if (!seen.add(t)) {
        repeated.add(t);
      }
    }
    return repeated;
  }

  private static int count(String haystack, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * The agencies offering the birth registration, as the API lists them: the demo's 178 communes of
   * both provinces, and any agency another test class of the run added.
   */
  private static jakarta.json.JsonArray offeringsOfBirth() {
    return portal.http().get("/api/v1/procedures/" + BIRTH).json().getJsonArray("offerings");
  }
}
