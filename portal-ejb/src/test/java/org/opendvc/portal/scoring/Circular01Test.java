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
    Circular01 e = Circular01.of(new Circular01.Facts("EARLY", 0, 0, true, true, 5, 4));
    assertEquals(16.0, e.points(), "8 criteria × 2; feedback is not measured");
    assertEquals(16, e.measuredMax());
    assertEquals(9, e.criteria().size());
    assertNull(criterion(e, "feedbackHandled").points());
  }

  @Test
  void aLateDossierTransferredTwiceWithTwoSupplementsByHand() {
    Circular01 e = Circular01.of(new Circular01.Facts("LATE", 2, 2, true, false, 3, 3));
    // total time 0, per unit not measured, supplements 0, agencies 1, one-stop 2,
    // published 0, officer 1, feedback not measured, level 3 → 1
    assertEquals(5.0, e.points());
    assertEquals(14, e.measuredMax());
    assertEquals(Scorecard.Status.NOT_MEASURED, criterion(e, "timePerUnit").status());
    assertEquals(1, criterion(e, "agenciesInvolved").points());
  }

  @Test
  void onTimeWithOneSupplementAndNoRating() {
    Circular01 e = Circular01.of(new Circular01.Facts("ON_TIME", 0, 1, true, true, null, 2));
    // 1 + 1 + 1 + 2 + 2 + 2 + (no rating) + (feedback) + 0
    assertEquals(9.0, e.points());
    assertEquals(Scorecard.Status.NO_DATA, criterion(e, "officerRating").status());
    assertEquals(14, e.measuredMax());
    assertEquals(0, Circular01.of(new Circular01.Facts("ON_TIME", 3, 0, true, true, 1, 2))
        .criteria().stream().filter(c -> c.key().equals("agenciesInvolved")).findFirst()
        .orElseThrow().points(), "four agencies or more");
  }
}
