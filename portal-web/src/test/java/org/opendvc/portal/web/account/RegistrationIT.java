package org.opendvc.portal.web.account;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.BrowserPageTest;
import org.opendvc.portal.testsupport.Browsers;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Citizens create their own account: the code is read from a real SMTP server (GreenMail, on the
 * port arquillian.xml gives the portal), a wrong or expired code is refused, nothing exists before
 * the right one, and the account signs in afterwards; the same through the pages, in both languages
 * and at desktop and phone widths.
 */
@LongRunning
class RegistrationIT extends BrowserPageTest {

  /** The port of portal.mail.port in arquillian.xml. */
  static final int SMTP_PORT = 3041;

  static final String PASSWORD = "Mat-khau-dang-ky-2026";
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private GreenMail smtp;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void startSmtp() throws InterruptedException {
    // another test run may hold the port for a moment: try again before giving up
    for (int attempt = 1; ; attempt++) {
      try {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return;
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(3000);
      }
    }
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null && smtp.isRunning()) {
      smtp.stop();
    }
  }

  private Http http() {
    return Http.at(portal.url());
  }

  /** The code of the n-th mail to the address. */
  private String codeFrom(String address, int nth) throws Exception {
    List<MimeMessage> mails =
        await("mail " + nth + " to " + address)
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> List.of(smtp.getReceivedMessagesForDomain(address)),
                found -> found.size() >= nth);
    MimeMessage mail = mails.get(nth - 1);
    Matcher m = CODE.matcher((String) mail.getContent());
    assertTrue(m.find(), "a 6-digit code in the mail");
    assertTrue(mail.getSubject().contains(m.group(1)), mail.getSubject());
    return m.group(1);
  }

  private static int accounts(String username) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM account WHERE username = ?")) {
      s.setString(1, username);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static String wrongCode(String right) {
    return right.equals("000000") ? "111111" : "000000";
  }

  @Test
  void aCitizenRegistersThroughTheApiWithTheCodeFromTheMailAndSignsIn() throws Exception {
    String email = "Dan.Moi." + run + "@Example.org";
    String username = email.toLowerCase();

    // every wrong field at once, in the asked language, and nothing stored
    Http.Response bad =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\"not-mail\",\"phone\":\"12\",\"password\":\"short\"}",
                "Accept-Language",
                "en");
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(
        Set.of("email", "phone", "fullName", "password"), bad.errorFields(), bad.toString());
    assertTrue(bad.body().contains("Enter your full name"), bad.body());

    Http.Response started =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\""
                    + email
                    + "\",\"fullName\":\"Lê Thị Đăng Ký\",\"phone\":\"0912 345 678\","
                    + "\"password\":\""
                    + PASSWORD
                    + "\"}");
    assertEquals(201, started.status(), started.toString());
    String id = started.json().getString("registrationId");
    String code = codeFrom(username, 1);
    assertEquals(0, accounts(username), "no account before the code");
    assertEquals(
        401,
        http()
            .postJson(
                "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
            .status());

    // a wrong code is counted and refused on the field code
    Http.Response wrong =
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id + "/verify",
                "{\"code\":\"" + wrongCode(code) + "\"}",
                "Accept-Language",
                "en");
    assertEquals(400, wrong.status(), wrong.toString());
    assertEquals(Set.of("code"), wrong.errorFields());
    assertTrue(wrong.body().contains("4 tries left"), wrong.body());
    Http.Response unknown =
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + "0123456789abcdef0123456789abcdef/verify",
                "{\"code\":\"" + code + "\"}");
    assertEquals(400, unknown.status(), unknown.toString());

    // the right one creates the applicant account, which signs in by its address in any case
    Http.Response verified =
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id + "/verify", "{\"code\":\"" + code + "\"}");
    assertEquals(201, verified.status(), verified.toString());
    assertEquals(username, verified.json().getString("username"));
    assertEquals("APPLICANT", verified.json().getString("role"));
    assertEquals(1, accounts(username));
    Http.Response token =
        http()
            .postJson(
                "/api/v1/auth/token",
                "{\"username\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, token.status(), token.toString());
    assertEquals(
        400,
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id + "/verify", "{\"code\":\"" + code + "\"}")
            .status(),
        "a registration is used once");

    // the address now has an account
    Http.Response again =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\""
                    + username
                    + "\",\"fullName\":\"Ai Đó\",\"password\":\""
                    + PASSWORD
                    + "\"}");
    assertEquals(400, again.status(), again.toString());
    assertEquals(Set.of("email"), again.errorFields());
  }

  @Test
  void anExpiredCodeAndTooManyWrongCodesAreRefused() throws Exception {
    String email = "het.han." + run + "@example.org";
    Http.Response started =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\""
                    + email
                    + "\",\"fullName\":\"Trần Văn Hết Hạn\",\"password\":\""
                    + PASSWORD
                    + "\"}");
    assertEquals(201, started.status(), started.toString());
    String id = started.json().getString("registrationId");
    String code = codeFrom(email, 1);
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE account_registration"
                    + " SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE token = ?")) {
      s.setString(1, id);
      assertEquals(1, s.executeUpdate());
    }
    Http.Response expired =
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id + "/verify",
                "{\"code\":\"" + code + "\"}",
                "Accept-Language",
                "en");
    assertEquals(400, expired.status(), expired.toString());
    assertTrue(expired.body().contains("expired"), expired.body());
    assertEquals(0, accounts(email));

    String other = "sai.ma." + run + "@example.org";
    String id2 =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\""
                    + other
                    + "\",\"fullName\":\"Phạm Văn Sai\",\"password\":\""
                    + PASSWORD
                    + "\"}")
            .json()
            .getString("registrationId");
    String right = codeFrom(other, 1);
    for (int i = 0; i < 5; i++) {
      assertEquals(
          400,
          http()
              .postJson(
                  "/api/v1/accounts/registrations/" + id2 + "/verify",
                  "{\"code\":\"" + wrongCode(right) + "\"}")
              .status());
    }
    Http.Response spent =
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id2 + "/verify",
                "{\"code\":\"" + right + "\"}",
                "Accept-Language",
                "en");
    assertEquals(400, spent.status(), "after five wrong codes even the right one is refused");
    assertTrue(spent.body().contains("too many times"), spent.body());
    assertEquals(0, accounts(other));
  }

  @Test
  void aCitizenRegistersOnThePagesFromTheSignInPage() throws Exception {
    String email = "trang." + run + "@example.org";
    browser = Browsers.desktop();
    browser.manage().window().setSize(new Dimension(1366, 900));
    browser.get(base() + "/login?lang=en");
    screenshot("login-1366-en");
    assertFalse(
        browser.getPageSource().contains("have no account? Contact"),
        "the sign-in page no longer sends people to the desk for an account");
    browser.findElement(By.id("register-link")).click();
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/register"));
    screenshot("register-1366-en");

    // wrong fields: errors next to them, values kept, passwords not
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("fullName")).sendKeys("Hoàng Thị Trang");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("passwordAgain")).sendKeys(PASSWORD + "x");
    Browsers.clickAndWaitForNextPage(browser, By.id("register-button"));
    assertTrue(
        browser.findElement(By.id("passwordAgain-error")).getText().contains("not the same"));
    assertEquals(email, browser.findElement(By.id("email")).getAttribute("value"));
    assertEquals("", browser.findElement(By.id("password")).getAttribute("value"));
    screenshot("register-errors-1366-en");

    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("passwordAgain")).sendKeys(PASSWORD);
    Browsers.clickAndWaitForNextPage(browser, By.id("register-button"));
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/register/verify"));
    assertEquals(email, browser.findElement(By.id("register-email")).getText());
    String code = codeFrom(email, 1);

    browser.findElement(By.id("code")).sendKeys(wrongCode(code));
    Browsers.clickAndWaitForNextPage(browser, By.id("verify-button"));
    assertTrue(browser.findElement(By.id("code-error")).getText().contains("wrong"));
    screenshot("register-verify-1366-en");

    // a new code replaces the first, which no longer works
    Browsers.clickAndWaitForNextPage(browser, By.id("resend-button"));
    assertTrue(
        browser.findElements(By.id("code-error")).isEmpty()
            || browser.findElement(By.id("code-error")).getText().contains("Wait"),
        "the second code comes only after a pause");
    browser.findElement(By.id("code")).sendKeys(code);
    Browsers.clickAndWaitForNextPage(browser, By.id("verify-button"));
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/my/dossiers"));
    assertTrue(browser.findElement(By.id("welcome")).isDisplayed());
    assertEquals(1, accounts(email));
  }

  @Test
  void theSignInAndRegistrationPagesFitAPhoneInBothLanguages() {
    for (String lang : List.of("vi", "en")) {
      for (int width : new int[] {1366, 360}) {
        WebDriver b = Browsers.chromium(new Dimension(width, 900));
        try {
          for (String page : List.of("login", "register")) {
            b.get(base() + "/" + page + "?lang=" + lang);
            assertEquals(1, b.findElements(By.cssSelector(".account-box")).size(), page);
            assertFitsTheWindow(b, page + " " + width + " " + lang);
            screenshot(b, page + "-" + width + "-" + lang);
          }
          b.get(base() + "/register/verify?r=0123456789abcdef0123456789abcdef&lang=" + lang);
          assertEquals(1, b.findElements(By.id("register-unknown")).size());
        } finally {
          b.quit();
        }
      }
    }
  }

  @Test
  void aResentCodeReplacesTheFirst() throws Exception {
    // with no pause configured in tests the resend waits 60 s: the API says so on the field
    String email = "gui.lai." + run + "@example.org";
    String id =
        http()
            .postJson(
                "/api/v1/accounts/registrations",
                "{\"email\":\""
                    + email
                    + "\",\"fullName\":\"Đỗ Văn Gửi\",\"password\":\""
                    + PASSWORD
                    + "\"}")
            .json()
            .getString("registrationId");
    codeFrom(email, 1);
    Http.Response tooSoon =
        http()
            .post(
                "/api/v1/accounts/registrations/" + id + "/resend",
                "application/json",
                "",
                "Accept-Language",
                "en");
    assertEquals(400, tooSoon.status(), tooSoon.toString());
    assertTrue(tooSoon.body().contains("Wait"), tooSoon.body());
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE account_registration"
                    + " SET sent_at = UTC_TIMESTAMP(3) - INTERVAL 2 MINUTE WHERE token = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
    Http.Response resent =
        http().post("/api/v1/accounts/registrations/" + id + "/resend", "application/json", "");
    assertEquals(202, resent.status(), resent.toString());
    String first = codeFrom(email, 1);
    String second = codeFrom(email, 2);
    if (!first.equals(second)) {
      assertEquals(
          400,
          http()
              .postJson(
                  "/api/v1/accounts/registrations/" + id + "/verify",
                  "{\"code\":\"" + first + "\"}")
              .status(),
          "the first code no longer works");
    }
    assertNotEquals(0, second.length());
    assertEquals(
        201,
        http()
            .postJson(
                "/api/v1/accounts/registrations/" + id + "/verify", "{\"code\":\"" + second + "\"}")
            .status());
  }
}
