package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * Input that a client gets wrong, or sends on purpose to break the portal, gets a 4xx answer that
 * says what is wrong, never a 500, a container error page or a stack trace; and every answer, JSON
 * and error pages included, carries the headers that keep a browser from misreading it.
 */
class MalformedInputIT extends PortalIntegrationTest {

  /** Every endpoint that takes a JSON object as its body, with who may call it. */
  private List<String> jsonEndpoints(String code) {
    return List.of(
        "/api/v1/auth/token",
        "/api/v1/dossiers",
        "/api/v1/admin/users",
        "/api/v1/dossiers/" + code + "/actions",
        "/api/v1/payments/callback/sandbox");
  }

  private static void assertProblem(int status, Http.Response r) {
    assertEquals(status, r.status(), r.toString());
    assertEquals("application/problem+json", r.mediaType(), r.toString());
    assertFalse(r.body().contains("Exception"), r.body());
    assertFalse(r.body().contains("\tat "), r.body());
  }

  @Test
  void aJsonBodyThatIsNotAnObjectIsA400NamingTheBody() {
    Http admin = portal.admin();
    for (String path : jsonEndpoints("000.01.31.H91-261201-0001")) {
      for (String body : List.of("[]", "null", "\"text\"", "42", "true")) {
        Http.Response r = admin.postJson(path, body);
        assertProblem(400, r);
        assertEquals(java.util.Set.of("body"), r.errorFields(), path + " " + body + ": " + r);
      }
    }
  }

  /**
   * A member of the wrong type is named, never taken for something else: JSON-B alone would read
   * {@code "yes"} as false (and so disable the account) and 1.5 đồng as 1.
   */
  @Test
  void aMemberOfTheWrongTypeIsA400NamingItAndChangesNothing() {
    Http admin = portal.admin();
    Http.Response yes =
        admin.send(
            admin
                .request("/api/v1/admin/users/canbo.xa", "Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":\"yes\"}")));
    assertProblem(400, yes);
    assertEquals(java.util.Set.of("enabled"), yes.errorFields(), yes.toString());
    assertEquals(
        200,
        portal.demo("canbo.xa").get("/api/v1/dossiers").status(),
        "the account is still enabled");

