package org.opendvc.portal.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Stand-in for {@code org.opendvc.portal.testsupport.Browsers} until the shared test harness
 * lands: headless Debian chromium through the Debian chromedriver (Selenium Manager would try the
 * internet). Skips the test when chromium is missing, unless running in CI. Same method names
 * as the harness ({@code desktop()}, {@code phone()}, {@code chromium(Dimension)}).
 */
final class Browsers {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private Browsers() {}

  /** A 1280x900 browser. */
  static WebDriver desktop() {
    return chromium(new Dimension(1280, 900));
  }

  /** A 412x915 browser, a common phone's viewport. */
  static WebDriver phone() {
    return chromium(new Dimension(412, 915));
  }

  /** A browser with that window size. */
  static WebDriver chromium(Dimension window) {
    int width = window.getWidth();
    int height = window.getHeight();
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present && System.getenv("CI") == null) {
      Assumptions.abort("chromium and chromium-driver are not installed");
    }
    try {
      Path profile = Files.createTempDirectory(
          Path.of(System.getProperty("portal.build.dir", "target")), "chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
      WebDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(width, height));
      return driver;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
