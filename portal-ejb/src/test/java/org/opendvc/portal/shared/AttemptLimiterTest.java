package org.opendvc.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AttemptLimiter limiter = new AttemptLimiter(3, 60, now::get);

  @Test
  void waitsOnlyAfterTheThirdFailureUntilTheOldestLeavesTheWindow() {
    limiter.failed("a");
    now.addAndGet(10_000);
    limiter.failed("a");
    assertEquals(0, limiter.secondsToWait("a"));
    limiter.failed("a");
    assertEquals(50, limiter.secondsToWait("a"), "the first failure leaves the window in 50 s");
    assertEquals(0, limiter.secondsToWait("b"), "other keys go on");
    now.addAndGet(50_001);
    assertEquals(0, limiter.secondsToWait("a"));
  }

  @Test
  void successForgetsTheFailures() {
    limiter.failed("a");
    limiter.failed("a");
    limiter.failed("a");
    limiter.succeeded("a");
    assertEquals(0, limiter.secondsToWait("a"));
  }
}
