package org.opendvc.portal.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Payara Server domain of the test's own, driven with {@code asadmin} as an operator would: the
 * distribution's {@code domain1} (the one docs/operations.md starts) copied to the build directory
 * on free ports, started, given system properties, deployed to and stopped. Every command has a
 * time limit; {@link #close()} stops the server (killing it if it will not stop) and is also run by
 * a shutdown hook, so a failed or interrupted test run never leaves a server behind.
 */
final class PayaraDomain implements AutoCloseable {

  static final String NAME = "portal-it";

  /**
   * A port of the distribution's domain.xml: the text around it (found once there) and its offset
   * from the port base, that of {@code create-domain --portbase}.
   */
  private record ShippedPort(String before, int port, String after, int offset) {
    String shipped() {
      return before + port + after;
    }

    String movedTo(int base) {
      return before + (base + offset) + after;
    }
  }

  private static final List<ShippedPort> SHIPPED_PORTS =
      List.of(
          new ShippedPort("address=", 9009, "\"", 9),
          new ShippedPort("port=\"", 3700, "\"", 37),
          new ShippedPort("port=\"", 3820, "\"", 38),
          new ShippedPort("port=\"", 3920, "\"", 39),
          new ShippedPort("port=\"", 4848, "\"", 48),
          new ShippedPort("das-port=\"", 4900, "\"", 49),
          new ShippedPort("start-port=\"", 5900, "\"", 59),
          new ShippedPort("telnet.port=", 6666, "<", 66),
          new ShippedPort("name=\"JMS_PROVIDER_PORT\" value=\"", 7676, "\"", 76),
          new ShippedPort("port=\"", 8080, "\"", 80),
          new ShippedPort("port=\"", 8181, "\"", 81),
          new ShippedPort("port=\"", 8686, "\"", 86));

  private final Path payaraHome;
  private final Path domainDir;
  private final Path work;
  private final int portBase;
  private final Path passwordFile;
  private volatile boolean started;
  private int commands;
  private final Thread stopHook = new Thread(this::stopQuietly, "payara-domain-stop");

  private PayaraDomain(Path payaraHome, Path work, int portBase) throws IOException {
    this.payaraHome = payaraHome;
    this.work = work;
    this.domainDir = work.resolve("domains");
    this.portBase = portBase;
    this.passwordFile = work.resolve("admin-password.txt");
    Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=\n");
  }

  /**
   * Creates a fresh domain on a free port base, replacing any left by an earlier run: a copy of the
   * distribution's own {@code domain1} (its keystores made when Payara was built) with its twelve
   * ports moved to the base, as {@code create-domain --portbase} would set them. {@code
   * create-domain} itself spends most of its 14 s waiting for six {@code keytool} runs, which it
   * polls every 2 s.
   */
  static PayaraDomain create(Path payaraHome, Path work) throws IOException {
    if (!Files.isRegularFile(cli(payaraHome))) {
      throw new IllegalStateException(
          "No Payara Server at "
              + payaraHome
              + " (maven-dependency-plugin unpacks it in pre-integration-test)");
    }
    deleteTree(work);
    Files.createDirectories(work);
    PayaraDomain domain = new PayaraDomain(payaraHome, work, freePortBase());
    Path shipped = payaraHome.resolve("glassfish/domains/domain1");
    Path copy = domain.domainDir.resolve(NAME);
    Files.createDirectories(domain.domainDir);
    copyTree(shipped, copy);
    Path config = copy.resolve("config/domain.xml");
    String xml = Files.readString(config, StandardCharsets.UTF_8);
    for (ShippedPort port : SHIPPED_PORTS) {
      String text = port.shipped();
      if (xml.indexOf(text) < 0 || xml.indexOf(text) != xml.lastIndexOf(text)) {
        throw new IllegalStateException(
            "The distribution's domain1 does not hold "
                + text
                + " exactly once: this Payara Server's domain.xml differs from the one the test"
                + " knows");
      }
      xml = xml.replace(text, port.movedTo(domain.portBase));
    }
    Files.writeString(config, xml, StandardCharsets.UTF_8);
    return domain;
  }

  int httpPort() {
    return portBase + 80;
  }

  int adminPort() {
    return portBase + 48;
  }

  Path serverLog() {
    return domainDir.resolve(NAME).resolve("logs").resolve("server.log");
  }

  void start() {
    Runtime.getRuntime().addShutdownHook(stopHook);
    started = true;
    asadmin(Duration.ofSeconds(120), "start-domain", "--domaindir", domainDir.toString(), NAME);
  }

  /** {@code create-system-properties}, escaping what asadmin would read as separators. */
  void setSystemProperties(Map<String, String> properties) {
    String joined =
        properties.entrySet().stream()
            .map(e -> e.getKey() + "=" + escape(e.getValue()))
            .collect(Collectors.joining(":"));
    remote(Duration.ofSeconds(60), "create-system-properties", joined);
  }

  void deploy(Path archive) {
    // a first deploy builds the catalogue index and migrates the schema: on a busy 2-core machine
    // that has been seen to take more than three minutes
    remote(Duration.ofSeconds(420), "deploy", archive.toString());
  }

  /** The server log's last lines, to explain a failure. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no server log at " + serverLog() + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopQuietly() {
    if (!started) {
      return;
    }
    started = false;
    try {
      asadmin(Duration.ofSeconds(60), "stop-domain", "--domaindir", domainDir.toString(), NAME);
    } catch (RuntimeException e) {
      System.err.println("stop-domain failed, killing the server: " + e.getMessage());
      try {
        asadmin(
            Duration.ofSeconds(30),
            "stop-domain",
            "--kill=true",
            "--domaindir",
            domainDir.toString(),
            NAME);
      } catch (RuntimeException again) {
        System.err.println(
            "Could not stop the Payara Server domain in " + domainDir + ": " + again.getMessage());
      }
    }
  }

  /** A command for the running domain, through its admin port. */
  private String remote(Duration limit, String command, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--port",
                Integer.toString(adminPort()),
                "--user",
                "admin",
                "--passwordfile",
                passwordFile.toString(),
                command));
    all.addAll(List.of(args));
    return asadmin(limit, all.toArray(String[]::new));
  }

  /** Runs asadmin with the test's own Java; answers its output or throws with it. */
  private synchronized String asadmin(Duration limit, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(cli(payaraHome).toString());
    command.add("--interactive=false");
    command.addAll(List.of(args));
    Path output = work.resolve(String.format("asadmin-%02d.log", ++commands));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      // asadmin and the server it starts (which inherits the environment) live a minute or two,
      // most of it starting: the quick compiler alone spares a third of the processor
      builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
      Process p = builder.start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "asadmin "
                + String.join(" ", args)
                + " took more than "
                + limit.toSeconds()
                + " s: "
                + Files.readString(output));
      }
      String out = Files.readString(output);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "asadmin " + String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running asadmin " + args[0], e);
    }
  }

  private static Path cli(Path payaraHome) {
    return payaraHome.resolve("glassfish/lib/client/appserver-cli.jar");
  }

  /** A base whose twelve domain ports are all free now (below the ephemeral port range). */
  static int freePortBase() {
    SecureRandom random = new SecureRandom();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 10_000 + random.nextInt(220) * 100;
      boolean free = true;
      for (ShippedPort port : SHIPPED_PORTS) {
        free &= isFree(base + port.offset());
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("found no free port base for the Payara Server domain");
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      s.setReuseAddress(false);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code asadmin} splits properties at ':': a colon in a value is escaped with '\'. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