    String code = "000.01.31.H91-261201-0001";
    for (String body :
        List.of(
            "{\"action\":\"REQUEST_PAYMENT\",\"amount\":1.5}",
            "{\"action\":\"REQUEST_PAYMENT\",\"amount\":99999999999999999999999}",
            "{\"action\":\"REQUEST_PAYMENT\",\"amount\":\"năm nghìn\"}")) {
      Http.Response r = admin.postJson("/api/v1/dossiers/" + code + "/actions", body);
      assertProblem(400, r);
      assertEquals(java.util.Set.of("amount"), r.errorFields(), body + ": " + r);
    }
    Http.Response version =
        admin.postJson(
            "/api/v1/dossiers/" + code + "/actions",
            "{\"action\":\"ACCEPT\",\"expectedVersion\":\"2\"}");
    assertEquals(java.util.Set.of("expectedVersion"), version.errorFields(), version.toString());
    Http.Response applicant =
        portal
            .demo("congdan")
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"1.001612\",\"applicant\":\"Nguyễn Văn A\"}");
    assertProblem(400, applicant);
    assertEquals(java.util.Set.of("applicant"), applicant.errorFields(), applicant.toString());
    Http.Response promised =
        portal
            .demo("congdan")
            .postJson("/api/v1/dossiers", "{\"procedureCode\":\"1.001612\",\"promised\":[1.5]}");
    assertEquals(java.util.Set.of("promised"), promised.errorFields(), promised.toString());
  }

  /** A role-only address answers like every other: 401 to ask for a sign-in, 403 to refuse. */
  @Test
  void anAdministrationAddressAsksTheAnonymousToSignInAndRefusesOtherRoles() {
    Http.Response anonymous = portal.http().get("/api/v1/admin/audit");
    assertProblem(401, anonymous);
    assertTrue(anonymous.body().contains("/problems/unauthorized\""), anonymous.body());
    assertTrue(anonymous.body().contains("\"detail\""), anonymous.body());
    Http.Response officer = portal.demo("canbo.xa").get("/api/v1/admin/audit");
    assertProblem(403, officer);
    assertTrue(officer.body().contains("/problems/forbidden\""), officer.body());
    assertEquals(200, portal.admin().get("/api/v1/admin/audit").status());
  }

  @Test
  void aTokenRequestWithoutItsMembersNamesBoth() {
    Http.Response r = portal.http().postJson("/api/v1/auth/token", "{\"username\":\"  \"}");
    assertProblem(400, r);
    assertEquals(java.util.Set.of("username", "password"), r.errorFields(), r.toString());
  }

  @Test
  void jsonNestedBeyondTheParsersDepthIsA400() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    String deepObject = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
    for (String body : List.of(deep, deepObject)) {
      Http.Response r = portal.admin().postJson("/api/v1/dossiers", body);
      assertProblem(400, r);
    }
  }

  @Test
  void pageNumbersAndStatusCodesTooLargeForTheirTypeAre400s() {
    Http officer = portal.demo("canbo.xa");
    for (String query :
        List.of(
            "page=2147483647",
            "page=1000001",
            "page=-1",
            "status=99999999999999999999",
            "status=11",
            "page=99999999999999999999")) {
      Http.Response r = officer.get("/api/v1/dossiers?" + query);
      assertProblem(400, r);
      assertEquals(1, r.errorFields().size(), query + ": " + r);
    }
    assertEquals(
        200,
        officer.get("/api/v1/dossiers?page=1000000").status(),
        "the deepest page allowed is an empty page, not an error");
    // the officer's page clamps rather than fails
    Http.Response page = officer.get("/officer/dossiers?page=2147483647");
    assertTrue(page.status() == 200 || page.status() == 303, page.toString());
  }

  @Test
  void aPageFormLargerThanTheServerParsesIsRefusedWithAPageSayingSo() {
    String big = "q=" + "a".repeat(2 * 1024 * 1024 + 10);
    for (String path : List.of("/search", "/login", "/feedback", "/tracking")) {
      Http.Response r = portal.http().post(path, "application/x-www-form-urlencoded", big);
      assertEquals(413, r.status(), path + ": " + r);
      assertTrue(r.body().contains("Biểu mẫu gửi lên quá lớn"), r.body());
      assertFalse(r.body().contains("Payara"), r.body());
    }
    Http.Response en =
        portal
            .http()
            .post("/search", "application/x-www-form-urlencoded", big, "Cookie", "portal_lang=en");
    assertEquals(413, en.status());
    assertTrue(en.body().contains("The form sent is too large"), en.body());
  }

  @Test
  void theGeneratedWadlIsNotPublished() {
    assertEquals(404, portal.http().get("/api/application.wadl").status());
    assertEquals(200, portal.http().get("/openapi").status(), "the one API description");
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    Map<String, Integer> paths =
        Map.of(
            "/api/v1/procedures?size=1", 200,
            "/api/v1/procedures/no-such-code", 404,
            "/no/such/page", 404,
            "/static/no-such-file.css", 404,
            "/", 200,
            "/api-docs/", 200);
    paths.forEach(
        (path, status) -> {
          Http.Response r = portal.http().get(path);
          assertEquals(status, r.status(), path);
          assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""), path);
          String csp = r.header("Content-Security-Policy").orElse("");
          assertTrue(
              csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
              path + ": " + csp);
          assertFalse(
              path.startsWith("/api-docs") != csp.contains("script-src 'self'"),
              path + ": only the API documentation runs scripts: " + csp);
        });
    // no Strict-Transport-Security over plain HTTP, even when it is configured
    assertTrue(portal.http().get("/").header("Strict-Transport-Security").isEmpty());
  }

  @Test
  void methodsTheApiDoesNotKnowAre405NotServerErrors() {
    for (String method : List.of("PATCH", "PROPFIND", "PUT")) {
      Http.Response r =
          portal
              .http()
              .send(
                  portal
                      .http()
                      .request("/api/v1/procedures")
                      .method(method, HttpRequest.BodyPublishers.noBody()));
      assertTrue(r.status() == 405, method + ": " + r);
    }
  }

  @Test
  void theCatalogueDownloadIsRenderedOnceAndRevalidatedByItsEntityTag() throws Exception {
    Http.Response first = portal.http().get("/api/v1/procedures/export?format=json");
    assertEquals(200, first.status());
    String etag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    assertTrue(first.header("Cache-Control").orElse("").contains("max-age"), first.toString());
    Http.Response again =
        portal.http().get("/api/v1/procedures/export?format=json", "If-None-Match", etag);
    assertEquals(304, again.status(), again.toString());
    assertEquals(0, again.bytes().length);
    Http.Response english =
        portal
            .http()
            .get(
                "/api/v1/procedures/export?format=json",
                "Accept-Language",
                "en",
                "If-None-Match",
                etag);
    assertEquals(200, english.status(), "another language is another rendering");
    assertFalse(etag.equals(english.header("ETag").orElse("")));
    // parallel downloads get the very same bytes
    List<java.util.concurrent.CompletableFuture<Http.Response>> parallel =
        java.util.stream.IntStream.range(0, 8)
            .mapToObj(
                i ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> portal.http().get("/api/v1/procedures/export?format=cpsv-ap")))
            .toList();
    byte[] reference = null;
    for (var f : parallel) {
      Http.Response r = f.get();
      assertEquals(200, r.status());
      if (reference == null) {
        reference = r.bytes();
      } else {
        assertTrue(java.util.Arrays.equals(reference, r.bytes()));
      }
    }
  }
}
