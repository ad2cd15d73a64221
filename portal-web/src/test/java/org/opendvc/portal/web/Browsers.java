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
 * internet). Skips the test when chromium is missing, unless running in CI.
 */
final class Browsers {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private Browsers() {}

  /** A desktop-size browser. */
  static WebDriver chromium() {
    return start(1280, 1000);
  }

  /** A phone-size browser (360 px wide, the narrowest the pages support). */
  static WebDriver phone() {
    return start(360, 800);
  }

  private static WebDriver start(int width, int height) {
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
