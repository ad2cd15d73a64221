package org.opendvc.portal.web.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The officer's pages and the admin calendar in a real browser against the demo province: a counter
 * reception (first wrong, then right) followed through the work list and the actions to the public
 * tracking page; only allowed actions offered; a stale form refused with a notice; another agency's
 * dossier a 404; the calendar edited through the page and seen by the API, with a wrong line saving
 * nothing; the work-list filters; the phone layout. The dossier's files: a result uploaded through
 * the page (a wrong type refused with a notice, storing nothing), downloaded on the session with
 * the same bytes and headers as the API, a 404 for another agency; a payment asked with an amount;
 * an apology and a transfer through their forms.
 */
@LongRunning
class OfficerPagesIT extends PortalIntegrationTest {

  private static final String PASSWORD = "Demo@2026";
  private static final String ADMIN_PASSWORD = "it-admin-Secret1";
  private static final String PROCEDURE = "9.001001";
  private static final String AGENCY = "000.01.31.H91";
  private static final String OTHER_AGENCY = "000.00.31.H92";
  private static final Pattern DOSSIER_PAGE =
      Pattern.compile(".*/officer/dossiers/([A-Za-z0-9.]+-\\d{6}-\\d{4,5})(\\?.*)?");
  private static final Set<String> IN_PROGRESS = Set.of("new", "processing", "waiting", "paying");

  private final URL url = portal.url();

  private final List<WebDriver> browsers = new ArrayList<>();
  private String base;
  private Http http;

  @BeforeEach
  void setUp() {
    base =
        url.toString().endsWith("/")
            ? url.toString().substring(0, url.toString().length() - 1)
            : url.toString();
    http = Http.at(url);
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
    browsers.clear();
  }

  private WebDriver browser() {
    WebDriver b = Browsers.desktop();
    browsers.add(b);
    return b;
  }

  private WebDriver signedIn(String username, String password) {
    WebDriver b = browser();
    signIn(b, username, password);
    return b;
  }

