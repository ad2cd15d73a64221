package org.opendvc.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The applicant's pages against the portal with the demo data: sign in, submit online (a missing ID
 * number is shown next to its input with the values kept), land on the new dossier, find it in the
 * list, withdraw it; another applicant gets a 404; a level-2 offering is refused with its forms;
 * posts without the form token or with a stale version change nothing; phone width.
 */
@LongRunning
class ApplicantPagesIT extends PortalIntegrationTest {

  private static final String PASSWORD = "Demo@2026";
  private static final String PROCEDURE = "9.001001";
  private static final String AGENCY = "000.01.31.H91";
  private static final Pattern TOKEN =
      Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");
  private static final Pattern CODE_IN_LOCATION =
      Pattern.compile("/my/dossiers/([A-Za-z0-9.]+-\\d{6}-\\d{4,5})\\?done=submitted$");

  private final URL url = portal.url();

  private WebDriver browser;
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
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void submitOnlineFollowTheDossierAndWithdrawIt() {
    browser = Browsers.desktop();
    signInInBrowser("congdan");

    // where to apply, chosen by the address as the page's own form sends it
    browser.get(base + "/procedures/" + PROCEDURE + "?unit=" + AGENCY);
    WebElement link =
        browser.findElement(
            By.cssSelector(
                ".place a.apply-online[href$='/my/submit/"
                    + PROCEDURE
                    + "?agency="
                    + AGENCY
                    + "']"));
    link.click();
    assertTrue(
        browser.getCurrentUrl().endsWith("/my/submit/" + PROCEDURE + "?agency=" + AGENCY),
        browser.getCurrentUrl());
    assertLandmarks();
    for (String input :
        List.of("type", "fullName", "idNumber", "phone", "email", "address", "content")) {
      assertEquals(
          1,
          browser.findElements(By.cssSelector("label[for='" + input + "']")).size(),
          "a label for " + input);
    }

    // first without the ID number: the error is next to it and the values stay
    type("fullName", "Nguyễn Văn Thử");
    type("idNumber", "");
    type("phone", "0912 345 678");
    type("content", "Đăng ký khai sinh cho con thứ hai");
    Submissions.fillBirth(browser, 2, 3);
    Browsers.clickAndWaitForNextPage(browser, By.id("submit-button"));
    assertTrue(browser.getCurrentUrl().contains("/my/submit"), browser.getCurrentUrl());
    WebElement error = browser.findElement(By.id("idNumber-error"));
    assertFalse(error.getText().isBlank());
    assertEquals("true", browser.findElement(By.id("idNumber")).getAttribute("aria-invalid"));
    assertTrue(
        browser
            .findElement(By.id("idNumber"))
            .getAttribute("aria-describedby")
            .contains("idNumber-error"));
    assertEquals("Nguyễn Văn Thử", browser.findElement(By.id("fullName")).getAttribute("value"));
    assertEquals("0912 345 678", browser.findElement(By.id("phone")).getAttribute("value"));
    assertEquals(
        "Đăng ký khai sinh cho con thứ hai",
        browser.findElement(By.id("content")).getAttribute("value"));
    assertTrue(browser.findElements(By.id("fullName-error")).isEmpty(), "only invalid fields");

    // then valid, with a scan for the first component: the new dossier's page, with the code,
    // status 1, the file and the receipt
    type("idNumber", "001099012345");
    browser.findElement(By.id("component-1-file")).sendKeys(pdfFile().toString());
    browser.findElement(By.id("submit-button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/my/dossiers/"));
    Matcher m = CODE_IN_LOCATION.matcher(browser.getCurrentUrl());
    assertTrue(m.find(), browser.getCurrentUrl());
    String code = m.group(1);
    assertTrue(code.startsWith(AGENCY + "-"), code);
    assertEquals(code, browser.findElement(By.id("dossier-code")).getText());
    assertFalse(browser.findElement(By.id("success")).getText().isBlank());
    assertEquals("1", browser.findElement(By.id("status")).getAttribute("data-status"));
    assertTrue(
        browser
            .findElement(By.cssSelector(".answers"))
            .getText()
            .contains("Đăng ký khai sinh cho con thứ hai"),
        "the form answers are shown");
    assertLandmarks();
    String receipt = browser.findElement(By.id("receipt-link")).getAttribute("href");
    String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
    WebElement file = browser.findElement(By.cssSelector("a.file-link"));
    assertEquals("giay-chung-sinh.pdf", file.getText());
    String fileUrl = file.getAttribute("href").substring(base.length());
    Http.Response scan = http.get(fileUrl, "Cookie", "JSESSIONID=" + session);
    assertEquals(200, scan.status(), scan.toString());
    assertTrue(scan.body().startsWith("%PDF"));
    Http.Response pdf =
        http.get(receipt.substring(base.length()), "Cookie", "JSESSIONID=" + session);
    assertEquals(200, pdf.status(), pdf.toString());
    assertEquals("application/pdf", pdf.mediaType());
    assertTrue(pdf.body().startsWith("%PDF"));

    // the list shows it, first (newest first)
    browser.get(base + "/my/dossiers");
    WebElement first = browser.findElement(By.cssSelector("tr.dossier-row"));
    assertEquals(code, first.getAttribute("data-code"));
    assertEquals("1", first.findElement(By.cssSelector(".status")).getAttribute("data-status"));
    assertLandmarks();
    first.findElement(By.cssSelector("a.dossier-link")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/my/dossiers/" + code), browser.getCurrentUrl());

    // withdraw: the confirmation is needed, then status 7
    browser.findElement(By.id("withdraw-note")).sendKeys("Nộp nhầm");
    browser.findElement(By.id("withdraw-confirm")).click();
    browser.findElement(By.cssSelector("#withdraw-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("done=WITHDRAW"));
    assertEquals("7", browser.findElement(By.id("status")).getAttribute("data-status"));
    assertTrue(browser.findElements(By.id("withdraw-form")).isEmpty(), "nothing more to do");
    assertTrue(browser.findElement(By.cssSelector(".timeline")).getText().contains("Nộp nhầm"));

    // another applicant, and an unknown code: the same 404
    String other = signIn("doanhnghiep");
    Http.Response foreign = http.get("/my/dossiers/" + code, "Cookie", "JSESSIONID=" + other);
    Http.Response unknown =
        http.get("/my/dossiers/" + AGENCY + "-200101-9999", "Cookie", "JSESSIONID=" + other);
    assertEquals(404, foreign.status(), foreign.toString());
    assertEquals(404, unknown.status(), unknown.toString());
    assertEquals(h1(unknown), h1(foreign));
    assertFalse(
        foreign.body().contains("id=\"dossier-code\"") || foreign.body().contains("Nộp nhầm"),
        "nothing of the dossier shows");
    assertEquals(404, http.get("/my/receipt/" + code, "Cookie", "JSESSIONID=" + other).status());
    assertEquals(404, http.get(fileUrl, "Cookie", "JSESSIONID=" + other).status(), "nor its files");
    assertFalse(http.get("/my/dossiers", "Cookie", "JSESSIONID=" + other).body().contains(code));
  }

  @Test
  void supplementWithAFileThenPayThroughTheSandbox() {
    String session = signIn("congdan");
    String submitPath = "/my/submit/" + PROCEDURE + "?agency=" + AGENCY;
    String token = token(http.get(submitPath, "Cookie", "JSESSIONID=" + session));
    Map<String, String> fields =
        new LinkedHashMap<>(
            form(
                "formToken",
                token,
                "type",
                "CITIZEN",
                "fullName",
                "Nguyễn Văn An",
                "idNumber",
                "001099012345",
                "promise_1",
                "yes",
                "promise_2",
                "yes",
                "promise_3",
                "yes"));
    fields.putAll(Submissions.BIRTH_INPUTS);
    Http.Response submitted = http.postForm(submitPath, fields, "Cookie", "JSESSIONID=" + session);
    Matcher m = CODE_IN_LOCATION.matcher(submitted.header("Location").orElseThrow());
    assertTrue(m.find(), submitted.toString());
    String code = m.group(1);
    Http officer = http.withBearer(apiToken("canbo.xa"));
    act(officer, code, "{\"action\":\"ACCEPT\"}");
    act(officer, code, "{\"action\":\"REQUEST_SUPPLEMENT\",\"note\":\"Thiếu giấy chứng sinh\"}");

    browser = Browsers.desktop();
    signInInBrowser("congdan");
    browser.get(base + "/my/dossiers/" + code);
    assertEquals("5", browser.findElement(By.id("status")).getAttribute("data-status"));
    browser.findElement(By.id("upload-file")).sendKeys(pdfFile().toString());
    Browsers.clickAndWaitForNextPage(browser, By.cssSelector("#upload-form button"));
    assertTrue(browser.findElement(By.id("success")).getText().length() > 0);
    assertEquals(1, browser.findElements(By.cssSelector("a.file-link")).size());
    browser.findElement(By.id("supplement-note")).sendKeys("Đã bổ sung");
    browser.findElement(By.cssSelector("#supplement-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("done=SUPPLEMENT"));
    assertEquals("2", browser.findElement(By.id("status")).getAttribute("data-status"));

    act(officer, code, "{\"action\":\"REQUEST_PAYMENT\",\"amount\":8000}");
    browser.get(base + "/my/dossiers/" + code);
    assertEquals("6", browser.findElement(By.id("status")).getAttribute("data-status"));
    assertTrue(browser.findElement(By.id("pay-amount")).getText().contains("8.000"));
    browser.findElement(By.cssSelector("#pay-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/payments/sandbox/"));
    browser.findElement(By.cssSelector("button[value='paid']")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/my/dossiers/" + code + "?done=PAY"));
    browser.get(base + "/my/dossiers/" + code);
    assertEquals(
        "2",
        browser.findElement(By.id("status")).getAttribute("data-status"),
        "paid: back to the status before the request");
  }

  private String apiToken(String username) {
    Http.Response r =
        http.postJson(
            "/api/v1/auth/token",
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r.body());
    assertTrue(m.find(), r.toString());
    return m.group(1);
  }

  private static void act(Http officer, String code, String json) {
    Http.Response r = officer.postJson("/api/v1/dossiers/" + code + "/actions", json);
    assertEquals(200, r.status(), r.toString());
  }

  /** A small PDF to upload. */
  private static java.nio.file.Path pdfFile() {
    try {
      java.nio.file.Path dir =
          java.nio.file.Files.createDirectories(
              java.nio.file.Path.of(System.getProperty("portal.build.dir", "target"))
                  .toAbsolutePath()
                  .resolve("applicant-uploads"));
      java.nio.file.Path pdf = dir.resolve("giay-chung-sinh.pdf");
      java.nio.file.Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
      return pdf;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aLevelTwoOfferingIsRefusedWithItsForms() {
    String[] offering = levelTwoOffering();
    String session = signIn("congdan");
    Http.Response page =
        http.get(
            "/my/submit/" + offering[0] + "?agency=" + offering[1],
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, page.status(), page.toString());
    assertTrue(page.body().contains("id=\"level-two\""), page.toString());
    assertTrue(page.body().contains("/forms/" + offering[0] + "/"), "links to the forms");
    assertFalse(page.body().contains("id=\"submit-button\""), "no submission form");

    Http.Response posted =
        http.postForm(
            "/my/submit/" + offering[0] + "?agency=" + offering[1],
            form(
                "formToken",
                token(page),
                "type",
                "CITIZEN",
                "fullName",
                "Nguyễn Văn An",
                "idNumber",
                "001099012345"),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, posted.status(), "a post is refused the same way: " + posted);
    assertTrue(posted.body().contains("id=\"level-two\""));

    assertEquals(404, http.get("/my/submit/9.999999", "Cookie", "JSESSIONID=" + session).status());
  }

  @Test
  void postsWithoutTheFormTokenOrWithAStaleVersionChangeNothing() {
    String session = signIn("congdan");
    String submitPath = "/my/submit/" + PROCEDURE + "?agency=" + AGENCY;
    Http.Response page = http.get(submitPath, "Cookie", "JSESSIONID=" + session);
    String token = token(page);
    long before = countOwn(session);

    Map<String, String> valid =
        form(
            "type",
            "CITIZEN",
            "fullName",
            "Nguyễn Văn An",
            "idNumber",
            "001099012345",
            "content",
            "Kiểm tra");
    valid = new LinkedHashMap<>(valid);
    valid.putAll(Submissions.BIRTH_INPUTS);
    valid.putAll(form("promise_1", "yes", "promise_2", "yes", "promise_3", "yes"));
    Http.Response forgedSubmit =
        http.postForm(submitPath, valid, "Cookie", "JSESSIONID=" + session);
    assertEquals(200, forgedSubmit.status(), forgedSubmit.toString());
    assertTrue(forgedSubmit.body().contains("id=\"submit-notice\""));
    assertEquals(before, countOwn(session), "a forged submission creates nothing");

    Map<String, String> withToken = new LinkedHashMap<>(valid);
    withToken.put("formToken", token);
    Http.Response submitted =
        http.postForm(submitPath, withToken, "Cookie", "JSESSIONID=" + session);
    assertEquals(303, submitted.status(), submitted.toString());
    Matcher m = CODE_IN_LOCATION.matcher(submitted.header("Location").orElseThrow());
    assertTrue(m.find(), submitted.header("Location").orElseThrow());
    String path = "/my/dossiers/" + m.group(1);
    Matcher v =
        Pattern.compile("name=\"expectedVersion\" value=\"([0-9]+)\"")
            .matcher(http.get(path, "Cookie", "JSESSIONID=" + session).body());
    assertTrue(v.find(), "the page carries the dossier's version");
    String version = v.group(1);
    String staleVersion = String.valueOf(Integer.parseInt(version) + 5);

    Http.Response forged =
        http.postForm(
            path,
            form("action", "WITHDRAW", "confirm", "yes", "expectedVersion", version),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, forged.status(), forged.toString());
    Http.Response wrongToken =
        http.postForm(
            path,
            form(
                "formToken",
                "forged",
                "action",
                "WITHDRAW",
                "confirm",
                "yes",
                "expectedVersion",
                version),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, wrongToken.status(), wrongToken.toString());
    assertTrue(
        http.get(path, "Cookie", "JSESSIONID=" + session).body().contains("data-status=\"1\""),
        "still submitted, not withdrawn");

    Http.Response stale =
        http.postForm(
            path,
            form(
                "formToken",
                token,
                "action",
                "WITHDRAW",
                "confirm",
                "yes",
                "expectedVersion",
                staleVersion),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, stale.status(), stale.toString());
    assertTrue(stale.body().contains("id=\"action-error\""), stale.toString());
    assertTrue(stale.body().contains("data-status=\"1\""));

    Http.Response notAllowed =
        http.postForm(
            path,
            form("formToken", token, "action", "PAY", "expectedVersion", version),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(200, notAllowed.status(), "a refused action is a notice: " + notAllowed);
    assertTrue(notAllowed.body().contains("id=\"action-error\""));

    Http.Response unconfirmed =
        http.postForm(
            path,
            form("formToken", token, "action", "WITHDRAW", "expectedVersion", version),
            "Cookie",
            "JSESSIONID=" + session);
    assertTrue(unconfirmed.body().contains("id=\"action-error\""));
    assertTrue(unconfirmed.body().contains("data-status=\"1\""));

    Http.Response withdrawn =
        http.postForm(
            path,
            form(
                "formToken",
                token,
                "action",
                "WITHDRAW",
                "confirm",
                "yes",
                "expectedVersion",
                version),
            "Cookie",
            "JSESSIONID=" + session);
    assertEquals(303, withdrawn.status(), withdrawn.toString());
  }

  @Test
  void theListAndADossierFitAPhoneScreen() {
    browser = Browsers.chromium(new Dimension(360, 800));
    signInInBrowser("congdan");
    browser.get(base + "/my/dossiers");
    assertNoSidewaysScroll("/my/dossiers");
    browser.findElement(By.cssSelector("a.dossier-link")).click();
    assertNotNull(browser.findElement(By.id("status")));
    assertNoSidewaysScroll(browser.getCurrentUrl());
    browser.get(base + "/my/submit/" + PROCEDURE + "?agency=" + AGENCY);
    assertNoSidewaysScroll("/my/submit");
  }

  private void assertNoSidewaysScroll(String page) {
    Number overflow =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
  }

  private void signInInBrowser(String username) {
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector(".login-form button")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/my/dossiers"));
    Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    assertNotNull(session, "signed in");
  }

  private void type(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    if (!value.isEmpty()) {
      input.sendKeys(value);
    }
  }

  private String signIn(String username) {
    Http.Response r = http.postForm("/login", form("username", username, "password", PASSWORD));
    assertEquals(303, r.status(), r.toString());
    return r.cookie("JSESSIONID").orElseThrow();
  }

  private long countOwn(String session) {
    Matcher m =
        Pattern.compile("class=\"result-count\"[^>]*>\\s*[^0-9]*([0-9]+)")
            .matcher(http.get("/my/dossiers", "Cookie", "JSESSIONID=" + session).body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /**
   * A demo procedure (code 9.*) and an agency offering it at level 2, found through the public API,
   * page after page: another class may have imported the national catalogue, whose procedures come
   * first.
   */
  private String[] levelTwoOffering() {
    Pattern demoCode = Pattern.compile("\"code\":\"(9\\.[0-9]+)\"");
    Pattern level2 =
        Pattern.compile(
            "\"agencyCode\":\"([^\"]+)\",\"agencyName\":\"[^\"]*\","
                + "\"agencyTier\":\"[^\"]*\",\"level\":2");
    Http.Response search = null;
    for (int page = 0; page < 50; page++) {
      search = http.getJson("/api/v1/procedures?level=2&size=100&page=" + page);
      Matcher codes = demoCode.matcher(search.body());
      while (codes.find()) {
        Matcher o = level2.matcher(http.getJson("/api/v1/procedures/" + codes.group(1)).body());
        if (o.find()) {
          return new String[] {codes.group(1), o.group(1)};
        }
      }
      if (!search.body().contains("\"code\":")) {
        break;
      }
    }
    throw new AssertionError("no level-2 offering in the demo data: " + search);
  }

  private static String token(Http.Response page) {
    Matcher m = TOKEN.matcher(page.body());
    assertTrue(m.find(), "a form token on " + page);
    return m.group(1);
  }

  private static String h1(Http.Response r) {
    Matcher m = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(r.body());
    assertTrue(m.find(), r.toString());
    return m.group(1);
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private void assertLandmarks() {
    for (String landmark : List.of("header", "nav", "main", "footer")) {
      assertFalse(browser.findElements(By.tagName(landmark)).isEmpty(), "a " + landmark);
    }
    assertEquals(1, browser.findElements(By.tagName("h1")).size(), "one h1");
  }
}
