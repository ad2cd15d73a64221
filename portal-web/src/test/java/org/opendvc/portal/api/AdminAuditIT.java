package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;

/** Administrators' accepted changes are in the audit log with who and when; refused ones not. */
@PortalWideFigures
class AdminAuditIT extends PortalIntegrationTest {

  private static List<JsonObject> entries() {
    Http.Response r = portal.admin().get("/api/v1/admin/audit?size=100");
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static boolean logged(String area, String action, String targetPart) {
    return entries().stream()
        .anyMatch(
            e ->
                e.getString("area").equals(area)
                    && e.getString("action").equals(action)
                    && e.getString("actor").equals("admin")
                    && e.getString("target").contains(targetPart)
                    && !e.getString("at").isBlank());
  }

  @Test
  void accountAndDictionaryChangesAreLoggedWithWhoAndWhen() {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    assertTrue(logged("users", "POST", "/api/v1/admin/users"), "the account's creation");
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
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
    assertEquals(200, off.status(), off.toString());
    assertTrue(logged("users", "PATCH", officer.username()), "disabling it");

    Http.Response added =
        portal
            .admin()
            .postJson(
                "/api/v1/search/dictionary",
                "{\"phrase\":\"lời thử nhật ký quản trị\",\"expansion\":\"khai sinh\","
                    + "\"meaning\":\"Mục từ của phép thử nhật ký\"}");
    assertEquals(201, added.status(), added.toString());
    assertTrue(logged("dictionary", "POST", "/api/v1/search/dictionary"));
  }

  @Test
  void refusedChangesAndOtherPeopleAreNotLoggedAndOnlyAdminsRead() {
    int before = entries().size();
    Http.Response refused = portal.admin().postJson("/api/v1/admin/users", "{\"username\":\"x\"}");
    assertEquals(400, refused.status());
    assertEquals(before, entries().size(), "a refused change is not a change");
    assertEquals(403, portal.demo("canbo.xa").get("/api/v1/admin/audit").status());
    assertEquals(401, portal.http().get("/api/v1/admin/audit").status());
    assertEquals(400, portal.admin().get("/api/v1/admin/audit?from=yesterday").status());
  }
}