  private void signIn(WebDriver b, String username, String password) {
    b.get(base + "/login");
    b.findElement(By.id("username")).sendKeys(username);
    b.findElement(By.id("password")).sendKeys(password);
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".login-form button[type=submit]"));
    assertFalse(b.getCurrentUrl().contains("/login"), "signed in as " + username);
  }

  private String receive(WebDriver b, String name, String idNumber) {
    b.get(base + "/officer/reception");
    new Select(b.findElement(By.id("procedureCode"))).selectByValue(PROCEDURE);
    b.findElement(By.id("fullName")).sendKeys(name);
    b.findElement(By.id("idNumber")).sendKeys(idNumber);
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".reception-form button[type=submit]"));
    Matcher m = DOSSIER_PAGE.matcher(b.getCurrentUrl());
    assertTrue(m.matches(), "lands on the new dossier: " + b.getCurrentUrl());
    return m.group(1);
  }

  /** Posts an action's form and waits for the next page (the 303's target, or the notice). */
  private static void act(WebDriver b, String action) {
    Browsers.clickAndWaitForNextPage(
        b, By.cssSelector("#action-" + action + " button[type=submit]"));
  }

  /** Acts and expects it done: the page says so, with no notice. */
  private static void actDone(WebDriver b, String action) {
    act(b, action);
    List<WebElement> notice = b.findElements(By.id("action-notice"));
    assertTrue(notice.isEmpty(), action + ": " + (notice.isEmpty() ? "" : notice.get(0).getText()));
    assertTrue(b.getCurrentUrl().endsWith("?done=" + action), b.getCurrentUrl());
  }

  private static String status(WebDriver b) {
    return b.findElement(By.id("dossier-status")).getAttribute("data-status");
  }

  private static Set<String> offered(WebDriver b) {
    Set<String> out = new java.util.HashSet<>();
    for (WebElement f : b.findElements(By.cssSelector("form.action-form"))) {
      out.add(f.getAttribute("id").substring("action-".length()));
    }
    return out;
  }

  @Test
  void aCounterDossierGoesFromReceptionToResolvedAndIsTrackedPublicly() throws Exception {
    WebDriver b = signedIn("canbo.xa", PASSWORD);

    // first with mistakes: reported next to the fields, what was typed kept
    b.get(base + "/officer/reception");
    b.findElement(By.id("idNumber")).sendKeys("12ab");
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".reception-form button[type=submit]"));
    assertTrue(b.getCurrentUrl().endsWith("/officer/reception"), b.getCurrentUrl());
    assertFalse(b.findElements(By.id("fullName-error")).isEmpty(), "name required");
    assertFalse(b.findElements(By.id("idNumber-error")).isEmpty(), "ID number checked");
    assertFalse(b.findElements(By.id("procedureCode-error")).isEmpty(), "procedure required");
    assertEquals("12ab", b.findElement(By.id("idNumber")).getAttribute("value"));

    String idNumber = "091190" + String.format("%06d", System.nanoTime() % 1_000_000);
    String code = receive(b, "Nguyễn Thị Kiểm Thử", idNumber);
    assertTrue(code.startsWith(AGENCY + "-"), code);
    assertFalse(b.findElements(By.id("received-notice")).isEmpty());
    assertEquals("new", status(b));

    // the receipt for the page session, not the API's bearer token
    String href = b.findElement(By.id("receipt-link")).getAttribute("href");
    Cookie session = b.manage().getCookieNamed("JSESSIONID");
    Http.Response pdf =
        http.get(href.substring(base.length()), "Cookie", "JSESSIONID=" + session.getValue());
    assertEquals(200, pdf.status(), pdf.toString());
    assertEquals("application/pdf", pdf.mediaType());
    assertTrue(
        new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)
            .startsWith("%PDF"));
    assertEquals(
        303, http.get(href.substring(base.length())).status(), "no session: sent to sign in");

    // only the actions of status 2 are offered
    Set<String> actions = offered(b);
    assertTrue(actions.contains("START_PROCESSING"), actions.toString());
    assertFalse(actions.contains("ACCEPT"), "ACCEPT is for status 1 only: " + actions);
    assertFalse(actions.contains("RESOLVE"), "RESOLVE needs status 4: " + actions);
    assertFalse(actions.contains("RETURN"), actions.toString());

    // in the work list under its status
    b.get(base + "/officer/dossiers?status=new");
    List<WebElement> rows = b.findElements(By.cssSelector(".worklist-row"));
    assertFalse(rows.isEmpty());
    rows.forEach(r -> assertEquals("new", r.getAttribute("data-status")));
    b.get(base + "/officer/dossiers?q=" + idNumber);
    List<WebElement> found = b.findElements(By.cssSelector(".worklist-row .row-code"));
    assertEquals(1, found.size());
    assertEquals(code, found.get(0).getText());
    found.get(0).click();
    assertTrue(b.getCurrentUrl().endsWith("/officer/dossiers/" + code), b.getCurrentUrl());

    actDone(b, "START_PROCESSING");
    assertEquals("processing", status(b));
    assertFalse(b.findElements(By.id("done-notice")).isEmpty());
    assertTrue(offered(b).contains("RESOLVE"));
    actDone(b, "RESOLVE");
    assertEquals("releasing", status(b));
    actDone(b, "RETURN");
    assertEquals("done", status(b));
    assertTrue(offered(b).isEmpty(), "nothing left to do");
    assertFalse(b.findElements(By.id("no-actions")).isEmpty());

    // the public tracking page with the applicant's ID number
    WebDriver visitor = browser();
    visitor.get(base + "/tracking/" + code);
    visitor.findElement(By.id("idNumber")).sendKeys(idNumber);
    Browsers.clickAndWaitForNextPage(visitor, By.cssSelector(".tracking-form button[type=submit]"));
    WebElement st = visitor.findElement(By.cssSelector(".tracking-result .status"));
    assertTrue(st.getAttribute("class").contains("status-done"), st.getAttribute("class"));
  }

  @Test
  void anOnlineDossierIsAcceptedAndAStaleFormIsRefusedWithANotice() {
    String token = token("congdan", PASSWORD);
    Http.Response submitted =
        http.withBearer(token)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + AGENCY
                    + "\","
                    + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\"},"
                    + "\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, submitted.status(), submitted.toString());
    String code = field(submitted.body(), "code");

    WebDriver one = signedIn("canbo.xa", PASSWORD);
    WebDriver two = signedIn("canbo.xa", PASSWORD);
    one.get(base + "/officer/dossiers/" + code);
    two.get(base + "/officer/dossiers/" + code);
    assertEquals("receiving", status(one));
    assertTrue(offered(one).containsAll(Set.of("ACCEPT", "REFUSE", "REQUEST_SUPPLEMENT")));
    assertFalse(offered(one).contains("START_PROCESSING"), offered(one).toString());

    // a refusal without its reason: the error next to the field, nothing changed
    WebElement refuse = two.findElement(By.id("reason-REFUSE"));
    ((JavascriptExecutor) two).executeScript("arguments[0].removeAttribute('required')", refuse);
    act(two, "REFUSE");
    assertFalse(two.findElements(By.id("reason-REFUSE-error")).isEmpty(), "reason required");
    assertEquals("receiving", status(two));
    two.get(base + "/officer/dossiers/" + code);

    actDone(one, "ACCEPT");
    assertEquals("new", status(one));

    // the second page still carries the old version: refused with the stale notice
    two.findElement(By.id("reason-REFUSE")).sendKeys("Thiếu giấy chứng sinh");
    act(two, "REFUSE");
    WebElement notice = two.findElement(By.id("action-notice"));
    assertFalse(notice.getText().isBlank());
    assertEquals("new", status(two), "not refused; the page shows the latest state");
  }

  @Test
  void anotherAgencysDossierIsNotFound() {
    WebDriver xa = signedIn("canbo.xa", PASSWORD);
    String code = receive(xa, "Trần Văn Khác", "091190123456");
    Http.Response own =
        http.get("/officer/dossiers/" + code, "Cookie", "JSESSIONID=" + session("canbo.xa"));
    assertEquals(200, own.status());
    String other = session("canbo.xa2");
    Http.Response r = http.get("/officer/dossiers/" + code, "Cookie", "JSESSIONID=" + other);
    Http.Response unknown =
        http.get("/officer/dossiers/" + AGENCY + "-200101-9999", "Cookie", "JSESSIONID=" + other);
    assertEquals(404, r.status(), r.toString());
    assertEquals(404, unknown.status());
    assertFalse(r.body().contains("Trần Văn Khác"));
    assertEquals(
        404,
        http.get("/officer/receipts/" + code + ".pdf", "Cookie", "JSESSIONID=" + other).status());
  }

  @Test
  void theAdminEditsTheCalendarAndAWrongLineSavesNothing() {
    WebDriver b = signedIn("admin", ADMIN_PASSWORD);
    b.get(base + "/admin/calendar/2026");
    assertTrue(
        b.findElement(By.id("holidays")).getAttribute("value").contains("2026-02-17"),
        "the shipped holidays are shown");
    // edits a year of this class's own: the integration tests share one server and database
    int year = portal.ownYear();
    b.get(base + "/admin/calendar/" + year);
    WebElement holidays = b.findElement(By.id("holidays"));
    holidays.clear();
    holidays.sendKeys(year + "-12-31 Nghỉ thử nghiệm");
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".calendar-form button[type=submit]"));
    assertFalse(b.findElements(By.id("calendar-saved")).isEmpty(), b.getCurrentUrl());
    String api = http.get("/api/v1/calendar/" + year).body();
    assertTrue(api.contains(year + "-12-31"), api);

    holidays = b.findElement(By.id("holidays"));
    holidays.sendKeys("\n" + year + "-02-30 Không có ngày này");
    Browsers.clickAndWaitForNextPage(b, By.cssSelector(".calendar-form button[type=submit]"));
    assertFalse(b.findElements(By.id("calendar-invalid")).isEmpty());
    List<WebElement> errors = b.findElements(By.cssSelector("#holidays-errors li"));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).getText().contains(year + "-02-30"), errors.get(0).getText());
    long lines = b.findElement(By.id("holidays")).getAttribute("value").lines().count();
    assertTrue(
        errors.get(0).getText().contains(String.valueOf(lines)),
        "names the line: " + errors.get(0).getText());
    assertTrue(
        b.findElement(By.id("holidays")).getAttribute("value").contains(year + "-02-30"),
        "the text stays for correction");
    assertEquals(api, http.get("/api/v1/calendar/" + year).body(), "nothing saved");
    // the saved form is in the audit log, with who and which page; the refused one is not
    List<jakarta.json.JsonObject> logged =
        portal
            .admin()
            .get("/api/v1/admin/audit?size=100")
            .json()
            .getJsonArray("items")
            .getValuesAs(jakarta.json.JsonObject.class)
            .stream()
            .filter(row -> row.getString("target").equals("/admin/calendar/" + year))
            .toList();
    assertEquals(1, logged.size(), logged::toString);
    assertEquals("admin", logged.get(0).getString("actor"), logged::toString);
    assertEquals("calendar", logged.get(0).getString("area"), logged::toString);
    assertEquals("POST", logged.get(0).getString("action"), logged::toString);

    // the due-date preview by the API's rule
    b.get(base + "/admin/calendar/2026?receivedAt=2026-03-02T09:00&amount=1&unit=WORKING_DAYS");
    assertEquals("03/03/2026 09:00", b.findElement(By.id("preview-due")).getText());
  }

  @Test
  void workListFiltersShowOnlyMatchingRows() {
    WebDriver b = signedIn("canbo.xa", PASSWORD);
    receive(b, "Lê Thị Hạn Gần", "091190654321");
    OffsetDateTime now = OffsetDateTime.now();

    b.get(base + "/officer/dossiers?overdue=true");
    assertTrue(b.findElement(By.id("overdue")).isSelected());
    for (WebElement r : b.findElements(By.cssSelector(".worklist-row"))) {
      assertTrue(
          IN_PROGRESS.contains(r.getAttribute("data-status")), r.getAttribute("data-status"));
      assertTrue(
          OffsetDateTime.parse(r.getAttribute("data-due")).isBefore(now.plusMinutes(1)),
          r.getAttribute("data-due"));
    }

    b.get(base + "/officer/dossiers?dueSoon=true");
    List<WebElement> soon = b.findElements(By.cssSelector(".worklist-row"));
    for (WebElement r : soon) {
      assertTrue(IN_PROGRESS.contains(r.getAttribute("data-status")));
      OffsetDateTime due = OffsetDateTime.parse(r.getAttribute("data-due"));
      assertFalse(due.isBefore(now.minusMinutes(1)), due.toString());
      assertTrue(due.isBefore(now.plusDays(14)), due.toString());
    }
    String previous = null;
    for (WebElement r : b.findElements(By.cssSelector(".worklist-row"))) {
      String due = r.getAttribute("data-due");
      if (previous != null && !due.isEmpty()) {
        assertFalse(
            OffsetDateTime.parse(due).isBefore(OffsetDateTime.parse(previous)), "soonest first");
      }
      previous = due.isEmpty() ? previous : due;
    }

    // the counts link to their status filter
    WebElement done = b.findElement(By.cssSelector(".status-counts a.status-done"));
    done.click();
    assertTrue(b.getCurrentUrl().contains("status=done"), b.getCurrentUrl());
    List<WebElement> rows = b.findElements(By.cssSelector(".worklist-row"));
    assertFalse(rows.isEmpty(), "the demo commune has finished dossiers");
    rows.forEach(r -> assertEquals("done", r.getAttribute("data-status")));
    assertEquals(
        "done",
        new Select(b.findElement(By.id("status"))).getFirstSelectedOption().getAttribute("value"));

    // the API's filters: due soon and procedure
    Http api = http.withBearer(token("canbo.xa", PASSWORD));
    Http.Response list = api.get("/api/v1/dossiers?procedure=" + PROCEDURE + "&size=100");
    assertEquals(200, list.status(), list.toString());
    assertFalse(list.body().contains("\"total\":0,"), list.body());
    Matcher codes = Pattern.compile("\"procedure\":\\{\"code\":\"([^\"]+)\"").matcher(list.body());
    while (codes.find()) {
      assertEquals(PROCEDURE, codes.group(1));
    }
    assertEquals(200, api.get("/api/v1/dossiers?dueSoon=true").status());
    assertEquals(400, api.get("/api/v1/dossiers?dueSoon=maybe").status());
  }

  @Test
  void theWorkListAndADossierFitAPhone() {
    WebDriver phone = Browsers.chromium(new Dimension(360, 780));
    browsers.add(phone);
    signIn(phone, "canbo.xa", PASSWORD);
    String code = submitOnline("Võ Thị Điện Thoại", "001099013579");
    for (String path :
        List.of(
            "/officer/dossiers",
            "/officer/dossiers?status=done",
            "/officer/reception",
            "/officer/dossiers/" + code)) {
      phone.get(base + path);
      Number overflow =
          (Number)
              ((JavascriptExecutor) phone)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(overflow.intValue() <= 0, path + " scrolls sideways by " + overflow + " px");
    }
  }

  @Test
  void anOnlineDossierGetsItsResultThroughThePageAndIsResolved() throws Exception {
    String code = submitOnline("Nguyễn Văn Kết Quả", "001099054321");
    WebDriver b = signedIn("canbo.xa", PASSWORD);
    b.get(base + "/officer/dossiers/" + code);
    assertFalse(b.findElements(By.id("no-files")).isEmpty(), "no files yet");
    actDone(b, "ACCEPT");
    actDone(b, "START_PROCESSING");

    // RESOLVE of an online dossier without a result file warns that it would have no
    // electronic result; it may still be pressed (a paper result at the desk or posted)
    assertFalse(b.findElements(By.id("resolve-needs-result")).isEmpty());
    assertTrue(b.findElement(By.cssSelector("#action-RESOLVE button[type=submit]")).isEnabled());

    // a file of a type not accepted: reported on the page, nothing stored
    upload(b, "RESULT", testFile("ghi-chu.txt", "Chỉ là văn bản".getBytes(StandardCharsets.UTF_8)));
    String refused = b.findElement(By.id("file-error")).getText();
    assertTrue(refused.contains("PDF"), refused);
    assertEquals(0, fileRows(code), "nothing recorded");
    assertFalse(b.findElements(By.id("no-files")).isEmpty());

    // a post without the form token stores nothing either
    byte[] pdf = Multipart.pdf("Quyết định " + code);
    Multipart forged =
        new Multipart()
            .field("target", "RESULT")
            .file("file", "gia-mao.pdf", "application/pdf", pdf);
    Http.Response forgedPost =
        http.send(
            http.request(
                    "/officer/files/" + code,
                    "Content-Type",
                    forged.contentType(),
                    "Cookie",
                    "JSESSIONID=" + cookie(b))
                .POST(forged.publisher()));
    assertEquals(303, forgedPost.status(), forgedPost.toString());
    assertEquals(0, fileRows(code));

    // the result as a PDF: listed with its checksum
    upload(b, "RESULT", testFile("quyet-dinh.pdf", pdf));
    assertFalse(b.findElement(By.id("file-notice")).getText().isBlank());
    List<WebElement> rows = b.findElements(By.cssSelector(".file-row"));
    assertEquals(1, rows.size());
    assertEquals("RESULT", rows.get(0).getAttribute("data-kind"));
    assertEquals(sha256(pdf), rows.get(0).getAttribute("data-sha256"));
    assertTrue(rows.get(0).getText().contains(sha256(pdf).substring(0, 12)), rows.get(0).getText());
    assertTrue(rows.get(0).getText().contains("canbo.xa"), rows.get(0).getText());
    assertEquals(1, fileRows(code));

    // downloaded on the session: the same bytes, with the API's safe headers
    String href =
        b.findElement(By.cssSelector(".file-row a.file-link"))
            .getAttribute("href")
            .substring(base.length());
    Http.Response file = http.get(href, "Cookie", "JSESSIONID=" + cookie(b));
    assertEquals(200, file.status(), file.toString());
    assertEquals(sha256(pdf), sha256(file.bytes()));
    assertEquals("application/pdf", file.mediaType());
    assertTrue(file.header("Content-Disposition").orElse("").startsWith("attachment;"));
    assertEquals("nosniff", file.header("X-Content-Type-Options").orElse(""));
    assertEquals("\"" + sha256(pdf) + "\"", file.header("ETag").orElse(""));
    Http.Response api =
        http.withBearer(token("canbo.xa", PASSWORD))
            .get(
                "/api/v1/dossiers/"
                    + code
                    + "/attachments/"
                    + href.substring(href.lastIndexOf('/') + 1));
    assertEquals(api.header("Content-Disposition"), file.header("Content-Disposition"));
    assertEquals(api.header("Repr-Digest"), file.header("Repr-Digest"));

    // another agency's officer: 404, as for an unknown file; nobody signed in: to sign in
    Http.Response other = http.get(href, "Cookie", "JSESSIONID=" + session("canbo.xa2"));
    assertEquals(404, other.status(), other.toString());
    assertEquals(
        404,
        http.get("/officer/files/" + code + "/999999999", "Cookie", "JSESSIONID=" + cookie(b))
            .status());
    assertEquals(303, http.get(href).status());

    // now RESOLVE goes through
    assertTrue(b.findElements(By.id("resolve-needs-result")).isEmpty());
    actDone(b, "RESOLVE");
    assertEquals("releasing", status(b));
    assertTrue(b.findElements(By.id("upload-form")).isEmpty(), "no more files once resolved");
  }

  @Test
  void aLevelFourDossierIsAskedToPayAnAmount() {
    String code = submitOnline("Trần Thị Phí", "001099067890");
    WebDriver b = signedIn("canbo.xa", PASSWORD);
    b.get(base + "/officer/dossiers/" + code);
    actDone(b, "ACCEPT");
    assertTrue(offered(b).contains("REQUEST_PAYMENT"), offered(b).toString());

    // a wrong amount: the error next to the field, what was typed kept, nothing changed
    b.findElement(By.id("amount-REQUEST_PAYMENT")).sendKeys("một trăm");
    act(b, "REQUEST_PAYMENT");
    assertFalse(b.findElement(By.id("amount-REQUEST_PAYMENT-error")).getText().isBlank());
    assertEquals("một trăm", b.findElement(By.id("amount-REQUEST_PAYMENT")).getAttribute("value"));
    assertEquals("new", status(b));

    WebElement amount = b.findElement(By.id("amount-REQUEST_PAYMENT"));
    amount.clear();
    amount.sendKeys("150.000");
    actDone(b, "REQUEST_PAYMENT");
    assertEquals("paying", status(b));
    assertEquals("150.000 đ", b.findElement(By.id("payment-amount")).getText());
    assertFalse(b.findElements(By.id("no-payments")).isEmpty());

    // the applicant starts paying: the officer sees the payment, its amount and reference
    Http.Response started =
        http.withBearer(token("congdan", PASSWORD))
            .postJson("/api/v1/dossiers/" + code + "/payments", "{}");
    assertEquals(201, started.status(), started.toString());
    b.get(base + "/officer/dossiers/" + code);
    List<WebElement> payments = b.findElements(By.cssSelector(".payment-row"));
    assertEquals(1, payments.size());
    assertEquals("PENDING", payments.get(0).getAttribute("data-status"));
    assertTrue(payments.get(0).getText().contains("150.000 đ"), payments.get(0).getText());
    assertTrue(
        payments.get(0).getText().contains(started.json().getString("reference")),
        payments.get(0).getText());
    assertFalse(offered(b).contains("PAY"), "only the provider's callback applies PAY");

    // a counter dossier has no account to pay with: not offered, and the page says why
    String counter = receive(b, "Lê Văn Quầy", "091190777888");
    assertFalse(offered(b).contains("REQUEST_PAYMENT"), counter + ": " + offered(b));
    assertFalse(b.findElements(By.id("payment-unavailable")).isEmpty());
  }

  @Test
  void anApologyMovesTheDueDateAndATransferHandsTheDossierOver() {
    WebDriver xa = signedIn("canbo.xa", PASSWORD);
    String code = receive(xa, "Phạm Văn Liên Thông", "091190246810");
    String before = xa.findElement(By.cssSelector("#facts-title ~ dl")).getText();

    // APOLOGIZE (form 04): a later appointment and its reason
    LocalDate newDue = LocalDate.now().plusDays(60);
    WebElement due = xa.findElement(By.id("due-APOLOGIZE"));
    ((JavascriptExecutor) xa)
        .executeScript("arguments[0].value = arguments[1];", due, newDue.toString());
    xa.findElement(By.id("reason-APOLOGIZE")).sendKeys("Cần xác minh thêm tại địa phương");
    actDone(xa, "APOLOGIZE");
    assertEquals("new", status(xa), "the status stays");
    String shown = newDue.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 17:00";
    String facts = xa.findElement(By.cssSelector("#facts-title ~ dl")).getText();
    assertTrue(facts.contains(shown), facts);
    assertFalse(before.contains(shown), before);
    String timeline = xa.findElement(By.cssSelector("ol.timeline")).getText();
    assertTrue(timeline.contains("Cần xác minh thêm tại địa phương"), timeline);

    // TRANSFER (liên thông) to the other province's commune
    new Select(xa.findElement(By.id("target-TRANSFER"))).selectByValue(OTHER_AGENCY);
    act(xa, "TRANSFER");
    assertTrue(xa.getCurrentUrl().contains("transferred=" + code), xa.getCurrentUrl());
    assertEquals(
        404,
        http.get("/officer/dossiers/" + code, "Cookie", "JSESSIONID=" + cookie(xa)).status(),
        "no longer this agency's");

    WebDriver xa2 = signedIn("canbo.xa2", PASSWORD);
    xa2.get(base + "/officer/dossiers?q=" + code);
    List<WebElement> found = xa2.findElements(By.cssSelector(".worklist-row .row-code"));
    assertEquals(1, found.size(), "in the target agency's work list");
    found.get(0).click();
    assertTrue(xa2.getCurrentUrl().endsWith("/officer/dossiers/" + code), xa2.getCurrentUrl());
    assertEquals("processing", status(xa2));
    String history = xa2.findElement(By.cssSelector("ol.timeline")).getText();
    assertTrue(history.contains("Cần xác minh thêm tại địa phương"), "history kept: " + history);
    assertTrue(history.contains("canbo.xa"), history);
    assertEquals(3, xa2.findElements(By.cssSelector("ol.timeline > li")).size(), history);
    assertTrue(offered(xa2).contains("RESOLVE"), offered(xa2).toString());
  }

  private String submitOnline(String name, String idNumber) {
    Http.Response submitted =
        http.withBearer(token("congdan", PASSWORD))
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + AGENCY
                    + "\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\""
                    + name
                    + "\",\"idNumber\":\""
                    + idNumber
                    + "\"},"
                    + "\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, submitted.status(), submitted.toString());
    return field(submitted.body(), "code");
  }

  /** Uploads a file through the dossier page's form and waits for the page it comes back to. */
  private static void upload(WebDriver b, String target, Path file) {
    new Select(b.findElement(By.id("upload-target"))).selectByValue(target);
    b.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
    Browsers.clickAndWaitForNextPage(b, By.id("upload-button"));
  }

  private static Path testFile(String name, byte[] bytes) throws IOException {
    Path dir = Path.of(System.getProperty("portal.build.dir", "target"), "officer-files");
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int fileRows(String code) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM dossier_file f"
                    + " JOIN dossier d ON d.id = f.dossier_id WHERE d.code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static String cookie(WebDriver b) {
    return b.manage().getCookieNamed("JSESSIONID").getValue();
  }

  private String session(String username) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", PASSWORD);
    return http.postForm("/login", form).cookie("JSESSIONID").orElseThrow();
  }

  private String token(String username, String password) {
    Http.Response r =
        http.postJson(
            "/api/v1/auth/token",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, r.status(), r.toString());
    return field(r.body(), "accessToken");
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }
}
