package org.opendvc.portal.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedDatabasePathTest {

  private static final String TMP = System.getProperty("java.io.tmpdir");

  @Test
  void aDirectoryUnderTheTempDirIsSpelledSoMariaDb4jDoesNotDeleteIt() {
    Path data = Path.of(TMP, "it-mariadb", "data").toAbsolutePath();
    File spelled = EmbeddedDatabase.outsideTmpDirCheck(data);
    assertFalse(
        spelled.getAbsolutePath().startsWith(Path.of(TMP).toAbsolutePath().toString()),
        spelled.getAbsolutePath());
    assertEquals(data.normalize(), spelled.toPath().toAbsolutePath().normalize(), "same directory");
  }

  @Test
  void otherDirectoriesAreLeftAlone() {
    Path data = Path.of("/srv/portal/mariadb/data");
    assertEquals(data.toFile(), EmbeddedDatabase.outsideTmpDirCheck(data));
  }

  @Test
  void freshTestDatabaseNamesAreValidIdentifiers() {
    String a = TestDatabase.freshName();
    String b = TestDatabase.freshName();
    assertTrue(a.matches("portal_it_\\d{14}_[0-9a-z]{1,4}"), a);
    assertTrue(b.matches("portal_it_\\d{14}_[0-9a-z]{1,4}"), b);
  }
}
