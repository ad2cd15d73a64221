package org.opendvc.portal.web.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The officer's day on an agency of its own: the work list opens on the open dossiers, most urgent
 * first (overdue, due soon, new online submissions, the rest), finished ones only behind their
 * filter; timelines name the agency; an online dossier whose result is a paper is resolved with a
 * warning and counts as without electronic result.
 */
@LongRunning
class OfficerDayIT extends BrowserPageTest {

  static final String PROCEDURE = "9.001001";
  static final String NEIGHBOUR = "000.01.31.H91";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Made for this class alone: no other test class has dossiers there. */
  private static final String AGENCY = "000.77.31.H91";

  private static final String AGENCY_NAME = "UBND xã Thử Nghiệm Ngày Làm Việc";

  private static Portal.Account officer;
  private static Portal.Account applicant;

  private synchronized void ownAgency() throws Exception {
    if (officer != null) {
      return;
    }
    try (Connection c = TestDatabase.connect()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT IGNORE INTO agency"
                  + " (code, name, tier, parent_id) SELECT ?, ?, tier, parent_id FROM agency WHERE code = ?")) {
        s.setString(1, AGENCY);
        s.setString(2, AGENCY_NAME);
        s.setString(3, NEIGHBOUR);
        assertTrue(s.executeUpdate() <= 1);
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT IGNORE INTO offering"
                  + " (procedure_id, agency_id, level) SELECT p.id, a.id, 4 FROM catalogue_procedure p,"
                  + " agency a WHERE p.code = ? AND a.code = ?")) {
        s.setString(1, PROCEDURE);
        s.setString(2, AGENCY);
        s.executeUpdate();
      }
    }
    officer = portal.newAccount("OFFICER", AGENCY);
    applicant = portal.newAccount("APPLICANT", null);
  }

  @Test
  void theWorkListOpensOnTheMostUrgentOpenDossiersAndKeepsFinishedOnesBehindAFilter()
      throws Exception {
    ownAgency();
    Http o = officer.http();
    // finished: returned with its due date long past (August's), then one refused at intake
    String returned = counter("Lê Văn Đã Trả");
    act(returned, "START_PROCESSING");
    act(returned, "RESOLVE");
    act(returned, "RETURN");
    setDue(returned, -30 * 24);
    String refused = counter("Phạm Thị Từ Chối");
    act(refused, "{\"action\":\"REFUSE\",\"reason\":\"Không thuộc thẩm quyền\"}");
    // open ones, created out of their order
    String later = counter("Đỗ Văn Sau");
    setDue(later, 20 * 24);
    String newOlder = online("Nguyễn Thị Mới Một");
    String overdueLittle = counter("Trần Văn Quá Ít");
    act(overdueLittle, "START_PROCESSING");
    setDue(overdueLittle, -1);
    String dueSoon = counter("Vũ Thị Sắp Hạn");
    setDue(dueSoon, 3);
    String newNewer = online("Nguyễn Văn Mới Hai");
    String overdueMuch = counter("Hoàng Văn Quá Nhiều");
    act(overdueMuch, "START_PROCESSING");
    setDue(overdueMuch, -48);

    List<String> open = List.of(overdueMuch, overdueLittle, dueSoon, newOlder, newNewer, later);
    // the other test of this class finishes a dossier of the same agency: leave it out
    List<String> mine =
        List.of(returned, refused, overdueMuch, overdueLittle, dueSoon, newOlder, newNewer, later);
    JsonObject list = o.get("/api/v1/dossiers?size=100").json();
    assertEquals(open, codes(list), "overdue, due soon, new online, then the rest");
    assertEquals(6, list.getInt("total"));
    assertEquals(open, codes(o.get("/api/v1/dossiers?scope=open&size=100").json()));
    assertEquals(
        List.of(refused, returned),
        mine(mine, codes(o.get("/api/v1/dossiers?scope=finished").json())),
        "latest finished first");
    List<String> all = mine(mine, codes(o.get("/api/v1/dossiers?scope=all&size=100").json()));
    assertEquals(8, all.size());
    assertEquals(open, all.subList(0, 6), "open ones first in the full list too");
    assertEquals(
        List.of(returned),
        codes(o.get("/api/v1/dossiers?status=done").json()),
        "a finished status asked for is listed");
    assertEquals(
        List.of(overdueMuch, overdueLittle), codes(o.get("/api/v1/dossiers?overdue=true").json()));
    Http.Response bad = o.get("/api/v1/dossiers?scope=closed");
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.errorFields().contains("scope"), bad.toString());

    // the page: the same order, finished ones only under "Đã xong"
    browser = Browsers.desktop();
    signIn(officer);
    browser.get(base() + "/officer/dossiers");
    assertEquals(open, rowCodes());
    assertFalse(browser.findElements(By.cssSelector(".worklist-order")).isEmpty());
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector(".status-counts a.scope-finished"));
    assertTrue(
        browser.getCurrentUrl().endsWith("/officer/dossiers?scope=finished"),
        browser.getCurrentUrl());
    assertEquals(List.of(refused, returned), mine(mine, rowCodes()));
    browser.get(base() + "/officer/dossiers?scope=all");
    assertEquals(8, mine(mine, rowCodes()).size());
    assertFitsTheWindow("the work list");
    browser.get(base() + "/officer/dossiers");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.querySelector('.result-count').scrollIntoView();");
    screenshot("officer-day-worklist");
    WebDriver phone = Browsers.phone();
    try {
      signIn(phone, officer);
      phone.get(base() + "/officer/dossiers");
      assertFitsTheWindow(phone, "the work list on a phone");
      ((org.openqa.selenium.JavascriptExecutor) phone)
          .executeScript("document.querySelector('.status-counts').scrollIntoView();");
      screenshot(phone, "officer-day-worklist-phone");
    } finally {
      phone.quit();
    }

    // timelines name the agency, not its code
    browser.get(base() + "/officer/dossiers/" + returned);
    List<WebElement> steps = browser.findElements(By.cssSelector("ol.timeline > li"));
    assertEquals(4, steps.size());
    for (WebElement step : steps) {
      assertTrue(step.getText().contains(AGENCY_NAME), step.getText());
      assertFalse(step.getText().contains(AGENCY), step.getText());
    }
    // the applicant's page and public tracking too, once an officer of the agency acted
    String accepted = submit(applicant.http(), "ONLINE", "Lý Thị Theo Dõi", "001099077099");
    act(accepted, "ACCEPT");
    WebDriver own = Browsers.desktop();
    try {
      signIn(own, applicant);
      own.get(base() + "/my/dossiers/" + accepted);
      String history = own.findElement(By.cssSelector("ol.timeline")).getText();
      assertTrue(history.contains(AGENCY_NAME), history);
      assertFalse(history.contains(AGENCY), history);
    } finally {
      own.quit();
    }
    Http.Response tracking =
        portal.http().get("/api/v1/tracking/" + accepted + "?idNumber=001099077099");
    assertEquals(200, tracking.status(), tracking.toString());
    JsonObject acceptance = tracking.json().getJsonArray("history").getJsonObject(1);
    assertEquals(AGENCY, acceptance.getString("unit"), "the API keeps the code");
    assertEquals(AGENCY_NAME, acceptance.getString("unitName"));
    JsonObject step =
        officer
            .http()
            .get("/api/v1/dossiers/" + returned)
            .json()
            .getJsonArray("history")
            .getJsonObject(0);
    assertEquals(AGENCY, step.getString("unit"));
    assertEquals(AGENCY_NAME, step.getString("unitName"));
  }

  @Test
  void anOnlineDossierWithAPaperResultIsResolvedWithAWarningAndCountsAsWithoutElectronicResult()
      throws Exception {
    ownAgency();
    JsonObject before = electronicResults();
    String code = online("Bùi Văn Kết Quả Giấy");
    act(code, "ACCEPT");
    act(code, "START_PROCESSING");

    browser = Browsers.desktop();
    signIn(officer);
    browser.get(base() + "/officer/dossiers/" + code);
    String warning = browser.findElement(By.id("resolve-needs-result")).getText();
    assertTrue(warning.startsWith("Hồ sơ trực tuyến chưa có kết quả điện tử"), warning);
    WebElement resolve = browser.findElement(By.cssSelector("#action-RESOLVE button[type=submit]"));
    assertTrue(resolve.isEnabled(), "a paper result does not block RESOLVE");
    scrollTo(browser, "resolve-needs-result");
    screenshot("officer-day-paper-result");

    // through the API, without any result file
    Http.Response resolved =
        officer
            .http()
            .postJson(
                "/api/v1/dossiers/" + code + "/actions",
                "{\"action\":\"RESOLVE\",\"note\":\"Trả kết quả bản giấy tại bộ phận một cửa\"}");
    assertEquals(200, resolved.status(), resolved.toString());
    assertEquals(9, resolved.json().getJsonObject("status").getInt("code"));

    JsonObject after = electronicResults();
    assertEquals(before.getInt("denominator") + 1, after.getInt("denominator"), after.toString());
    assertEquals(
        before.getInt("numerator"),
        after.getInt("numerator"),
        "resolved without an electronic result");

    browser.get(base() + "/officer/dossiers/" + code);
    String after2 = browser.findElement(By.id("no-electronic-result")).getText();
    assertTrue(after2.contains("không có kết quả điện tử"), after2);
    scrollTo(browser, "no-electronic-result");
    screenshot("officer-day-paper-result-after");
    assertTrue(browser.findElements(By.id("resolve-needs-result")).isEmpty());

    // through the page, saying the paper result is posted: the step's note says so
    String posted = online("Đinh Thị Gửi Bưu Điện");
    act(posted, "ACCEPT");
    act(posted, "START_PROCESSING");
    browser.get(base() + "/officer/dossiers/" + posted);
    assertTrue(browser.findElement(By.id("result-delivery-desk")).isSelected(), "desk by default");
    browser.findElement(By.cssSelector("label[for=result-delivery-post]")).click();
    Browsers.clickAndWaitForNextPage(
        browser, By.cssSelector("#action-RESOLVE button[type=submit]"));
    assertTrue(browser.getCurrentUrl().endsWith("?done=RESOLVE"), browser.getCurrentUrl());
    assertEquals(
        "releasing", browser.findElement(By.id("dossier-status")).getAttribute("data-status"));
    assertFalse(browser.findElements(By.id("no-electronic-result")).isEmpty());
    JsonObject last =
        officer
            .http()
            .get("/api/v1/dossiers/" + posted)
            .json()
            .getJsonArray("history")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(h -> h.getString("action").equals("RESOLVE"))
            .findFirst()
            .orElseThrow();
    assertEquals("Kết quả bản giấy gửi qua bưu chính", last.getString("note"));
    assertEquals(before.getInt("denominator") + 2, electronicResults().getInt("denominator"));
    assertEquals(before.getInt("numerator"), electronicResults().getInt("numerator"));
  }

  // ---- helpers ----

  private static int nextId = 0;

  private String counter(String name) {
    return submit(officer.http(), "COUNTER", name, idNumber());
  }

  private String online(String name) {
    return submit(applicant.http(), "ONLINE", name, idNumber());
  }

  private static synchronized String idNumber() {
    return String.format("0010990770%02d", ++nextId);
  }

  private static String submit(Http who, String channel, String name, String idNumber) {
    Http.Response r =
        who.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + AGENCY
                + "\",\"channel\":\""
                + channel
                + "\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\""
                + name
                + "\",\"idNumber\":\""
                + idNumber
                + "\"},\"form\":{"
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private void act(String code, String actionOrBody) {
    String body =
        actionOrBody.startsWith("{") ? actionOrBody : "{\"action\":\"" + actionOrBody + "\"}";
    Http.Response r = officer.http().postJson("/api/v1/dossiers/" + code + "/actions", body);
    assertEquals(200, r.status(), r.toString());
  }

  /** Moves a dossier's due moment to now plus {@code hours} (negative: in the past). */
  private static void setDue(String code, int hours) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE dossier SET due_at ="
                    + " UTC_TIMESTAMP() + INTERVAL ? HOUR WHERE code = ?")) {
      s.setInt(1, hours);
      s.setString(2, code);
      assertEquals(1, s.executeUpdate());
    }
  }

  private static List<String> codes(JsonObject list) {
    return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("code"))
        .toList();
  }

  private static void scrollTo(WebDriver b, String id) {
    ((org.openqa.selenium.JavascriptExecutor) b)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
  }

  private static List<String> mine(List<String> mine, List<String> codes) {
    return codes.stream().filter(mine::contains).toList();
  }

  private List<String> rowCodes() {
    return browser.findElements(By.cssSelector(".worklist-row .row-code")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void signIn(Portal.Account who) {
    signIn(browser, who);
  }

  private void signIn(WebDriver b, Portal.Account who) {
    b.get(base() + "/login");
    b.findElement(By.id("username")).sendKeys(who.username());
    b.findElement(By.id("password")).sendKeys(who.password());
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".login-form button[type=submit]"));
    assertFalse(b.getCurrentUrl().contains("/login"), "signed in as " + who.username());
  }

  private JsonObject electronicResults() {
    LocalDate today = LocalDate.now(VIETNAM);
    Http.Response r =
        portal
            .http()
            .get(
                "/api/v1/scorecard?from="
                    + today.minusDays(1)
                    + "&to="
                    + today.plusDays(1)
                    + "&agency="
                    + AGENCY);
    assertEquals(200, r.status(), r.toString());
    return r
        .json()
        .getJsonObject("total")
        .getJsonObject("scorecard")
        .getJsonArray("groups")
        .getValuesAs(JsonObject.class)
        .stream()
        .flatMap(g -> g.getJsonArray("indicators").getValuesAs(JsonObject.class).stream())
        .filter(i -> i.getString("key").equals("electronicResults"))
        .findFirst()
        .orElseThrow();
  }
}
