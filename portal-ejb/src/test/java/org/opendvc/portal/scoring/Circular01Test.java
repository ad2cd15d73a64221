package org.opendvc.portal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Circular 01/2018 evaluations of single dossiers, by hand (docs/scorecard.md). */
class Circular01Test {

  private static Circular01.Criterion criterion(Circular01 e, String key) {
    return e.criteria().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void anEarlyOnlineDossierRatedWellEarnsEverythingMeasured() {
    Circular01 e = Circular01.of(new Circular01.Facts("EARLY", 0, 0, true, true, 5, 4, 0, 0));
    assertEquals(18.0, e.points(), "9 criteria × 2; no feedback is full points");
    assertEquals(18, e.measuredMax());
    assertEquals(9, e.criteria().size());
  }

  @Test
  void aLateDossierTransferredTwiceWithTwoSupplementsByHand() {
    Circular01 e = Circular01.of(new Circular01.Facts("LATE", 2, 2, true, false, 3, 3, 2, 1));
    // total time 0, per unit not measured, supplements 0, agencies 1, one-stop 2,
    // published 0, officer 1, feedback answered late 0, level 3 → 1
    assertEquals(5.0, e.points());
    assertEquals(16, e.measuredMax());
    assertNull(criterion(e, "timePerUnit").points());
    assertEquals(Scorecard.Status.NOT_MEASURED, criterion(e, "timePerUnit").status());
    assertEquals(1, criterion(e, "agenciesInvolved").points());
  }

  @Test
  void onTimeWithOneSupplementAndNoRating() {
    Circular01 e = Circular01.of(new Circular01.Facts("ON_TIME", 0, 1, true, true, null, 2, 1, 0));
    // 1 + 1 + 1 + 2 + 2 + 2 + (no rating) + feedback handled on time 1 + 0
    assertEquals(10.0, e.points());
    assertEquals(Scorecard.Status.NO_DATA, criterion(e, "officerRating").status());
    assertEquals(16, e.measuredMax());
    assertEquals(
        0,
        Circular01.of(new Circular01.Facts("ON_TIME", 3, 0, true, true, 1, 2, 0, 0))
            .criteria()
            .stream()
            .filter(c -> c.key().equals("agenciesInvolved"))
            .findFirst()
            .orElseThrow()
            .points(),
        "four agencies or more");
  }
}
