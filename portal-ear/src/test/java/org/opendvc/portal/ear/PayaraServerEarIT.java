package org.opendvc.portal.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code portal.ear} on a full Payara Server 6, set up as docs/operations.md tells an operator: an
 * empty database with its own account, a fresh copy of the distribution's domain, the portal's
 * settings as server system properties (URL, user, password, admin password, demo data), {@code
 * asadmin deploy}. Then the smoke set an operator would try: the schema and demo data are there,
 * the home page, search, a submission and its public tracking, health, metrics and the API
 * description.
 *
 * <p>The server is the {@code fish.payara.distributions:payara} zip from Maven Central, unpacked by
 * the build; the domain runs on free ports under {@code target/payara-it} and is stopped at the end
 * even when a step fails. Needs the MariaDB/MySQL at 127.0.0.1:3306 (user {@code root}, no
 * password) to make the database; without it the class is skipped, saying so.
 */
class PayaraServerEarIT {

  static final String ADMIN_PASSWORD = "Admin@EarIT1";
  static final String DEMO_PASSWORD = "Demo@2026";
  static final String PROCEDURE = "9.001001";
  static final String PROCEDURE_NAME = "Đăng ký khai sinh";
  static final String COMMUNE = "000.01.31.H91";
  static final String ID_NUMBER = "079201004321";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static ServerDatabase database;
  private static PayaraDomain domain;
  private static URI base;

  /** Why the tests cannot run here, or null. */
  private static String skipped;

  @BeforeAll
  static void deployOnAFreshDomain() throws Exception {
    Optional<String> unreachable = ServerDatabase.unreachable();
    if (unreachable.isPresent()) {
      skipped =
          "Skipped: deploying the EAR on Payara Server needs the MariaDB/MySQL at"
              + " 127.0.0.1:3306 (user root, no password) to make its database, and none answers: "
              + unreachable.get();
      System.err.println(skipped);
      return;
    }
    long started = System.nanoTime();
    Path buildDir = Path.of(System.getProperty("portal.build.dir", "target"));
    Path ear = Path.of(System.getProperty("portal.ear", buildDir.resolve("portal.ear").toString()));
    assertTrue(Files.isRegularFile(ear), "no EAR at " + ear + " (run: mvn verify)");

    database = ServerDatabase.create();
    domain =
        PayaraDomain.create(
            Path.of(
                System.getProperty("portal.payara.home", buildDir.resolve("payara6").toString())),
            buildDir.resolve("payara-it"));
    domain.start();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("portal.db.url", database.url());
    properties.put("portal.db.user", database.user());
    properties.put("portal.db.password", database.password());
    properties.put("portal.db.owner.user", database.owner());
    properties.put("portal.db.owner.password", database.ownerPassword());
    properties.put("portal.admin.password", ADMIN_PASSWORD);
    properties.put("portal.demo.data", "true");
    properties.put("portal.data.dir", buildDir.resolve("payara-it").resolve("data").toString());
    domain.setSystemProperties(properties);
    try {
      domain.deploy(ear);
    } catch (RuntimeException e) {
      throw new AssertionError(
          e.getMessage() + "\n--- end of server.log ---\n" + domain.logTail(60), e);
    }
    base = URI.create("http://127.0.0.1:" + domain.httpPort());
    System.out.printf(
        "portal.ear deployed on Payara Server at %s in %d s%n",
        base, Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /** Each test is reported as skipped, with the reason, rather than the class vanishing. */
  @BeforeEach
  void needsTheDatabase() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void stopTheDomain() {
    if (domain != null) {
      domain.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void migrationsRanAndTheDemoProvinceWasLoaded() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      assertTrue(
          count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1") > 0,
          "Flyway ran the migrations");
      assertEquals(
          0,
          count(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"),
          "no migration failed");
      assertTrue(count(s, "SELECT COUNT(*) FROM catalogue_procedure") > 0, "demo procedures");
      assertTrue(count(s, "SELECT COUNT(*) FROM dossier") > 0, "demo dossiers");
    }
    // the owner gave the portal's account its rights: it reads the history, and may not change it
    try (Connection c = database.connectAsPortal();
        Statement s = c.createStatement()) {
      assertTrue(
          count(s, "SELECT COUNT(*) FROM dossier_history") > 0, "the demo dossiers' history");
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("UPDATE dossier_history SET note = 'x' WHERE 1 = 0"));
      assertEquals(1142, refused.getErrorCode(), refused::getMessage);
    }
  }

  @Test
  void homePageIsServedInVietnamese() {
    HttpResponse<String> r = get("/");
    assertEquals(200, r.statusCode(), r::body);
    assertTrue(r.body().contains("lang=\"vi\""), "Vietnamese page");
    assertTrue(r.body().contains("Cổng Dịch vụ công"), "the portal's name on the home page");
  }

  @Test
  void searchFindsTheProcedureOnThePageAndInTheApi() {
    HttpResponse<String> page = get("/procedures?q=khai+sinh");
    assertEquals(200, page.statusCode(), page::body);
    assertTrue(page.body().contains(PROCEDURE), "search page lists " + PROCEDURE);

    HttpResponse<String> api = get("/api/v1/procedures?q=dang+ky+khai+sinh&level=3");
    assertEquals(200, api.statusCode(), api::body);
    assertEquals(
        PROCEDURE,
        json(api).getJsonArray("items").getJsonObject(0).getString("code"),
        "the best match, found without tones");
  }

  @Test
  void aSubmissionIsTrackedByThePublic() {
    String token = token("congdan", DEMO_PASSWORD);
    HttpResponse<String> submitted =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/dossiers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"procedureCode\":\""
                            + PROCEDURE
                            + "\","
                            + "\"agencyCode\":\""
                            + COMMUNE
                            + "\",\"channel\":\"ONLINE\",\"applicant\":{"
                            + "\"type\":\"CITIZEN\",\"fullName\":\"Lê Thị Hoa\",\"idNumber\":\""
                            + ID_NUMBER
                            + "\"},"
                            // the birth registration's own data, and its papers promised at the
                            // counter
                            + "\"form\":{\"child.fullName\":\"Lê Văn Bé\",\"child.birthDate\":\"2025-03-15\","
                            + "\"child.birthPlace\":\"Trạm y tế xã\",\"child.sex\":\"NAM\","
                            + "\"mother.fullName\":\"Lê Thị Hoa\"},\"promised\":[1,2,3]}")));
    assertEquals(201, submitted.statusCode(), submitted::body);
    String code = json(submitted).getString("code");

