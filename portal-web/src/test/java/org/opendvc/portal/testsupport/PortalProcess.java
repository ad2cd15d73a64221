package org.opendvc.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built portal on a Payara Micro of its own, as an operating-system process a test may kill:
 * for the fault suite, which needs a portal it can {@code kill -9} and a database it can take away,
 * unlike the one server the other integration tests share. Its output goes to a log file under the
 * build directory.
 */
public final class PortalProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofMinutes(5);

  /**
   * Names the server's own JSON provider (Parsson), as docs/operations.md advises: else every use
   * of {@code jakarta.json.Json} looks it up again through the service loader.
   */
  public static final String JSON_PROVIDER =
      "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

  /** {@code nice}, where the system has it (it runs the command in its own process). */
  private static final Path NICE = Path.of("/usr/bin/nice");

  private final List<String> command;
  private final Path log;
  private final int port;
  private Process process;
  private int starts;

  private PortalProcess(List<String> command, Path log, int port) {
    this.command = command;
    this.log = log;
    this.port = port;
  }

  /**
   * A portal on a free port with the given settings ({@code portal.*} system properties), not yet
   * started.
   */
  public static PortalProcess with(String name, Map<String, String> settings) {
    Path buildDir = TestDatabase.buildDir().toAbsolutePath();
    String microJar =
        System.getProperty("payara.microJar", buildDir.resolve("payara-micro.jar").toString());
    String war = System.getProperty("portal.war", buildDir.resolve("portal-web.war").toString());
    int port = freePort();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(NICE)) {
      // a step behind the run's shared portal when both want the processor (they start at the same
      // moment, and the shared portal's start is what every other class waits for); idle
      // processor is still all this one's
      command.addAll(List.of(NICE.toString(), "-n", "5"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // a portal of a few minutes spends most of its processor starting: the quick compiler alone
    // halves that (measured on the fault suite's portal); the run's shared portal keeps the
    // optimizing compiler for its hottest methods (arquillian.xml), which its thousands of sign-ins
    // and requests need
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + buildDir);
    command.add("-Dfile.encoding=UTF-8");
    command.add(JSON_PROVIDER);
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            microJar,
            "--deploy",
            war,
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--disablephonehome"));
    return new PortalProcess(command, buildDir.resolve(name + ".log"), port);
  }

  /** Where the portal answers once started. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public Path log() {
    return log;
  }

  /** Starts the server and waits until its readiness check is UP. */
  public PortalProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  starts++ == 0
                      ? ProcessBuilder.Redirect.to(log.toFile())
                      : ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    Http http = Http.at(base()).withTimeout(Duration.ofSeconds(5));
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the portal stopped while starting (exit " + process.exitValue() + "); see " + log);
      }
      try {
        if (http.getJson("/health/ready").status() == 200) {
          return this;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      sleep(500);
    }
    throw new IllegalStateException("the portal was not ready within " + STARTUP + "; see " + log);
  }

  /** {@code kill -9}: the process gets no chance to finish anything. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the killed portal did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  /** The server's log so far. */
  public String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
