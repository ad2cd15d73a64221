package org.opendvc.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, using Debian's packages (never Selenium Manager, which would
 * try to download a browser): {@code /usr/bin/chromedriver} and the headless shell ({@code
 * chromium-headless-shell}, Blink without the desktop browser around it, which renders the same
 * pages for about half the processor), or the full {@code chromium} where only that is installed.
 * Every browser is a session of the JVM's one ChromeDriver, kept for the next test once cleared
 * ({@link PooledChromium}), and waits look every 50 ms: a driver per browser, a browser per test
 * and WebDriver's half-second polling made up most of the browser tests' time.
 *
 * <p>When Chromium is not installed the calling test is skipped with a message saying how to
 * install it; on CI ({@code CI=true}) it fails instead, since {@code .ci/run} installs it.
 *
 * <pre>
 * WebDriver browser = Browsers.desktop();      // 1280x900
 * WebDriver phone = Browsers.phone();          // 412x915
 * try { ... } finally { browser.quit(); }
 * </pre>
 */
public final class Browsers {

  /** Debian's headless shell: the binary itself, not the shell script in /usr/bin. */
  public static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

  /** The browser the tests run: the headless shell when installed, else the full Chromium. */
  public static final Path CHROMIUM =
      Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL : Path.of("/usr/bin/chromium");

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Dimension DESKTOP = new Dimension(1280, 900);
  public static final Dimension PHONE = new Dimension(412, 915);

  /** The flags proven on the project's machines (docs/STACK.md). */
  public static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  private static final int MIN_WINDOW_WIDTH = 500;
  private static final AtomicInteger PROFILES = new AtomicInteger();

  /** How often waits look again. */
  public static final Duration POLL = Duration.ofMillis(50);

  private static ChromeDriverService driver;

  private Browsers() {}

  /**
   * Clicks the element (a form's submit button) and waits until the browser has left the page it
   * was on. Chromium may answer "node does not belong to the document" instead of "stale" while the
   * old page goes away; both mean the next page is coming.
   */
  public static void clickAndWaitForNextPage(WebDriver browser, By button) {
    WebElement before = browser.findElement(By.tagName("main"));
    browser.findElement(button).click();
    waitUpTo(browser, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(ExpectedConditions.stalenessOf(before));
  }

  /** A 1280x900 browser. */
  public static WebDriver desktop() {
    return chromium(DESKTOP);
  }

  /**
   * A phone: a 412x915 viewport (CSS pixels) with mobile emulation, since Chromium keeps windows at
   * least 500 px wide. Pages get the phone's width only with a {@code <meta name="viewport"
   * content="width=device-width">}, as on a real phone.
   */
  public static WebDriver phone() {
    return chromium(PHONE);
  }

  /**
   * A browser with that window size and any extra Chromium flags (e.g. "--lang=vi"), as a new one
   * would be: no cookies, nothing cached, a blank page. It is a session of the JVM's one
   * ChromeDriver ({@link #driver()}), taken from the JVM's pool of browsers ({@link
   * PooledChromium}): its {@code quit()} clears it and hands it back for the next test, since
   * starting a browser costs a few seconds of processor.
   */
  public static WebDriver chromium(Dimension window, String... extraFlags) {
    boolean phone = window.getWidth() < MIN_WINDOW_WIDTH;
    String flags = String.join(" ", extraFlags);
    String kind = phone ? "phone " + window.getWidth() + "x" + window.getHeight() : "window";
    return PooledChromium.take(
        driver(), kind + " " + flags, phone ? null : window, () -> options(window, extraFlags));
  }

  /**
   * Waits up to that long, looking every {@link #POLL} (WebDriver's own default, 500 ms, would add
   * a quarter of a second on average to every wait).
   */
  public static WebDriverWait waitUpTo(WebDriver browser, Duration timeout) {
    return new WebDriverWait(browser, timeout, POLL);
  }

  /**
   * The JVM's ChromeDriver, started on first use and stopped when the JVM exits, after the pool's
   * browsers are closed (a browser outliving its driver would run on). A {@code ChromeDriver} of
   * its own per browser would stop its driver on {@code quit()}, waiting half a second for it every
   * time.
   */
  private static synchronized URL driver() {
    if (driver == null) {
      ChromeDriverService service = service();
      try {
        service.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start " + CHROMEDRIVER, e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    PooledChromium.closeAll();
                    service.stop();
                  },
                  "chromedriver-stop"));
      driver = service;
    }
    return driver.getUrl();
  }

  /** The options {@link #chromium} uses, for tests that need to add to them. */
  public static ChromeOptions options(Dimension window, String... extraFlags) {
    requireChromium();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    if (CHROMIUM.equals(HEADLESS_SHELL)) {
      // ChromeDriver opens the first page itself only when told the browser is the headless shell
      options.setCapability(CapabilityType.BROWSER_NAME, "chrome-headless-shell");
    }
    options.addArguments(FLAGS);
    options.addArguments(
        "--window-size="
            + Math.max(window.getWidth(), MIN_WINDOW_WIDTH)
            + ","
            + window.getHeight());
    if (window.getWidth() < MIN_WINDOW_WIDTH) {
      // Chromium will not make a window narrower than 500 px, even headless: emulate the phone's
      // viewport (CSS pixels, touch, mobile layout) instead.
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  window.getWidth(),
                  "height",
                  window.getHeight(),
                  "pixelRatio",
                  1.0,
                  "mobile",
                  true,
                  "touch",
                  true)));
    }
    options.addArguments("--user-data-dir=" + freshProfileDir());
    options.addArguments(extraFlags);
    options.setPageLoadTimeout(Duration.ofSeconds(60));
    return options;
  }

  private static ChromeDriverService service() {
    requireChromium();
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(TestDatabase.buildDir().resolve("chromedriver.log").toFile())
        .build();
  }

  /** Skips the calling test (fails it on CI) unless Chromium and its driver are installed. */
  public static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (present) {
      return;
    }
    String message =
        "Chromium is not installed ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): "
            + "install it with 'sudo apt-get install -y chromium-headless-shell chromium-driver'"
            + " to run the browser tests";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message + " (CI=true: .ci/run should have installed it)");
    }
    Assumptions.abort(message);
  }

  /** A new, empty Chromium profile under target/chromium-profiles. */
  static String freshProfileDir() {
    Path root = TestDatabase.buildDir().toAbsolutePath().resolve("chromium-profiles");
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, "profile-" + PROFILES.incrementAndGet() + "-")
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
