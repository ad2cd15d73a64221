package org.opendvc.portal.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * Signing in to the pages over plain HTTP: the signed-in areas send strangers to the sign-in page
 * and back, roles are kept apart, the session id changes at sign-in, a foreign {@code next} is
 * ignored, sign-out needs the form token, and guessing one person's password is slowed down.
 */
class SignInIT extends PortalIntegrationTest {

  private static final String PASSWORD = "Demo@2026";
  private static final Pattern TOKEN =
      Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

  private final URL url = portal.url();

  private Http http;

  @BeforeEach
  void client() {
    http = Http.at(url);
  }

  @Test
  void signedInAreasSendStrangersToTheSignInPageAndBack() {
    for (String path :
        new String[] {
          "/my/dossiers",
          "/my/dossiers.xhtml",
          "/officer/dossiers",
          "/officer/dossiers/000.01.31.H91-260302-0001",
          "/admin/calendar/2026"
        }) {
      Http.Response r = http.get(path);
      assertEquals(303, r.status(), r.toString());
      String location = r.header("Location").orElseThrow();
      assertTrue(
          location.endsWith(
              "/login?next="
                  + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)),
          location);
      assertEquals("no-store", r.header("Cache-Control").orElse(""));
    }
    Http.Response login = http.get("/login?next=%2Fmy%2Fdossiers");
    assertEquals(200, login.status());
    assertTrue(login.body().contains("name=\"next\" value=\"/my/dossiers\""), login.toString());
  }

  @Test
  void aWrongPasswordReadsLikeAnUnknownNameAndSignsNobodyIn() {
    Http.Response wrong = signIn("congdan", "not-the-password", null);
    Http.Response unknown = signIn("nobody-here", "not-the-password", null);
    assertEquals(200, wrong.status());
    assertTrue(wrong.body().contains("id=\"login-error\""), wrong.toString());
    assertEquals(errorText(wrong), errorText(unknown));
    assertTrue(wrong.body().contains("value=\"congdan\""), "the name stays in the form");
    assertFalse(wrong.body().contains("not-the-password"), "the password is never echoed");
  }

  @Test
  void signingInChangesTheSessionAndLandsOnTheRolesHomeOrTheAskedPage() {
    String before = http.get("/login").cookie("JSESSIONID").orElse(null);
    Http.Response ok = signIn("congdan", PASSWORD, before);
    assertEquals(303, ok.status(), ok.toString());
    assertTrue(ok.header("Location").orElseThrow().endsWith("/my/dossiers"));
    String after = ok.cookie("JSESSIONID").orElseThrow();
    assertNotEquals(before, after, "a new session id at sign-in");

    Http.Response officer = signIn("canbo.xa", PASSWORD, null, "/officer/reception");
    assertTrue(officer.header("Location").orElseThrow().endsWith("/officer/reception"));

    Http.Response foreign = signIn("canbo.xa", PASSWORD, null, "//evil.example/x");
    assertTrue(
        foreign.header("Location").orElseThrow().endsWith("/officer/dossiers"),
        "a next that leaves the portal is ignored: " + foreign.header("Location"));
    Http.Response scheme = signIn("canbo.xa", PASSWORD, null, "https://evil.example/");
    assertTrue(scheme.header("Location").orElseThrow().endsWith("/officer/dossiers"));
  }

  @Test
  void rolesAreKeptApart() {
    String applicant = signIn("congdan", PASSWORD, null).cookie("JSESSIONID").orElseThrow();
    for (String path :
        new String[] {"/officer/dossiers", "/officer/reception", "/admin/calendar"}) {
      Http.Response r = http.get(path, "Cookie", "JSESSIONID=" + applicant);
      assertEquals(403, r.status(), r.toString());
      assertTrue(r.mediaType().equals("text/html"), r.toString());
      assertFalse(r.body().contains("Exception"), r.toString());
    }
    String officer = signIn("canbo.xa", PASSWORD, null).cookie("JSESSIONID").orElseThrow();
    assertEquals(403, http.get("/my/dossiers", "Cookie", "JSESSIONID=" + officer).status());
    assertEquals(403, http.get("/admin/calendar", "Cookie", "JSESSIONID=" + officer).status());
  }

  @Test
  void theSessionNeverSignsInTheApi() {
    String applicant = signIn("congdan", PASSWORD, null).cookie("JSESSIONID").orElseThrow();
    Http.Response r =
        http.get(
            "/api/v1/dossiers", "Cookie", "JSESSIONID=" + applicant, "Accept", "application/json");
    assertEquals(401, r.status(), r.toString());
  }

  @Test
  void signingOutNeedsTheFormToken() {
    String session = signIn("doanhnghiep", PASSWORD, null).cookie("JSESSIONID").orElseThrow();
    Http.Response page = http.get("/", "Cookie", "JSESSIONID=" + session);
    Matcher token = TOKEN.matcher(page.body());
    assertTrue(token.find(), "the header carries a sign-out form with the token");
    assertTrue(page.body().contains("/my/dossiers"), "the header links to the applicant's page");

    Http.Response forged =
        http.postForm("/logout", Map.of("formToken", "forged"), "Cookie", "JSESSIONID=" + session);
    assertEquals(303, forged.status());
    assertTrue(
        http.get("/", "Cookie", "JSESSIONID=" + session).body().contains(token.group(1)),
        "a forged sign-out leaves the session alone");

    http.postForm(
        "/logout", Map.of("formToken", token.group(1)), "Cookie", "JSESSIONID=" + session);
    assertEquals(
        303,
        http.get("/my/dossiers", "Cookie", "JSESSIONID=" + session).status(),
        "after signing out the area asks for sign-in again");
  }

  @Test
  void guessingOnePersonsPasswordIsSlowedDown() {
    // two officers of the justice department of this class's own: the one guessed at stays
    // slowed down for the window, which must not reach the demo accounts other classes use
    Portal.Account guessed = portal.newAccount("OFFICER", "000.00.03.H91");
    Portal.Account colleague = portal.newAccount("OFFICER", "000.00.03.H91");
    for (int i = 0; i < 10; i++) {
      assertTrue(signIn(guessed.username(), "guess-" + i, null).body().contains("login-error"));
    }
    Http.Response blocked = signIn(guessed.username(), guessed.password(), null);
    assertEquals(200, blocked.status(), "even the right password waits: " + blocked);
    assertTrue(blocked.body().contains("id=\"login-wait\""), blocked.toString());
    assertEquals(
        303,
        signIn(colleague.username(), colleague.password(), null).status(),
        "another person from the same address still signs in");
  }

  private Http.Response signIn(String username, String password, String session) {
    return signIn(username, password, session, null);
  }

  private Http.Response signIn(String username, String password, String session, String next) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", password);
    if (next != null) {
      form.put("next", next);
    }
    return session == null
        ? http.postForm("/login", form)
        : http.postForm("/login", form, "Cookie", "JSESSIONID=" + session);
  }

  private static String errorText(Http.Response r) {
    Matcher m = Pattern.compile("id=\"login-error\">([^<]*)<").matcher(r.body());
    assertTrue(m.find(), r.toString());
    return m.group(1);
  }
}
