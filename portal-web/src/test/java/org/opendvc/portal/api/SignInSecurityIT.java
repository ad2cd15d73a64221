package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * The token endpoint is held to the same limit of wrong passwords as the sign-in page, a user name
 * counts in one canonical form, and a token stops working when its account is disabled or changes
 * role.
 */
class SignInSecurityIT extends PortalIntegrationTest {

  private static final String TRACKED = "/api/v1/dossiers?size=1";

  private static Http.Response token(String username, String password) {
    return portal
        .http()
        .postJson(
            "/api/v1/auth/token",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void wrongPasswordsOnTheTokenEndpointAreLimitedPerNameWhateverItsSpelling() {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    String upper = officer.username().toUpperCase(java.util.Locale.ROOT);
    for (int i = 0; i < 10; i++) {
      // the same name, typed as it is, in capitals or with spaces: one count
      String typed =
          i % 3 == 0 ? officer.username() : i % 3 == 1 ? upper : " " + officer.username() + " ";
      assertEquals(401, token(typed, "wrong-password-" + i).status());
    }
    Http.Response limited = token(officer.username(), officer.password());
    assertEquals(429, limited.status(), limited.toString());
    assertTrue(limited.header("Retry-After").map(Long::parseLong).orElse(0L) > 0);
    assertEquals("application/problem+json", limited.mediaType());
    // another account from the same address is not affected
    Portal.Account other = portal.newAccount("APPLICANT", null);
    assertEquals(200, token(other.username(), other.password()).status());
  }

  @Test
  void aNameWithAccentsIsNobodysNameNotAnotherSpellingOfOne() {
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    String accented = "ä" + applicant.username().substring(1);
    assertTrue(applicant.username().startsWith("a") || !accented.equals(applicant.username()));
    Http.Response r = token(accented, applicant.password());
    assertEquals(401, r.status(), "an accented spelling signs in as nobody: " + r);
    assertEquals(401, token("ädmin", Portal.ADMIN_PASSWORD).status());
    assertEquals(200, token("admin", Portal.ADMIN_PASSWORD).status());
  }

  @Test
  void aDisabledAccountsTokenIsRefusedAtOnceAndWorksAgainWhenEnabled() {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    assertEquals(200, officer.http().get(TRACKED).status());
    Http.Response off =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request(
                        "/api/v1/admin/users/" + officer.username(),
                        "Content-Type",
                        "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
    assertEquals(200, off.status(), off.toString());
    assertEquals(401, officer.http().get(TRACKED).status(), "the token of a disabled account");
    assertEquals(401, token(officer.username(), officer.password()).status(), "nor can it sign in");
    Http.Response on =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request(
                        "/api/v1/admin/users/" + officer.username(),
                        "Content-Type",
                        "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
    assertEquals(200, on.status(), on.toString());
    assertEquals(200, officer.http().get(TRACKED).status());
  }

  @Test
  void aTokenIssuedBeforeARoleOrAgencyChangeIsRefused() {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    assertEquals(200, officer.http().get(TRACKED).status());
    Http.Response moved =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request(
                        "/api/v1/admin/users/" + officer.username(),
                        "Content-Type",
                        "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"agencyCode\":\"000.00.03.H91\"}")));
    assertEquals(200, moved.status(), moved.toString());
    assertEquals("000.00.03.H91", moved.json().getString("agencyCode"));
    assertEquals(401, officer.http().get(TRACKED).status(), "a token of the former agency");
    Http.Response fresh = token(officer.username(), officer.password());
    assertEquals(200, fresh.status());
  }

  @Test
  void theBuiltInAdminCannotBeDisabledAndUnknownAccountsAre404() {
    Http.Response r =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request("/api/v1/admin/users/admin", "Content-Type", "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
    assertEquals(400, r.status(), r.toString());
    Http.Response unknown =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request("/api/v1/admin/users/nobody.here", "Content-Type", "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
    assertEquals(404, unknown.status(), unknown.toString());
    Http.Response notBoolean =
        portal
            .admin()
            .send(
                portal
                    .admin()
                    .request("/api/v1/admin/users/admin", "Content-Type", "application/json")
                    .method(
                        "PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":\"no\"}")));
    assertEquals(400, notBoolean.status());
  }

  private static Http.Response pageSignIn(Portal.Account account, String... headers) {
    return portal
        .http()
        .postForm(
            "/login",
            java.util.Map.of("username", account.username(), "password", account.password()),
            headers);
  }

  @Test
  void thePagesSessionCookieIsSameSiteAndSecureBehindTls() {
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    Http.Response plain = pageSignIn(applicant);
    assertEquals(303, plain.status(), plain.toString());
    String cookie =
        plain.headerValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), cookie);
    assertTrue(!cookie.contains("Secure"), "not over plain HTTP: " + cookie);
    Http.Response tls = pageSignIn(applicant, "X-Forwarded-Proto", "https");
    String secure =
        tls.headerValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(secure.contains("SameSite=Lax") && secure.contains("; Secure"), secure);
    // the hardened cookie is the session: it opens the applicant's pages
    String id = secure.substring(0, secure.indexOf(';'));
    assertEquals(200, portal.http().get("/my/dossiers", "Cookie", id).status());
  }

  @Test
  void aSignInFormPostedFromAnotherSiteIsRefused() {
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    Http.Response forged = pageSignIn(applicant, "Origin", "https://attacker.example");
    assertEquals(403, forged.status(), forged.toString());
    assertTrue(
        forged.headerValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
    assertTrue(forged.body().contains("Biểu mẫu gửi từ trang khác"), forged.body());
    Http.Response viaReferer = pageSignIn(applicant, "Referer", "https://attacker.example/page");
    assertEquals(403, viaReferer.status());
    String own = portal.base().getScheme() + "://" + portal.base().getAuthority();
    assertEquals(303, pageSignIn(applicant, "Origin", own).status(), "the portal's own form");
  }
}
