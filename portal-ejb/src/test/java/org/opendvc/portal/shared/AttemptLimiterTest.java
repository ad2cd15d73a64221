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

  @Test
  void aKeyThatMustWaitGoesOnWaitingWhenAHundredThousandOtherKeysFail() {
    AttemptLimiter perAddress = new AttemptLimiter(10, 600, now::get);
    for (int i = 0; i < 10; i++) {
      perAddress.failed("guesser");
    }
    long waiting = perAddress.secondsToWait("guesser");
    assertEquals(600, waiting);
    // the same client invents addresses (or names) to push it out of the node's memory
    for (int i = 0; i < AttemptLimiter.MAX_KEYS; i++) {
      perAddress.failed("flood-" + i);
      if (i % 10_000 == 0) {
        now.addAndGet(1_000);
      }
    }
    assertEquals(waiting - 10, perAddress.secondsToWait("guesser"), "still limited");
    now.addAndGet(600_000);
    assertEquals(0, perAddress.secondsToWait("guesser"), "its window has passed");
  }

  @Test
  void aKeyRemembersNoMoreFailuresThanItsLimit() {
    for (int i = 0; i < 1_000; i++) {
      limiter.failed("a");
      now.addAndGet(1);
    }
    // the last three failures count: the wait ends when the third last leaves the window
    assertEquals(60, limiter.secondsToWait("a"));
    now.addAndGet(60_000 - 3);
    assertEquals(0, limiter.secondsToWait("a"));
  }
}
