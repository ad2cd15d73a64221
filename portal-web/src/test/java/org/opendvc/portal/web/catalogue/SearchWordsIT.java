package org.opendvc.portal.web.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Search in people's words on a running portal with its real database: an admin adds a dictionary
 * entry through the API and the next search uses it (no restart), even while others search; a
 * search that found nothing is in the admin's log; a topic handled nationally answers with the
 * link, in the API and on the search page of a 360 px phone in Vietnamese and English; a result
 * opened from the page counts as a click.
 */
class SearchWordsIT extends BrowserPageTest {

  static final Dimension PHONE = new Dimension(360, 800);

  /** A dictionary entry: people's words for a birth registration. */
  private static final String ENTRY =
      "{\"phrase\":\"giấy chào đời\",\"expansion\":\"đăng ký khai sinh\",\"weight\":1.2,"
          + "\"meaning\":\"Cách nói của người dân về giấy khai sinh\"}";

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static JsonArray items(Http.Response r) {
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items");
  }

  @Test
  void anAdminTeachesTheSearchAWordAndItWorksAtOnce() throws Exception {
    String words = "giấy chào đời";
    Http.Response before = portal.http().get("/api/v1/procedures?q=" + q(words) + "&size=3");
    assertTrue(names(before).stream().noneMatch(n -> n.contains("khai sinh")), before.body());

    Http.Response nothing = portal.http().get("/api/v1/procedures?q=" + q("Qwxz pltk"));
    assertEquals(0, items(nothing).size(), nothing.body());
    Http.Response log = portal.admin().get("/api/v1/search/log?kind=empty");
    assertTrue(
        items(log).stream()
            .map(v -> v.asJsonObject().getString("query"))
            .anyMatch("qwxz pltk"::equals),
        "the empty search is logged: " + log.body());

    Http.Response added = portal.admin().postJson("/api/v1/search/dictionary", ENTRY);
    assertEquals(201, added.status(), added.body());
    long id = added.json().getJsonNumber("id").longValue();

    Http.Response after = portal.http().get("/api/v1/procedures?q=" + q(words));
    JsonArray found = items(after);
    assertFalse(found.isEmpty(), after.body());
    assertTrue(
        found.getJsonObject(0).getString("name").toLowerCase().contains("khai sinh"), after.body());
    assertTrue(after.json().getJsonArray("alsoSearched").toString().contains("khai sinh"));

    // the same phrase twice, a synonym without expansion, nobody signed in: refused
    Http.Response twice =
        portal
            .admin()
            .postJson(
                "/api/v1/search/dictionary",
                "{\"phrase\":\"Giay chao doi\",\"expansion\":\"khai sinh\",\"meaning\":\"x\"}");
    assertEquals(400, twice.status(), twice.body());
    assertTrue(twice.header("Content-Type").orElse("").startsWith("application/problem+json"));
    Http.Response bad =
        portal
            .admin()
            .postJson(
                "/api/v1/search/dictionary",
                "{\"kind\":\"SYNONYM\",\"phrase\":\"abc\",\"weight\":\"9\"}");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(
        bad.errorFields().containsAll(java.util.Set.of("expansion", "weight", "meaning")),
        bad.body());
    assertEquals(401, portal.http().postJson("/api/v1/search/dictionary", "{}").status());

    assertEquals(204, portal.admin().delete("/api/v1/search/dictionary/" + id).status());
    Http.Response gone = portal.http().get("/api/v1/procedures?q=" + q(words) + "&size=3");
    assertTrue(
        names(gone).stream().noneMatch(n -> n.contains("khai sinh")),
        "deleting the entry takes effect at once too");
    assertEquals(404, portal.admin().delete("/api/v1/search/dictionary/" + id).status());
  }