    HttpResponse<String> tracked = get("/api/v1/tracking/" + code + "?idNumber=" + ID_NUMBER);
    assertEquals(200, tracked.statusCode(), tracked::body);
    JsonObject view = json(tracked);
    assertEquals(code, view.getString("code"));
    assertEquals(PROCEDURE, view.getJsonObject("procedure").getString("code"));
    assertEquals(1, view.getJsonArray("history").size(), "the submission is its first step");

    HttpResponse<String> wrongId = get("/api/v1/tracking/" + code + "?idNumber=000000000000");
    assertEquals(404, wrongId.statusCode(), "another ID number does not see the dossier");

    HttpResponse<String> page =
        send(
            HttpRequest.newBuilder(base.resolve("/tracking/" + code))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "code=" + encode(code) + "&idNumber=" + ID_NUMBER)));
    assertEquals(200, page.statusCode(), page::body);
    assertTrue(page.body().contains(PROCEDURE_NAME), "the tracking page shows the dossier");
  }

  @Test
  void theAdminPasswordComesFromTheServerProperties() {
    assertTrue(token("admin", ADMIN_PASSWORD).length() > 20);
  }

  @Test
  void readyWithTheDatabaseAndObservable() {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready::body);
    JsonObject health = json(ready);
    assertEquals("UP", health.getString("status"));
    assertEquals("database", health.getJsonArray("checks").getJsonObject(0).getString("name"));
    assertEquals(200, get("/health/live").statusCode());

    HttpResponse<String> metrics = get("/metrics");
    assertEquals(200, metrics.statusCode(), metrics::body);
    assertTrue(metrics.body().contains("tracking_cache_hits"), "tracking cache gauges in /metrics");
    assertTrue(metrics.body().contains("catalogue_search_seconds"), "search timings in /metrics");
    assertEquals(200, get("/openapi").statusCode());
  }

  private static String token(String user, String password) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
    assertEquals(200, r.statusCode(), () -> "sign-in as " + user + ": " + r.body());
    return json(r).getString("accessToken");
  }

  private static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(HttpResponse<String> r) {
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
