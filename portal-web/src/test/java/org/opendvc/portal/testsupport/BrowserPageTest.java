package org.opendvc.portal.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * A page test in headless Chromium against the deployed portal: the browser the test opens (closed
 * after each test), the portal's address, the check that nothing scrolls sideways, and screenshots
 * into {@code target/screenshots}.
 */
public abstract class BrowserPageTest extends PortalIntegrationTest {

  /** The browser of the current test, if it opened one. */
  protected WebDriver browser;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  /** The portal's address without a trailing slash. */
  protected String base() {
    String url = portal.url().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The page in {@link #browser} is no wider than the window. */
  protected void assertFitsTheWindow(String what) {
    assertFitsTheWindow(browser, what);
  }

  /** The page in {@code b} is no wider than the window. */
  protected static void assertFitsTheWindow(WebDriver b, String what) {
    Number overflow =
        (Number)
            ((JavascriptExecutor) b)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(overflow.intValue() <= 0, what + " scrolls sideways by " + overflow + " px");
  }

  /** A screenshot of {@link #browser} as {@code target/screenshots/<name>.png}. */
  protected void screenshot(String name) {
    screenshot(browser, name);
  }

  /** A screenshot of {@code b} as {@code target/screenshots/<name>.png}. */
  protected static void screenshot(WebDriver b, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = ((TakesScreenshot) b).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(file, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
