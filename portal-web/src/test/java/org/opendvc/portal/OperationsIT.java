package org.opendvc.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalDeployment;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * What operations rely on: the health, metrics and OpenAPI endpoints of the deployed portal, and
 * that it answers at the root.
 */
class OperationsIT extends PortalIntegrationTest {

  private final URL base = portal.url();

  @Test
  void readinessIsUpWithTheDatabase() throws SQLException {
    Http.Response ready = Http.at(base).getJson("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    JsonObject health = json(ready);
    assertEquals("UP", health.getString("status"), ready::toString);
    for (JsonValue check : health.getJsonArray("checks")) {
      JsonObject c = check.asJsonObject();
      assertEquals("UP", c.getString("status"), () -> "check " + c + " in " + ready);
    }
    // The server really runs on the test database: start-up migrated it.
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
      assertTrue(
          rs.next() && rs.getInt(1) > 0,
          "no successful migration in " + TestDatabase.url() + " (" + TestDatabase.origin() + ")");
    }
  }

  @Test
  void livenessIsUp() {
    Http.Response live = Http.at(base).getJson("/health/live");
    assertEquals(200, live.status(), live::toString);
    assertEquals("UP", json(live).getString("status"), live::toString);
  }

  @Test
  void metricsAreServedAsPrometheusText() {
    Http.Response metrics = Http.at(base).get("/metrics", "Accept", "text/plain");
    assertEquals(200, metrics.status(), metrics::toString);
    assertEquals("text/plain", metrics.mediaType(), metrics::toString);
    assertTrue(metrics.body().contains("# TYPE "), metrics::toString);
  }

  @Test
  void openApiDocumentIsServed() throws IOException {
    Http.Response openapi = Http.at(base).get("/openapi");
    if (openapi.status() == 404 && !warHasWebClasses()) {
      Assumptions.abort(
          "The WAR has no REST layer yet (no classes in WEB-INF/classes), so Payara "
              + "serves an empty OpenAPI document with 404: "
              + openapi);
    }
    assertEquals(200, openapi.status(), openapi::toString);
    assertTrue(openapi.body().contains("openapi"), openapi::toString);
  }

  @Test
  void methodsTheOperationsEndpointsDoNotTakeGet405NotTheContainers501() {
    Http http = Http.at(base);
    for (String path : new String[] {"/health/ready", "/health/live", "/metrics"}) {
      for (String method : new String[] {"PATCH", "PROPFIND", "POST", "DELETE"}) {
        Http.Response r =
            http.send(
                http.request(path, "Accept", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, r.status(), r::toString);
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow").orElse(null), r::toString);
        assertEquals("application/problem+json", r.mediaType(), r::toString);
        assertEquals(405, json(r).getInt("status"), r::toString);
      }
    }
    // reading them still works
    assertEquals(200, http.getJson("/health/live").status());
    // a method served nowhere: 405 on a page (a short page) and on the API (a problem)
    Http.Response page =
        http.send(
            http.request("/procedures", "Accept", "text/html")
                .method("PROPFIND", java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, page.status(), page::toString);
    assertEquals("text/html", page.mediaType(), page::toString);
    assertTrue(page.header("Allow").orElse("").contains("PATCH"), page::toString);
    Http.Response api =
        http.send(
            http.request("/api/v1/procedures", "Accept", "application/json")
                .method("PROPFIND", java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(405, api.status(), api::toString);
    assertEquals("application/problem+json", api.mediaType(), api::toString);
  }

  @Test
  void homePageAnswers() {
    Http.Response home = Http.at(base).get("/", "Accept", "text/html");
    assertTrue(home.status() < 500, home::toString);
  }

  private static JsonObject json(Http.Response response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new AssertionError("not JSON: " + response, e);
    }
  }

  private static boolean warHasWebClasses() throws IOException {
    try (ZipFile war = new ZipFile(PortalDeployment.warFile())) {
      return war.stream()
          .anyMatch(
              e -> e.getName().startsWith("WEB-INF/classes/") && e.getName().endsWith(".class"));
    }
  }
}
