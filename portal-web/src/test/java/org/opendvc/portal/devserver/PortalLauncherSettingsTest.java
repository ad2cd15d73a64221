package org.opendvc.portal.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalLauncherSettingsTest {

  @Test
  void defaultsForTheRunCommand() {
    PortalLauncher.Settings s = PortalLauncher.Settings.read(Map.of(), new Properties());
    assertEquals(8080, s.port());
    assertEquals(Optional.empty(), s.dbUrl());
    assertEquals("root", s.dbUser());
    assertEquals("", s.dbPassword());
    assertEquals(Path.of("data").toAbsolutePath().normalize(), s.dataDir());
    assertTrue(s.demoData(), "demo data is on by default for the run command");
    assertEquals(Optional.empty(), s.adminPassword());
  }

  @Test
  void environmentAndSystemPropertiesBothWorkAndPropertiesWin() {
    Properties props = new Properties();
    props.setProperty("portal.http.port", "18090");
    props.setProperty("portal.demo.data", "false");
    Map<String, String> env =
        Map.of(
            "PORTAL_HTTP_PORT", "9999",
            "PORTAL_DB_URL", "jdbc:mysql://db:3306/p",
            "PORTAL_ADMIN_PASSWORD", "s3cret-Admin",
            "PORTAL_DATA_DIR", "/srv/portal");
    PortalLauncher.Settings s = PortalLauncher.Settings.read(env, props);
    assertEquals(18090, s.port());
    assertFalse(s.demoData());
    assertEquals(Optional.of("jdbc:mysql://db:3306/p"), s.dbUrl());
    assertEquals(Optional.of("s3cret-Admin"), s.adminPassword());
    assertEquals(Path.of("/srv/portal"), s.dataDir());
  }

  @Test
  void blankValuesCountAsUnset() {
    PortalLauncher.Settings s =
        PortalLauncher.Settings.read(Map.of("PORTAL_DB_URL", " "), new Properties());
    assertEquals(Optional.empty(), s.dbUrl());
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    IllegalArgumentException port =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PortalLauncher.Settings.read(Map.of("PORTAL_HTTP_PORT", "80a"), new Properties()));
    assertTrue(port.getMessage().contains("PORTAL_HTTP_PORT"), port.getMessage());
    IllegalArgumentException demo =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PortalLauncher.Settings.read(
                    Map.of("PORTAL_DEMO_DATA", "maybe"), new Properties()));
    assertTrue(demo.getMessage().contains("PORTAL_DEMO_DATA"), demo.getMessage());
  }

  @Test
  void aTakenPortIsReportedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      PortalLauncher.LaunchFailure failure =
          assertThrows(
              PortalLauncher.LaunchFailure.class,
              () -> PortalLauncher.checkPortFree(taken.getLocalPort()));
      assertTrue(failure.getMessage().contains("PORTAL_HTTP_PORT"), failure.getMessage());
    }
  }

  @Test
  void passwordsInUrlsAreHidden() {
    assertEquals(
        "jdbc:mysql://h/p?user=a&password=***&x=1",
        PortalLauncher.redact("jdbc:mysql://h/p?user=a&password=secret&x=1"));
  }

  @Test
  void theSchemasOwnerIsASettingOfItsOwn() {
    PortalLauncher.Settings none = PortalLauncher.Settings.read(Map.of(), new Properties());
    assertEquals(Optional.empty(), none.dbOwnerUser());
    assertEquals("", none.dbOwnerPassword());
    Properties props = new Properties();
    props.setProperty("portal.db.owner.user", "portal_owner");
    PortalLauncher.Settings owned =
        PortalLauncher.Settings.read(Map.of("PORTAL_DB_OWNER_PASSWORD", "o-secret"), props);
    assertEquals(Optional.of("portal_owner"), owned.dbOwnerUser());
    assertEquals("o-secret", owned.dbOwnerPassword());
  }

  @Test
  void theEmbeddedRuntimeAccountsPasswordIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mariadb").resolve("portal.password");
    String first = PortalLauncher.runtimePassword(file);
    assertTrue(first.matches("[A-Za-z0-9]{24}"), first);
    assertEquals(first, PortalLauncher.runtimePassword(file), "the same password at every start");
    if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              java.nio.file.Files.getPosixFilePermissions(file)));
    }
    java.nio.file.Files.writeString(file, "");
    String replaced = PortalLauncher.runtimePassword(file);
    assertTrue(replaced.matches("[A-Za-z0-9]{24}"), "an emptied file gets a new password");
  }
}
