package org.opendvc.portal.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opendvc.portal.testsupport.Accounts;
import org.opendvc.portal.testsupport.EmbeddedDatabase;
import org.opendvc.portal.testsupport.PortalProcess;

/**
 * The run command ({@code mvn -Prun} from the repository root): starts the portal on Payara Micro
 * at {@code http://localhost:8080/}, with an embedded MariaDB under the data directory unless
 * {@code PORTAL_DB_URL} names a database.
 *
 * <p>Settings come from the environment ({@code PORTAL_HTTP_PORT}...) or from system properties of
 * the same name in MicroProfile Config form ({@code portal.http.port}...); a system property wins,
 * as in MicroProfile Config: {@code PORTAL_HTTP_PORT} (8080), {@code PORTAL_DB_URL}, {@code
 * PORTAL_DB_USER} (root), {@code PORTAL_DB_PASSWORD}, {@code PORTAL_DB_OWNER_USER}, {@code
 * PORTAL_DB_OWNER_PASSWORD} (the schema's owner, see docs/operations.md), {@code PORTAL_DATA_DIR}
 * (./data), {@code PORTAL_ADMIN_PASSWORD}, {@code PORTAL_DEMO_DATA} (true here) and {@code
 * PORTAL_JAVA_OPTS} (extra JVM options for Payara Micro, e.g. {@code -Xmx1g}).
 *
 * <p>The embedded database is set up as docs/operations.md asks of a real one: its {@code root}
 * owns the schema, and the portal runs as the account {@code 'portal'@'127.0.0.1'}, which has no
 * rights of its own (the portal's start-up grants them table by table) and a random password kept
 * in {@code <data dir>/mariadb/portal.password}.
 *
 * <p>Payara Micro runs as a child process whose output is shown here; the portal is ready when
 * {@code /health/ready} answers 200. Ctrl-C (or {@code kill}) stops Payara Micro, then the embedded
 * database. A problem a person can fix (port taken, database unreachable, nothing built) ends the
 * launcher with one {@code ERROR:} line and a non-zero status.
 */
public final class PortalLauncher {

  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

  /** After Payara Micro says it is ready, how long the health check may take to agree. */
  static final Duration READY_GRACE = Duration.ofSeconds(90);

  static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  static final Duration POLL_BEFORE_READY = Duration.ofSeconds(15);
  static final String EXPIRED_CERTIFICATE_WARNING = "NCLS-SECURITY-05054";

  /** The account the portal runs as on the embedded database. */
  static final String EMBEDDED_RUNTIME_USER = "portal";

  private static final PrintStream OUT = System.out;

  private final Settings settings;
  private final long startedNanos = System.nanoTime();
  private volatile Process payara;
  private volatile EmbeddedDatabase embeddedDb;
  private volatile String embeddedPassword;
  private volatile boolean payaraSaidReady;
  private volatile String lastSevere;
  private volatile boolean stopping;
  private volatile Thread pump;

