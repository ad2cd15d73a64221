package org.opendvc.portal.ear;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The EAR test's own empty database and accounts on the MariaDB/MySQL at 127.0.0.1:3306 (the
 * project's machines and CI), made the way docs/operations.md tells an operator to: a database in
 * utf8mb4, an owner account with all rights on it (and the right to grant them), and the account
 * the portal runs as, without rights of its own, each with a password. All are dropped by {@link
 * #close()} unless {@code PORTAL_TEST_KEEP_DB=true}.
 */
final class ServerDatabase implements AutoCloseable {

  static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
  private static final String ADMIN_USER = "root";
  private static final String ADMIN_PASSWORD = "";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private final String name;
  private final String user;
  private final String password;
  private final String owner;
  private final String ownerPassword;

  private ServerDatabase(
      String name, String user, String password, String owner, String ownerPassword) {
    this.name = name;
    this.user = user;
    this.password = password;
    this.owner = owner;
    this.ownerPassword = ownerPassword;
  }

  /** Why the server cannot be used, or empty when it answers. */
  static Optional<String> unreachable() {
    DriverManager.setLoginTimeout(5);
    try (Connection c = admin()) {
      return c.isValid(5) ? Optional.empty() : Optional.of("the connection is not valid");
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  static ServerDatabase create() throws SQLException {
    SecureRandom random = new SecureRandom();
    String suffix =
        LocalDateTime.now().format(STAMP)
            + "_"
            + Integer.toString(random.nextInt(36 * 36 * 36 * 36), 36);
    String password = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "Aa1";
    String ownerPassword = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "Bb2";
    ServerDatabase db =
        new ServerDatabase(
            "portal_ear_it_" + suffix,
            "ear_it_" + suffix,
            password,
            "ear_ow_" + suffix,
            ownerPassword);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE `" + db.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      s.execute("CREATE USER '" + db.owner + "'@'%' IDENTIFIED BY '" + ownerPassword + "'");
      s.execute("GRANT ALL ON `" + db.name + "`.* TO '" + db.owner + "'@'%' WITH GRANT OPTION");
      s.execute("CREATE USER '" + db.user + "'@'%' IDENTIFIED BY '" + password + "'");
    }
    return db;
  }

  String url() {
    return SERVER + name;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String owner() {
    return owner;
  }

  String ownerPassword() {
    return ownerPassword;
  }

  /** A connection as the schema's owner (close it). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        url() + "?allowPublicKeyRetrieval=true", owner, ownerPassword);
  }

  /** A connection as the account the portal runs as (close it). */
  Connection connectAsPortal() throws SQLException {
    return DriverManager.getConnection(url() + "?allowPublicKeyRetrieval=true", user, password);
  }

  @Override
  public void close() {
    if (Boolean.parseBoolean(System.getenv("PORTAL_TEST_KEEP_DB"))) {
      System.out.println(
          "Kept the test database "
              + name
              + " and its accounts "
              + user
              + ", "
              + owner
              + " (PORTAL_TEST_KEEP_DB=true)");
      return;
    }
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
      s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
      s.execute("DROP USER IF EXISTS '" + owner + "'@'%'");
    } catch (SQLException e) {
      System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(
        SERVER + "?connectTimeout=2000&allowPublicKeyRetrieval=true", ADMIN_USER, ADMIN_PASSWORD);
  }
}
