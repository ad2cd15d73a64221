package org.opendvc.portal.testsupport;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Picks the database that the integration tests' Payara Micro uses, once per test run, and
 * publishes it as the system properties {@code portal.test.db.url}, {@code portal.test.db.user} and
 * {@code portal.test.db.password} (the account the portal runs as), and {@code
 * portal.test.db.owner.user} / {@code portal.test.db.owner.password} (the schema's owner, empty for
 * none), which {@code arquillian.xml} passes on to the server.
 *
 * <ol>
 *   <li>{@code PORTAL_TEST_DB_URL} (environment or system property, with optional {@code
 *       PORTAL_TEST_DB_USER} / {@code PORTAL_TEST_DB_PASSWORD} and {@code
 *       PORTAL_TEST_DB_OWNER_USER} / {@code PORTAL_TEST_DB_OWNER_PASSWORD}): used as given, never
 *       dropped;
 *   <li>else a MariaDB/MySQL answering at 127.0.0.1:3306 as {@code root} without password (the
 *       project's machines and CI): a fresh database {@code portal_it_<timestamp>_<random>} owned
 *       by {@code root}, and a fresh account of the same name without rights of its own, which the
 *       portal runs as (so every test runs with the rights the portal gives itself in production);
 *       both dropped when the run ends unless {@code PORTAL_TEST_KEEP_DB=true};
 *   <li>else an {@link EmbeddedDatabase} under {@code target/it-mariadb} (a newcomer's laptop),
 *       with a fresh database and account likewise. {@code PORTAL_TEST_EMBEDDED=true} chooses this
 *       even when a local server answers.
 * </ol>
 *
 * <p>Registered as a JUnit Platform {@link LauncherSessionListener}, so it runs before any test
 * class is even discovered; it acts only when the system property {@code portal.it} is {@code true}
 * (failsafe sets it), so unit test runs never touch a database. Tests that look into the database
 * directly use {@link #connect()}; the static accessors also work (selecting the database on first
 * use) when a test is started from an IDE without the listener having acted; it connects as the
 * owner (who may do anything to the test data), {@link #connectAsPortal()} as the account the
 * portal runs as.
 */
public final class TestDatabase implements LauncherSessionListener {

  public static final String URL_PROPERTY = "portal.test.db.url";
  public static final String USER_PROPERTY = "portal.test.db.user";
  public static final String PASSWORD_PROPERTY = "portal.test.db.password";
  public static final String OWNER_USER_PROPERTY = "portal.test.db.owner.user";
  public static final String OWNER_PASSWORD_PROPERTY = "portal.test.db.owner.password";

  static final String LOCAL_SERVER = "jdbc:mysql://127.0.0.1:3306/";

  /** Test databases older than this were left by killed runs (CI gives a run 90 minutes). */
  static final Duration ABANDONED_AFTER = Duration.ofHours(12);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  private static final Pattern FRESH_NAME = Pattern.compile("portal_it_(\\d{14})_[0-9a-z]{1,4}");
  private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
  private static final Object LOCK = new Object();
  private static volatile Selection selection;
  private static Thread cleanupHook;

  /** Called by the JUnit Platform (ServiceLoader): do not use. */
  public TestDatabase() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Boolean.getBoolean("portal.it")) {
      select();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    release();
  }

  /** The full JDBC URL of the test database. */
  public static String url() {
    return select().url();
  }

  /** The account the portal runs as. */
  public static String user() {
    return select().user();
  }

  public static String password() {
    return select().password();
  }

  /** The account that owns the schema, if the portal has one apart from {@link #user()}. */
  public static Optional<String> ownerUser() {
    return select().ownerUser();
  }

  /**
   * A new connection to the test database (close it), as the schema's owner when there is one:
   * tests may read and write any table, the append-only ones included.
   */
  public static Connection connect() throws SQLException {
    Selection s = select();
    return s.ownerUser().isPresent()
        ? DriverManager.getConnection(s.url(), s.ownerUser().get(), s.ownerPassword())
        : DriverManager.getConnection(s.url(), s.user(), s.password());
  }

  /** A new connection to the test database as the account the portal runs as (close it). */
  public static Connection connectAsPortal() throws SQLException {
    Selection s = select();
    return DriverManager.getConnection(s.url(), s.user(), s.password());
  }

  /** Where the database came from, for messages: "given", "local server" or "embedded". */
  public static String origin() {
    return select().origin();
  }

  /** Selects the database unless done already, and publishes the system properties. */
  public static Selection select() {
    Selection current = selection;
    if (current != null) {
      return current;
    }
    synchronized (LOCK) {
      if (selection == null) {
        Selection chosen = choose();
        System.setProperty(URL_PROPERTY, chosen.url());
        System.setProperty(USER_PROPERTY, chosen.user());
        System.setProperty(PASSWORD_PROPERTY, chosen.password());
        System.setProperty(OWNER_USER_PROPERTY, chosen.ownerUser().orElse(""));
        System.setProperty(OWNER_PASSWORD_PROPERTY, chosen.ownerPassword());
        LOG.info(
            () ->
                "Integration tests use "
                    + chosen.url()
                    + " as "
                    + chosen.user()
                    + chosen.ownerUser().map(o -> ", owned by " + o).orElse("")
                    + " ("
                    + chosen.origin()
                    + ")");
        selection = chosen;
        // in case the session is not closed (an IDE run, a killed fork)
        cleanupHook = new Thread(TestDatabase::release, "test-database-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
      }
      return selection;
    }
  }

  /** Drops the fresh database and stops the embedded server, as chosen at selection. */
  static void release() {
    Selection s;
    synchronized (LOCK) {
      s = selection;
      selection = null;
      if (cleanupHook != null && Thread.currentThread() != cleanupHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway
        }
      }
      cleanupHook = null;
    }
    if (s == null) {
      return;
    }
    if (s.dropAtEnd() != null) {
      if (setting("PORTAL_TEST_KEEP_DB").map(Boolean::parseBoolean).orElse(false)) {
        LOG.info(
            () ->
                "Kept the test database "
                    + s.dropAtEnd()
                    + " and its account "
                    + s.user()
                    + " (PORTAL_TEST_KEEP_DB=true): "
                    + s.url());
      } else {
        try (Connection c =
                DriverManager.getConnection(
                    s.serverUrl(), s.ownerUser().orElseThrow(), s.ownerPassword());
            Statement st = c.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS `" + s.dropAtEnd() + "`");
          Accounts.drop(c, s.user());
        } catch (SQLException e) {
          LOG.warning(
              "Could not drop the test database "
                  + s.dropAtEnd()
                  + " or its account: "
                  + e.getMessage());
        }
      }
    }
    if (s.embedded() != null) {
      s.embedded().stop();
    }
  }

  private static Selection choose() {
    Optional<String> given = setting("PORTAL_TEST_DB_URL");
    if (given.isPresent()) {
      return new Selection(
          given.get(),
          setting("PORTAL_TEST_DB_USER").orElse("root"),
          setting("PORTAL_TEST_DB_PASSWORD").orElse(""),
          setting("PORTAL_TEST_DB_OWNER_USER"),
          setting("PORTAL_TEST_DB_OWNER_PASSWORD").orElse(""),
          "given by PORTAL_TEST_DB_URL",
          null,
          null,
          null);
    }
    String name = freshName();
    String password = Accounts.randomPassword();
    boolean forceEmbedded =
        setting("PORTAL_TEST_EMBEDDED").map(Boolean::parseBoolean).orElse(false);
    if (!forceEmbedded && localServerAnswers()) {
      dropAbandonedDatabases(LOCAL_SERVER, "root", "");
      createDatabase(LOCAL_SERVER, "root", "", name, password);
      return new Selection(
          LOCAL_SERVER + name,
          name,
          password,
          Optional.of("root"),
          "",
          "fresh database on the local server",
          name,
          LOCAL_SERVER,
          null);
    }
    Path dir = buildDir().resolve("it-mariadb");
    EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, name);
    embedded.ensureAccount(name, password);
    String serverUrl = embedded.jdbcUrl("mysql");
    return new Selection(
        embedded.jdbcUrl(),
        name,
        password,
        Optional.of(embedded.user()),
        embedded.password(),
        "fresh database on an embedded MariaDB under " + dir,
        name,
        serverUrl,
        embedded);
  }

  static String freshName() {
    String stamp = LocalDateTime.now().format(STAMP);
    String random = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
    return "portal_it_" + stamp + "_" + random;
  }

  private static boolean localServerAnswers() {
    DriverManager.setLoginTimeout(5);
    try (Connection c =
        DriverManager.getConnection(
            LOCAL_SERVER + "?connectTimeout=2000&socketTimeout=10000&allowPublicKeyRetrieval=true",
            "root",
            "")) {
      return c.isValid(5);
    } catch (SQLException e) {
      LOG.info(
          () ->
              "No database at 127.0.0.1:3306 as root without password ("
                  + e.getMessage()
                  + "): using an embedded MariaDB");
      return false;
    }
  }

  /**
   * Drops the test databases and accounts of runs that were killed before they could drop their
   * own: those named {@code portal_it_<timestamp>_...} more than {@link #ABANDONED_AFTER} old.
   */
  static void dropAbandonedDatabases(String serverUrl, String user, String password) {
    LocalDateTime cutoff = LocalDateTime.now().minus(ABANDONED_AFTER);
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      List<String> abandoned = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'portal\\_it\\_%'")) {
        while (rs.next()) {
          String name = rs.getString(1);
          Matcher m = FRESH_NAME.matcher(name);
          if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(cutoff)) {
            abandoned.add(name);
          }
        }
      }
      for (String name : abandoned) {
        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        LOG.info(() -> "Dropped the abandoned test database " + name);
      }
      List<String> accounts = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT DISTINCT User FROM mysql.user"
                  + " WHERE User LIKE 'portal\\_it\\_%' AND Host = '"
                  + Accounts.HOST
                  + "'")) {
        while (rs.next()) {
          String name = rs.getString(1);
          Matcher m = FRESH_NAME.matcher(name);
          if (m.matches() && LocalDateTime.parse(m.group(1), STAMP).isBefore(cutoff)) {
            accounts.add(name);
          }
        }
      }
      for (String name : accounts) {
        Accounts.drop(c, name);
        LOG.info(() -> "Dropped the abandoned test account " + name);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warning("Could not look for abandoned test databases: " + e.getMessage());
    }
  }

  /** Creates the database and an account of the same name, with that password and no rights. */
  private static void createDatabase(
      String serverUrl, String user, String password, String name, String accountPassword) {
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      Accounts.ensure(c, name, accountPassword);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the test database " + name + " on " + serverUrl + ": " + e.getMessage(),
          e);
    }
  }

  static Path buildDir() {
    String dir = System.getProperty("portal.build.dir");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    Path module = Path.of("portal-web");
    return java.nio.file.Files.isDirectory(module.resolve("src"))
        ? module.resolve("target")
        : Path.of("target");
  }

  /** A system property of that exact name, else the environment variable. */
  static Optional<String> setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * Another fresh database on the server of the chosen one, for a test that runs a portal of its
   * own (the fault suite): its JDBC URL, or empty when the database was given by {@code
   * PORTAL_TEST_DB_URL} (no server to create one on). It is dropped when the run ends, like the
   * main one, unless {@code PORTAL_TEST_KEEP_DB=true}.
   */
  public static Optional<String> freshSibling() {
    Selection s = select();
    if (s.serverUrl() == null) {
      return Optional.empty();
    }
    String name = freshName();
    String user = s.ownerUser().orElse(s.user());
    String password = s.ownerUser().isPresent() ? s.ownerPassword() : s.password();
    try (Connection c = DriverManager.getConnection(s.serverUrl(), user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the database " + name + ": " + e.getMessage(), e);
    }
    if (!setting("PORTAL_TEST_KEEP_DB").map(Boolean::parseBoolean).orElse(false)) {
      String server = s.serverUrl();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Connection c = DriverManager.getConnection(server, user, password);
                        Statement st = c.createStatement()) {
                      st.execute("DROP DATABASE IF EXISTS `" + name + "`");
                    } catch (SQLException e) {
                      LOG.warning(
                          "Could not drop the test database " + name + ": " + e.getMessage());
                    }
                  },
                  "test-database-sibling-cleanup"));
    }
    return Optional.of(s.url().replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + name));
  }

  /**
   * The chosen database: the portal runs as {@code user}, the schema belongs to {@code ownerUser}
   * when there is one. {@code dropAtEnd} names a database (and an account of the same name, {@code
   * user}) created for this run, {@code serverUrl} reaches its server without naming it.
   */
  public record Selection(
      String url,
      String user,
      String password,
      Optional<String> ownerUser,
      String ownerPassword,
      String origin,
      String dropAtEnd,
      String serverUrl,
      EmbeddedDatabase embedded) {}
}