  PortalLauncher(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.read(System.getenv(), System.getProperties());
    } catch (IllegalArgumentException e) {
      fail(e.getMessage(), 2);
      return;
    }
    PortalLauncher launcher = new PortalLauncher(settings);
    int code;
    try {
      code = launcher.run();
    } catch (LaunchFailure e) {
      launcher.stop();
      fail(e.getMessage(), e.exitCode);
      return;
    }
    System.exit(code);
  }

  private static void fail(String message, int code) {
    System.out.flush();
    System.err.println();
    System.err.println("ERROR: " + message);
    System.err.flush();
    System.exit(code);
  }

  /** Starts everything, waits until Payara Micro exits, and answers its exit code. */
  int run() {
    checkFiles();
    checkPortFree(settings.port);
    String dbUrl = prepareDatabase();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "portal-launcher-stop"));
    startPayara(dbUrl);
    waitUntilReady();
    long seconds = Math.round((System.nanoTime() - startedNanos) / 1e9);
    OUT.println();
    OUT.println(
        "  Portal ready at http://localhost:" + settings.port + "/ (started in " + seconds + " s)");
    OUT.println(
        "  Database: "
            + redact(dbUrl)
            + (embeddedDb != null
                ? " (embedded, data in "
                    + embeddedDb.directory()
                    + "; the portal runs as '"
                    + EMBEDDED_RUNTIME_USER
                    + "', the schema belongs to '"
                    + embeddedDb.user()
                    + "')"
                : ""));
    OUT.println("  Press Ctrl-C to stop.");
    OUT.println();
    OUT.flush();
    try {
      int code = payara.waitFor();
      if (!stopping) {
        OUT.println("Payara Micro exited with code " + code);
        stop();
      }
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private void checkFiles() {
    if (!Files.isRegularFile(settings.microJar)) {
      throw new LaunchFailure(
          "Payara Micro is not at "
              + settings.microJar
              + ": build first with 'mvn -Prun' (or 'mvn -pl portal-web -am package') from the repository root.",
          2);
    }
    if (!Files.isRegularFile(settings.war)) {
      throw new LaunchFailure(
          "The portal WAR is not at "
              + settings.war
              + ": build first with 'mvn -Prun' (or 'mvn -pl portal-web -am package') from the repository root.",
          2);
    }
  }

  static void checkPortFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (BindException e) {
      throw new LaunchFailure(
          "Port "
              + port
              + " is already in use: stop what runs there or choose "
              + "another port, e.g. PORTAL_HTTP_PORT="
              + (port == 8080 ? 8081 : port + 1)
              + " mvn -Prun",
          3);
    } catch (IOException e) {
      throw new LaunchFailure(
          "Cannot listen on port "
              + port
              + " ("
              + e.getMessage()
              + "): choose another port with PORTAL_HTTP_PORT",
          3);
    }
  }

  /** Answers the JDBC URL the portal will use, after checking it can be reached. */
  private String prepareDatabase() {
    if (settings.dbUrl.isPresent()) {
      String url = settings.dbUrl.get();
      // the owner creates the database and gives the runtime account its rights at start-up
      if (settings.dbOwnerUser.isPresent()) {
        checkDatabase(url, settings.dbOwnerUser.get(), settings.dbOwnerPassword);
      } else {
        checkDatabase(url, settings.dbUser, settings.dbPassword);
      }
      return url;
    }
    Path dir = settings.dataDir.resolve("mariadb");
    OUT.println(
        "Starting the embedded MariaDB with data in "
            + dir
            + (Files.isDirectory(dir.resolve("data"))
                ? ""
                : " (first start: installing, about 20 s)")
            + " ...");
    try {
      embeddedDb = EmbeddedDatabase.start(dir, "portal");
      // our own hook stops Payara Micro first, then the database
      embeddedDb.detachShutdownHook();
      embeddedPassword = runtimePassword(dir.resolve("portal.password"));
      embeddedDb.ensureAccount(EMBEDDED_RUNTIME_USER, embeddedPassword);
    } catch (RuntimeException e) {
      throw new LaunchFailure(
          "The embedded database did not start: "
              + rootMessage(e)
              + ". Set PORTAL_DB_URL to use another database, or PORTAL_DATA_DIR to use another data directory.",
          4);
    }
    return embeddedDb.jdbcUrl();
  }

  /**
   * The password of the embedded database's runtime account: the one kept in the file, or a new
   * random one written there (readable by the owner only) on the first start.
   */
  static String runtimePassword(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (kept.matches("[A-Za-z0-9]{16,}")) {
          return kept;
        }
      }
      String password = Accounts.randomPassword();
      Files.createDirectories(file.getParent());
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions apply
      }
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database account's password in " + file, e);
    }
  }

  static void checkDatabase(String url, String user, String password) {
    if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
      throw new LaunchFailure(
          "PORTAL_DB_URL must be a MySQL or MariaDB JDBC URL such as "
              + "jdbc:mysql://127.0.0.1:3306/portal, not "
              + redact(url),
          4);
    }
    String probe =
        url
            + (url.contains("?") ? "&" : "?")
            + "createDatabaseIfNotExist=true&connectTimeout=5000&allowPublicKeyRetrieval=true";
    DriverManager.setLoginTimeout(10);
    try (Connection c = DriverManager.getConnection(probe, user, password)) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new LaunchFailure(
          "Cannot connect to the database "
              + redact(url)
              + " as '"
              + user
              + "': "
              + firstLine(rootMessage(e))
              + ". Check that it runs and PORTAL_DB_URL, PORTAL_DB_USER and "
              + "PORTAL_DB_PASSWORD, or unset PORTAL_DB_URL to use the embedded database.",
          4);
    }
  }

  private void startPayara(String dbUrl) {
    Path runTmp = settings.war.toAbsolutePath().getParent().resolve("payara-run-tmp");
    deleteRecursively(runTmp);
    try {
      Files.createDirectories(runTmp);
      Files.createDirectories(settings.dataDir);
    } catch (IOException e) {
      throw new LaunchFailure(
          "Cannot create " + runTmp + " or " + settings.dataDir + ": " + e.getMessage(), 2);
    }
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(settings.javaOptions);
    command.add("-Djava.io.tmpdir=" + runTmp);
    command.add("-Dfile.encoding=UTF-8");
    command.add(PortalProcess.JSON_PROVIDER);
    command.add("-Dportal.db.url=" + dbUrl);
    command.add(
        "-Dportal.db.user=" + (embeddedDb != null ? EMBEDDED_RUNTIME_USER : settings.dbUser));
    Optional<String> owner =
        embeddedDb != null ? Optional.of(embeddedDb.user()) : settings.dbOwnerUser;
    owner.ifPresent(user -> command.add("-Dportal.db.owner.user=" + user));
    command.add("-Dportal.data.dir=" + settings.dataDir);
    command.add("-Dportal.demo.data=" + settings.demoData);
    command.add("-jar");
    command.add(settings.microJar.toString());
    command.add("--deploy");
    command.add(settings.war.toString());
    command.add("--contextroot");
    command.add("/");
    command.add("--port");
    command.add(String.valueOf(settings.port));
    command.add("--nocluster");
    command.add("--disablephonehome");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Secrets go through the environment (MicroProfile Config reads PORTAL_DB_PASSWORD...),
    // so they do not show in the process list.
    Map<String, String> env = builder.environment();
    env.remove("PORTAL_DB_PASSWORD");
    env.remove("PORTAL_DB_OWNER_USER");
    env.remove("PORTAL_DB_OWNER_PASSWORD");
    env.remove("PORTAL_ADMIN_PASSWORD");
    String password = embeddedDb != null ? embeddedPassword : settings.dbPassword;
    if (!password.isEmpty()) {
      env.put("PORTAL_DB_PASSWORD", password);
    }
    String ownerPassword = embeddedDb != null ? embeddedDb.password() : settings.dbOwnerPassword;
    if (owner.isPresent() && !ownerPassword.isEmpty()) {
      env.put("PORTAL_DB_OWNER_PASSWORD", ownerPassword);
    }
    settings.adminPassword.ifPresent(p -> env.put("PORTAL_ADMIN_PASSWORD", p));
    OUT.println("Starting Payara Micro on port " + settings.port + " ...");
    try {
      payara = builder.start();
    } catch (IOException e) {
      throw new LaunchFailure(
          "Cannot start Payara Micro ("
              + String.join(" ", command.subList(0, 1))
              + "): "
              + e.getMessage(),
          5);
    }
    pump = new Thread(() -> pumpOutput(payara), "payara-output");
    pump.setDaemon(true);
    pump.start();
  }

  private void pumpOutput(Process process) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean inCertificateWarning = false;
      int hiddenCertificateWarnings = 0;
      while ((line = in.readLine()) != null) {
        // Payara's bundled trust store has expired CA certificates; each is logged as a warning
        // with a 60-line dump at every start. Show one line for all of them.
        if (line.contains(EXPIRED_CERTIFICATE_WARNING)) {
          inCertificateWarning = true;
          if (hiddenCertificateWarnings++ == 0) {
            OUT.println(
                "(warnings about expired CA certificates in Payara Micro's trust store hidden)");
          }
          continue;
        }
        if (inCertificateWarning) {
          inCertificateWarning = !line.startsWith("]]]");
          continue;
        }
        OUT.println(line);
        if (line.contains("Payara Micro") && line.contains(" ready in ")) {
          payaraSaidReady = true;
        } else if (lastSevere == null && line.contains("SEVERE")) {
          lastSevere = line;
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private void waitUntilReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://localhost:" + settings.port + "/health/ready");
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    long readySaidAt = 0;
    long lastPoll = 0;
    int lastStatus = -1;
    while (true) {
      if (!payara.isAlive()) {
        throw new LaunchFailure(
            "Payara Micro exited with code "
                + payara.exitValue()
                + " before the portal was ready; the cause is in the log above.",
            5);
      }
      // Requests sent while Payara Micro boots hang until it has deployed (and log errors when
      // they time out): poll once it says it is ready, and only now and then before.
      if (payaraSaidReady || System.nanoTime() - lastPoll > POLL_BEFORE_READY.toNanos()) {
        lastPoll = System.nanoTime();
        lastStatus = status(http, ready);
        if (lastStatus == 200) {
          return;
        }
      }
      if (payaraSaidReady && readySaidAt == 0) {
        readySaidAt = System.nanoTime();
      }
      if (readySaidAt != 0 && System.nanoTime() - readySaidAt > READY_GRACE.toNanos()) {
        throw new LaunchFailure(
            "Payara Micro started but the portal did not become ready ("
                + ready
                + " answers "
                + lastStatus
                + "); the deployment failed"
                + (lastSevere != null
                    ? ", see the first SEVERE error in the log above"
                    : ", see the log above")
                + ".",
            5);
      }
      if (System.nanoTime() > deadline) {
        throw new LaunchFailure(
            "The portal was not ready after "
                + STARTUP_TIMEOUT.toMinutes()
                + " minutes ("
                + ready
                + " answers "
                + lastStatus
                + "); see the log above.",
            5);
      }
      sleep(500);
    }
  }

  private static int status(HttpClient http, URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchFailure("Interrupted while waiting for the portal", 130);
    }
  }

  /**
   * The shutdown hook (Ctrl-C, kill): stops everything, then ends the JVM with status 0 so that a
   * deliberate stop is not reported as a failure (by Maven, for one).
   */
  private void stopOnSignal() {
    boolean wasRunning = !stopping;
    stop();
    if (wasRunning) {
      OUT.println("Portal stopped.");
      OUT.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /** Stops Payara Micro, then the embedded database; safe to call more than once. */
  synchronized void stop() {
    stopping = true;
    Process process = payara;
    if (process != null && process.isAlive()) {
      OUT.println("Stopping Payara Micro ...");
      process.destroy(); // SIGTERM: Payara Micro shuts down cleanly
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          OUT.println(
              "Payara Micro did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    Thread output = pump;
    if (output != null) {
      try {
        output.join(3000); // show the end of Payara Micro's log
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    EmbeddedDatabase db = embeddedDb;
    if (db != null) {
      OUT.println("Stopping the embedded MariaDB ...");
      db.stop();
      embeddedDb = null;
    }
    OUT.flush();
  }

  private static String javaExecutable() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.toString() : message;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.strip();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      OUT.println("Could not clean " + dir + ": " + e.getMessage());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchFailure("Interrupted while waiting for the portal", 130);
    }
  }

  /** A failure a person can act on: printed as one line, then the launcher exits. */
  static final class LaunchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    LaunchFailure(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /** The launcher's settings, from the environment and system properties. */
  record Settings(
      int port,
      Optional<String> dbUrl,
      String dbUser,
      String dbPassword,
      Optional<String> dbOwnerUser,
      String dbOwnerPassword,
      Path dataDir,
      Optional<String> adminPassword,
      boolean demoData,
      Path microJar,
      Path war,
      List<String> javaOptions) {

    static Settings read(Map<String, String> env, java.util.Properties props) {
      Lookup lookup = new Lookup(env, props);
      int port = lookup.get("PORTAL_HTTP_PORT").map(value -> parsePort(value)).orElse(8080);
      Path dataDir =
          Path.of(lookup.get("PORTAL_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
      Path microJar =
          Path.of(props.getProperty("portal.micro.jar", "portal-web/target/payara-micro.jar"))
              .toAbsolutePath()
              .normalize();
      Path war =
          Path.of(props.getProperty("portal.war", "portal-web/target/portal-web.war"))
              .toAbsolutePath()
              .normalize();
      List<String> javaOptions =
          lookup
              .get("PORTAL_JAVA_OPTS")
              .map(value -> List.of(value.trim().split("\\s+")))
              .orElse(List.of());
      return new Settings(
          port,
          lookup.get("PORTAL_DB_URL"),
          lookup.get("PORTAL_DB_USER").orElse("root"),
          lookup.get("PORTAL_DB_PASSWORD").orElse(""),
          lookup.get("PORTAL_DB_OWNER_USER"),
          lookup.get("PORTAL_DB_OWNER_PASSWORD").orElse(""),
          dataDir,
          lookup.get("PORTAL_ADMIN_PASSWORD"),
          lookup.get("PORTAL_DEMO_DATA").map(Settings::parseBoolean).orElse(true),
          microJar,
          war,
          javaOptions);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value.trim());
        if (port > 0 && port < 65536) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "PORTAL_HTTP_PORT must be a port number (1-65535), not '" + value + "'");
    }

    private static boolean parseBoolean(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("yes") || v.equals("1")) {
        return true;
      }
      if (v.equals("false") || v.equals("no") || v.equals("0")) {
        return false;
      }
      throw new IllegalArgumentException(
          "PORTAL_DEMO_DATA must be true or false, not '" + value + "'");
    }
  }

  /** PORTAL_X_Y from the system property portal.x.y, else from the environment; blank is unset. */
  private record Lookup(Map<String, String> env, java.util.Properties props) {
    Optional<String> get(String envName) {
      String property = envName.toLowerCase(Locale.ROOT).replace('_', '.');
      String value = props.getProperty(property);
      if (value == null || value.isBlank()) {
        value = env.get(envName);
      }
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
  }
}
