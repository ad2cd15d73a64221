package org.opendvc.portal.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.infrastructure.persistence.RuntimeGrants.Account;
import org.opendvc.portal.infrastructure.persistence.RuntimeGrants.Grant;

class RuntimeGrantsTest {

  private static final Account PORTAL = new Account("portal", "%");

  @Test
  void theAccountIsReadFromCurrentUser() {
    assertEquals(new Account("portal", "%"), Account.parse("portal@%"));
    assertEquals(new Account("portal_it_1", "127.0.0.1"), Account.parse("portal_it_1@127.0.0.1"));
    // the host never holds an @, the user may
    assertEquals(new Account("a@b", "10.0.%"), Account.parse("a@b@10.0.%"));
    assertEquals(new Account("", "localhost"), Account.parse("@localhost"));
    assertThrows(IllegalArgumentException.class, () -> Account.parse("portal"));
    assertThrows(IllegalArgumentException.class, () -> Account.parse(null));
  }

  @Test
  void accountsAndNamesAreQuotedWhateverTheyHold() {
    assertEquals("`portal`@`%`", PORTAL.sql());
    assertEquals("`o'x``y`@`h`", new Account("o'x`y", "h").sql());
    assertEquals("'portal'@'%'", PORTAL.toString());
  }

  @Test
  void theHistoryAndTheAuditLogAreTheAppendOnlyTables() {
    assertEquals(java.util.Set.of("dossier_history", "admin_audit"), RuntimeGrants.APPEND_ONLY);
    assertEquals(
        List.of("SELECT", "INSERT"), RuntimeGrants.rightsOn("dossier_history", "BASE TABLE"));
    assertEquals(List.of("SELECT", "INSERT"), RuntimeGrants.rightsOn("admin_audit", "BASE TABLE"));
    assertEquals(
        List.of("SELECT", "INSERT", "UPDATE", "DELETE"),
        RuntimeGrants.rightsOn("dossier", "BASE TABLE"));
    assertEquals(List.of("SELECT"), RuntimeGrants.rightsOn("some_view", "VIEW"));
    assertEquals(List.of("SELECT"), RuntimeGrants.rightsOn("some_view", "SYSTEM VIEW"));
  }

  @Test
  void eachTableGetsExactlyItsRightsTheNeededOnesFirst() {
    List<Grant> grants =
        RuntimeGrants.statements(
            "portal",
            Map.of(
                "dossier", "BASE TABLE",
                "dossier_history", "BASE TABLE",
                "admin_audit", "BASE TABLE",
                "flyway_schema_history", "BASE TABLE"),
            PORTAL);
    assertEquals(
        List.of(
            new Grant("GRANT SELECT, INSERT ON `portal`.`admin_audit` TO `portal`@`%`", false),
            new Grant(
                "REVOKE UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, TRIGGER,"
                    + " CREATE VIEW, SHOW VIEW, GRANT OPTION ON `portal`.`admin_audit` FROM `portal`@`%`",
                true),
            new Grant(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON `portal`.`dossier` TO `portal`@`%`",
                false),
            new Grant(
                "REVOKE CREATE, DROP, ALTER, INDEX, REFERENCES, TRIGGER, CREATE VIEW, SHOW VIEW,"
                    + " GRANT OPTION ON `portal`.`dossier` FROM `portal`@`%`",
                true),
            new Grant("GRANT SELECT, INSERT ON `portal`.`dossier_history` TO `portal`@`%`", false),
            new Grant(
                "REVOKE UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, TRIGGER,"
                    + " CREATE VIEW, SHOW VIEW, GRANT OPTION ON `portal`.`dossier_history` FROM `portal`@`%`",
                true),
            new Grant(
                "REVOKE ALL PRIVILEGES ON `portal`.`flyway_schema_history` FROM `portal`@`%`",
                true)),
        grants);
  }

  @Test
  void noStatementGivesUpdateOrDeleteOnAnAppendOnlyTable() {
    List<Grant> grants =
        RuntimeGrants.statements(
            "p",
            Map.of("dossier_history", "BASE TABLE", "admin_audit", "BASE TABLE", "x", "BASE TABLE"),
            PORTAL);
    for (Grant g : grants) {
      if (g.sql().startsWith("GRANT")
          && (g.sql().contains("history") || g.sql().contains("audit"))) {
        assertFalse(
            g.sql().contains("UPDATE") || g.sql().contains("DELETE") || g.sql().contains("ALL"),
            g.sql());
      }
    }
  }

  @Test
  void theServerUrlDropsTheDatabaseAndItsCreation() {
    assertEquals(
        "jdbc:mysql://db:3306/?characterEncoding=UTF-8&connectTimeout=2000",
        RuntimeGrants.serverUrl(
            "jdbc:mysql://db:3306/portal?characterEncoding=UTF-8"
                + "&createDatabaseIfNotExist=true&connectTimeout=2000"));
    assertEquals(
        "jdbc:mysql://db:3306/?a=b",
        RuntimeGrants.serverUrl("jdbc:mysql://db:3306/portal?a=b&createDatabaseIfNotExist=true"));
    assertEquals(
        "jdbc:mysql://db:3306/",
        RuntimeGrants.serverUrl("jdbc:mysql://db:3306/portal?createDatabaseIfNotExist=true"));
    assertEquals(
        "jdbc:mysql://127.0.0.1/", RuntimeGrants.serverUrl("jdbc:mysql://127.0.0.1/portal"));
    assertEquals(
        "jdbc:mysql://h1:3306,h2:3306/?x=1",
        RuntimeGrants.serverUrl("jdbc:mysql://h1:3306,h2:3306/portal?x=1"));
    assertEquals(
        "jdbc:mysql:loadbalance://h1,h2/",
        RuntimeGrants.serverUrl("jdbc:mysql:loadbalance://h1,h2/portal"));
    assertThrows(IllegalArgumentException.class, () -> RuntimeGrants.serverUrl("portal"));
  }

  @Test
  void withAnOwnerOnlyTheOwnerMayCreateTheDatabase() {
    PortalDataSource.Settings split =
        new PortalDataSource.Settings(
            "jdbc:mysql://db:3306/portal", "portal", "secret", Optional.of("owner"), "o");
    assertFalse(split.runtimeUrl().contains("createDatabaseIfNotExist"), split.runtimeUrl());
    assertTrue(split.runtimeUrl().contains("socketTimeout=120000"), split.runtimeUrl());
    assertTrue(
        split.migrationUrl().contains("createDatabaseIfNotExist=true"), split.migrationUrl());
    assertTrue(split.migrationUrl().contains("socketTimeout=0"), split.migrationUrl());
    assertEquals("owner", split.migrationUser());
    assertEquals("o", split.migrationPassword());

    PortalDataSource.Settings single =
        new PortalDataSource.Settings(
            "jdbc:mysql://db:3306/portal", "portal", "secret", Optional.empty(), "");
    assertTrue(single.runtimeUrl().contains("createDatabaseIfNotExist=true"), single.runtimeUrl());
    assertEquals("portal", single.migrationUser());
    assertEquals("secret", single.migrationPassword());
  }
}
