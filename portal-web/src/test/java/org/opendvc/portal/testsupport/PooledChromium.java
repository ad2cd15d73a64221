package org.opendvc.portal.testsupport;

import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.CommandInfo;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.HttpMethod;

/**
 * A Chromium of the test JVM's pool ({@link Browsers#chromium}). Starting a browser costs a few
 * seconds of processor, as much as the page tests themselves, so {@link #quit()} does not close it:
 * it clears what a browser remembers of earlier pages (every cookie and the HTTP cache), shows a
 * blank page, puts the window back to the size it was handed out with, and keeps the browser for
 * the next test asking for the same kind: the same flags and, for an emulated phone, the same
 * screen; a window (500 px wide or more) is resized to what the next test asks for. It reads to the
 * test as a new browser: no session, no remembered choice, nothing cached. A browser that cannot be
 * cleared is closed instead.
 *
 * <p>The browsers still kept are closed when the JVM exits, before the driver stops.
 */
final class PooledChromium extends RemoteWebDriver {

  private static final Logger LOG = Logger.getLogger(PooledChromium.class.getName());

  /** ChromeDriver's command running a DevTools command in the browser. */
  private static final String CDP = "executeCdpCommand";

  /** Browsers kept unused at most: beyond it, the one unused longest is closed. */
  static final int MAX_IDLE = 6;

  /** The unused browsers, the one unused longest first. */
  private static final Deque<PooledChromium> IDLE = new ArrayDeque<>();

  /** Every open browser, in use or not. */
  private static final List<PooledChromium> ALL = new ArrayList<>();

  private final String kind;

  /** The size the test using it asked for. */
  private Dimension window;

  private boolean closed;

  /**
   * Taken by a test: a second {@code quit()} (a test's own, then its class's) hands it back once.
   */
  private boolean inUse = true;

  private PooledChromium(URL driver, ChromeOptions options, String kind) {
    super(
        new HttpCommandExecutor(
            Map.of(CDP, new CommandInfo("/session/:sessionId/goog/cdp/execute", HttpMethod.POST)),
            driver),
        options);
    this.kind = kind;
    this.window = manage().window().getSize();
  }

  /**
   * A kept browser of that kind, or a new one made from {@code options}. A kept one gets the window
   * size asked for, unless that is null (an emulated phone's screen is part of its kind).
   */
  static PooledChromium take(
      URL driver, String kind, Dimension window, Supplier<ChromeOptions> options) {
    PooledChromium kept = null;
    synchronized (IDLE) {
      for (Iterator<PooledChromium> idle = IDLE.descendingIterator(); idle.hasNext(); ) {
        PooledChromium browser = idle.next();
        if (browser.kind.equals(kind)) {
          idle.remove();
          browser.inUse = true;
          kept = browser;
          break;
        }
      }
    }
    if (kept != null) {
      if (window != null && !window.equals(kept.window)) {
        kept.manage().window().setSize(window);
        kept.window = kept.manage().window().getSize();
      }
      return kept;
    }
    PooledChromium made = new PooledChromium(driver, options.get(), kind);
    synchronized (IDLE) {
      ALL.add(made);
    }
    return made;
  }

  /** Clears the browser and keeps it for the next test (see the class comment). */
  @Override
  public void quit() {
    synchronized (IDLE) {
      if (closed || !inUse) {
        return;
      }
      inUse = false;
    }
    PooledChromium evicted = null;
    try {
      clear();
    } catch (WebDriverException e) {
      LOG.log(Level.FINE, "A browser could not be cleared: closing it", e);
      closeForGood(this);
      return;
    }
    synchronized (IDLE) {
      IDLE.addLast(this);
      if (IDLE.size() > MAX_IDLE) {
        evicted = IDLE.pollFirst();
      }
    }
    if (evicted != null) {
      closeForGood(evicted);
    }
  }

  /** Closes every browser of the pool (at the JVM's exit, before its driver stops). */
  static void closeAll() {
    List<PooledChromium> all;
    synchronized (IDLE) {
      all = new ArrayList<>(ALL);
      IDLE.clear();
    }
    all.forEach(PooledChromium::closeForGood);
  }

  private void clear() {
    try {
      switchTo().alert().dismiss();
    } catch (NoAlertPresentException none) {
      // the usual case
    }
    Set<String> windows = getWindowHandles();
    String first = windows.iterator().next();
    for (String w : windows) {
      if (!w.equals(first)) {
        switchTo().window(w).close();
      }
    }
    switchTo().window(first);
    get("about:blank");
    devTools("Network.clearBrowserCookies");
    devTools("Network.clearBrowserCache");
    if (!manage().window().getSize().equals(window)) {
      manage().window().setSize(window);
    }
  }

  private void devTools(String command) {
    execute(CDP, Map.of("cmd", command, "params", Map.of()));
  }

  private static void closeForGood(PooledChromium browser) {
    synchronized (IDLE) {
      if (browser.closed) {
        return;
      }
      browser.closed = true;
      ALL.remove(browser);
    }
    try {
      browser.stopBrowser();
    } catch (WebDriverException e) {
      LOG.log(Level.FINE, "A browser was already gone", e);
    }
  }

  private void stopBrowser() {
    super.quit();
  }
}
