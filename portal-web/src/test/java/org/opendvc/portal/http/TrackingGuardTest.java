package org.opendvc.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.AttemptLimiter;

class TrackingGuardTest {

  private static final String CODE = "000.01.31.H91-261201-0001";

  @Test
  void oneCodeGuessedFromManyAddressesMakesEveryAddressWaitForThatCode() {
    TrackingGuard guard =
        new TrackingGuard(new AttemptLimiter(10, 600), new AttemptLimiter(30, 600));
    for (int address = 0; address < 10; address++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(0, guard.secondsToWait("10.0.0." + address, CODE));
        guard.failed("10.0.0." + address, CODE);
      }
    }
    // no address reached its own limit, but the code did
    assertTrue(guard.secondsToWait("10.0.0.99", CODE) > 0);
    assertTrue(guard.secondsToWait("10.0.0.99", CODE.toLowerCase()) > 0, "the code in any case");
    assertEquals(
        0, guard.secondsToWait("10.0.0.99", "000.01.31.H91-261201-0002"), "other codes go on");
  }

  @Test
  void oneAddressGuessingManyCodesWaitsForEveryCode() {
    TrackingGuard guard =
        new TrackingGuard(new AttemptLimiter(10, 600), new AttemptLimiter(30, 600));
    for (int i = 0; i < 10; i++) {
      guard.failed("10.0.0.1", "000.01.31.H91-261201-" + (1000 + i));
    }
    assertTrue(guard.secondsToWait("10.0.0.1", CODE) > 0);
    assertEquals(0, guard.secondsToWait("10.0.0.2", CODE));
  }
}