  /**
   * While other people search all the time, each of an admin's changes is in the very next search:
   * a search landing between the change and its commit must not hold the index back until the next
   * periodic check, a few seconds later. Twenty changes give such a search many chances.
   */
  @Test
  void aWordTaughtWhileOthersSearchWorksAtOnceToo() throws Exception {
    String words = "giấy chào đời";
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService others = Executors.newFixedThreadPool(2);
    List<Future<Integer>> searches = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      searches.add(
          others.submit(
              () -> {
                int n = 0;
                while (!stop.get()) {
                  assertEquals(200, portal.http().get("/api/v1/procedures?q=khai+sinh").status());
                  n++;
                }
                return n;
              }));
    }
    try {
      for (int round = 0; round < 10; round++) {
        Http.Response added = portal.admin().postJson("/api/v1/search/dictionary", ENTRY);
        assertEquals(201, added.status(), added.body());
        Http.Response after = portal.http().get("/api/v1/procedures?q=" + q(words) + "&size=3");
        assertTrue(
            names(after).get(0).contains("khai sinh"), "round " + round + ": " + after.body());

        long id = added.json().getJsonNumber("id").longValue();
        assertEquals(204, portal.admin().delete("/api/v1/search/dictionary/" + id).status());
        Http.Response gone = portal.http().get("/api/v1/procedures?q=" + q(words) + "&size=3");
        assertTrue(
            names(gone).stream().noneMatch(n -> n.contains("khai sinh")),
            "round " + round + ", deleted: " + gone.body());
      }
    } finally {
      stop.set(true);
      others.shutdown();
    }
    for (Future<Integer> f : searches) {
      assertTrue(f.get(30, TimeUnit.SECONDS) > 0, "the others searched meanwhile");
    }
  }

  private static List<String> names(Http.Response r) {
    return items(r).stream().map(v -> v.asJsonObject().getString("name").toLowerCase()).toList();
  }

  @Test
  void aTopicHandledNationallyAnswersWithTheLink() {
    Http.Response r = portal.http().get("/api/v1/procedures?q=" + q("làm hộ chiếu"));
    assertEquals(200, r.status(), r.body());
    JsonArray national = r.json().getJsonArray("nationalServices");
    assertEquals(1, national.size(), r.body());
    JsonObject passport = national.getJsonObject(0);
    assertEquals("https://dichvucong.bocongan.gov.vn", passport.getString("url"));
    assertTrue(passport.getString("agency").contains("Bộ Công an"), r.body());
    Http.Response en = portal.http().get("/api/v1/procedures?q=passport", "Accept-Language", "en");
    assertTrue(
        en.json()
            .getJsonArray("nationalServices")
            .getJsonObject(0)
            .getString("agency")
            .contains("Ministry of Public Security"),
        en.body());
  }

  @Test
  void theSearchPageOfAPhoneNamesTheNationalServiceAndCountsClicks() {
    browser = Browsers.chromium(PHONE);
    browser.get(base() + "/procedures?q=" + q("đổi chứng minh thư"));
    assertTrue(
        browser.findElement(By.cssSelector(".national-service")).getText().contains("Bộ Công an"));
    assertTrue(
        browser
            .findElement(By.cssSelector(".national-service a"))
            .getAttribute("href")
            .startsWith("https://dichvucong.bocongan.gov.vn"));
    assertFitsTheWindow("search with a national-service notice at 360 px");
    screenshot("search-national-360-vi");
    browser.get(base() + "/procedures?q=" + q("identity card") + "&lang=en");
    assertTrue(
        browser
            .findElement(By.cssSelector(".national-service"))
            .getText()
            .contains("Ministry of Public Security"));
    assertFitsTheWindow("search with a national-service notice at 360 px, English");
    screenshot("search-national-360-en");

    // a result opened from the page goes through the click counter to the procedure
    browser.get(base() + "/procedures?q=" + q("làm giấy khai sinh"));
    String link = browser.findElement(By.cssSelector(".results h3 a")).getAttribute("href");
    assertTrue(link.contains("/search/open?code="), link);
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".results h3 a"));
    assertTrue(browser.getCurrentUrl().contains("/procedures/"), browser.getCurrentUrl());
    Http.Response unclicked = portal.admin().get("/api/v1/search/log?kind=unclicked");
    assertTrue(
        items(unclicked).stream()
            .map(v -> v.asJsonObject().getString("query"))
            .noneMatch("lam giay khai sinh"::equals),
        unclicked.body());
  }

  @Test
  void theAdminPageListsWhatWasNotFoundAndAddsAnEntry() {
    assertEquals(0, items(portal.http().get("/api/v1/procedures?q=" + q("xqzw kvbj"))).size());
    browser = Browsers.chromium(new Dimension(1366, 900));
    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("it-admin-Secret1");
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".login-form button[type=submit]"));
    browser.get(base() + "/admin/search");
    assertTrue(
        browser.findElement(By.id("log-empty")).getText().contains("xqzw kvbj"),
        browser.findElement(By.id("log-empty")).getText());
    browser.findElement(By.id("phrase")).sendKeys("tiệm vàng mã");
    browser.findElement(By.id("expansion")).sendKeys("đăng ký thành lập hộ kinh doanh");
    browser.findElement(By.id("meaning")).sendKeys("Cửa hàng vàng mã là một hộ kinh doanh");
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#entry-form button[type=submit]"));
    assertTrue(browser.findElement(By.id("search-saved")).isDisplayed());
    assertTrue(browser.findElement(By.id("terms")).getText().contains("tiệm vàng mã"));
    screenshot("admin-search-1366-vi");
    JsonArray found = items(portal.http().get("/api/v1/procedures?q=" + q("tiệm vàng mã")));
    assertFalse(found.isEmpty());
    assertTrue(
        found.getJsonObject(0).getString("name").toLowerCase().contains("hộ kinh doanh"),
        found.toString());
    browser.manage().window().setSize(PHONE);
    browser.get(base() + "/admin/search");
    assertFitsTheWindow("/admin/search at 360 px");
    screenshot("admin-search-360-vi");
  }
}
