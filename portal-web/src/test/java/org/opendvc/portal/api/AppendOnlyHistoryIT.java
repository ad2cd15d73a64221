package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * The dossier history and the administrators' audit log are append-only by the database itself: the
 * account the portal runs as may read and add their rows, and the database refuses it any change or
 * deletion, while the portal still works with exactly those rights (every other IT of the run uses
 * the same account).
 */
class AppendOnlyHistoryIT extends PortalIntegrationTest {

  /** MySQL's and MariaDB's "command denied to user ... for table ...". */
  private static final int TABLE_ACCESS_DENIED = 1142;

  private static final String COMMUNE = "000.01.31.H91";

  @BeforeAll
  static void theSchemaHasAnOwnerOfItsOwn() {
    assumeTrue(
        TestDatabase.ownerUser().isPresent(),
        "the test database given by"
            + " PORTAL_TEST_DB_URL has no owner account (PORTAL_TEST_DB_OWNER_USER): the portal runs"
            + " as one account, and the history is append-only by its code only");
    assertNotEquals(TestDatabase.ownerUser().get(), TestDatabase.user());
  }

  private static String submit() {
    Http.Response submitted =
        portal
            .demo("congdan")
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"9.001001\",\"agencyCode\":\""
                    + COMMUNE
                    + "\",\"channel\":\"ONLINE\","
                    + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Trần Thị Lưu\","
                    + "\"idNumber\":\"001099077777\"},\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, submitted.status(), submitted::toString);
    return submitted.json().getString("code");
  }

  private static long dossierId(String code) throws SQLException {
    try (Connection c = TestDatabase.connectAsPortal();
        PreparedStatement s = c.prepareStatement("SELECT id FROM dossier WHERE code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), code);
        return r.getLong(1);
      }
    }
  }

  /** The dossier's history as the portal's account reads it: action and note per step. */
  private static List<String> history(long dossierId) throws SQLException {
    List<String> steps = new ArrayList<>();
    try (Connection c = TestDatabase.connectAsPortal();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT action, note FROM dossier_history WHERE dossier_id = ? ORDER BY seq")) {
      s.setLong(1, dossierId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          steps.add(r.getString(1) + ":" + r.getString(2));
        }
      }
    }
    return steps;
  }

  private static void assertRefused(String sql, Object... parameters) throws SQLException {
    try (Connection c = TestDatabase.connectAsPortal();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      SQLException refused =
          assertThrows(
              SQLException.class, s::executeUpdate, () -> "the portal's account may run " + sql);
      assertEquals(TABLE_ACCESS_DENIED, refused.getErrorCode(), refused::getMessage);
    }
  }

  @Test
  void thePortalsAccountCannotChangeOrDeleteTheHistory() throws SQLException {
    String code = submit();
    long id = dossierId(code);
    List<String> before = history(id);
    assertEquals(1, before.size(), before::toString);

    assertRefused("UPDATE dossier_history SET note = 'rewritten' WHERE dossier_id = ?", id);
    assertRefused("UPDATE dossier_history SET at = at - INTERVAL 1 DAY WHERE dossier_id = ?", id);
    assertRefused("DELETE FROM dossier_history WHERE dossier_id = ?", id);

    assertEquals(before, history(id), "the history is as it was");
    // while the dossier itself, an ordinary table, is the account's to change
    try (Connection c = TestDatabase.connectAsPortal();
        PreparedStatement s =
            c.prepareStatement("UPDATE dossier SET version = version WHERE id = ?")) {
      s.setLong(1, id);
      assertEquals(1, s.executeUpdate());
    }
  }

  @Test
  void thePortalsAccountCannotChangeOrDeleteTheAuditLog() throws SQLException {
    portal.newAccount("OFFICER", COMMUNE); // an administrator's change: one audit row
    long newest;
    int rows;
    try (Connection c = TestDatabase.connectAsPortal();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(id), COUNT(*) FROM admin_audit")) {
      assertTrue(r.next());
      newest = r.getLong(1);
      rows = r.getInt(2);
      assertTrue(rows > 0, "the administrator's change was logged");
    }

    assertRefused("UPDATE admin_audit SET actor = 'someone else' WHERE id = ?", newest);
    assertRefused("DELETE FROM admin_audit WHERE id = ?", newest);

    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement("SELECT actor FROM admin_audit WHERE id = ?")) {
      s.setLong(1, newest);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "the row is still there");
        assertEquals("admin", r.getString(1));
      }
    }
  }

  @Test
  void thePortalsAccountHoldsRightsTableByTableAndNoneOnFlywaysTable() throws SQLException {
    List<String> grants = new ArrayList<>();
    try (Connection c = TestDatabase.connectAsPortal();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
      while (r.next()) {
        grants.add(r.getString(1));
      }
    }
    String database;
    try (Connection c = TestDatabase.connectAsPortal();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT DATABASE()")) {
      r.next();
      database = r.getString(1);
    }
    assertFalse(
        grants.stream()
            .anyMatch(
                g ->
                    g.contains("ON `" + database + "`.*")
                        || (g.contains("ON *.*") && !g.startsWith("GRANT USAGE"))),
        grants::toString);
    assertTrue(
        grants.stream()
            .anyMatch(
                g -> g.startsWith("GRANT SELECT, INSERT ON `" + database + "`.`dossier_history`")),
        grants::toString);
    assertRefused("UPDATE flyway_schema_history SET success = 0 WHERE 1 = 0");
    try (Connection c = TestDatabase.connectAsPortal();
        Statement s = c.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history").close());
      assertEquals(TABLE_ACCESS_DENIED, refused.getErrorCode(), refused::getMessage);
    }
  }

  @Test
  void dossierActionsThroughThePortalStillAppendTheirSteps() throws SQLException {
    String code = submit();
    long id = dossierId(code);
    Http officer = portal.demo("canbo.xa");
    Http.Response accepted =
        officer.postJson("/api/v1/dossiers/" + code + "/actions", "{\"action\":\"ACCEPT\"}");
    assertEquals(200, accepted.status(), accepted::toString);
    Http.Response started =
        officer.postJson(
            "/api/v1/dossiers/" + code + "/actions", "{\"action\":\"START_PROCESSING\"}");
    assertEquals(200, started.status(), started::toString);

    List<String> steps = history(id);
    assertEquals(
        List.of("SUBMIT", "ACCEPT", "START_PROCESSING"),
        steps.stream().map(s -> s.substring(0, s.indexOf(':'))).toList());
    Http.Response tracked =
        portal.http().get("/api/v1/tracking/" + code + "?idNumber=001099077777");
    assertEquals(200, tracked.status(), tracked::toString);
    assertEquals(3, tracked.json().getJsonArray("history").size(), tracked::toString);
  }
}
