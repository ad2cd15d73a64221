package org.opendvc.portal.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

class KioskRatingTest {

  @Test
  void aScoreIsFromOneToFive() {
    assertEquals(1, KioskRating.checkedScore(1));
    assertEquals(5, KioskRating.checkedScore(5));
    for (Integer bad : new Integer[] {null, 0, 6, -1}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> KioskRating.checkedScore(bad));
      assertEquals("score", e.problems().get(0).field());
      assertEquals("kiosk.scoreRange", e.problems().get(0).messageKey());
      String vi = Messages.get(Messages.VIETNAMESE, "kiosk.scoreRange", e.problems().get(0).args());
      String en = Messages.get(Locale.ENGLISH, "kiosk.scoreRange", e.problems().get(0).args());
      assertTrue(vi.contains("từ 1 đến 5") && en.contains("from 1 to 5"), vi + " / " + en);
    }
  }

  @Test
  void aDeskCodeIsShortLowerCaseAndSafeInAnAddress() {
    for (String ok : List.of("quay-1", "1", "mot-cua-3", "q".repeat(30))) {
      assertTrue(KioskRating.isDesk(ok), ok);
    }
    for (String bad :
        List.of("", "Quay-1", "quay_1", "quầy-1", "quay/1", "quay 1", "q".repeat(31))) {
      assertFalse(KioskRating.isDesk(bad), bad);
    }
    assertFalse(KioskRating.isDesk(null));
  }

  @Test
  void aRowCountsEachScoreAndTheSatisfiedOnesBesideTheirShare() {
    KioskFigures.Row row =
        KioskFigures.Row.of("000.01", "UBND", "000.01", new long[] {1, 0, 2, 3, 4});
    assertEquals(10, row.responses());
    assertEquals(List.of(1L, 0L, 2L, 3L, 4L), row.counts());
    assertEquals(7, row.satisfied().count());
    assertEquals(10, row.satisfied().of());
    assertEquals(0.7, row.satisfied().share(), 1e-9);
    KioskFigures.Row none = KioskFigures.Row.of(null, null, null, new long[5]);
    assertNull(none.satisfied().share(), "no rating, no share (never 100 %)");
  }
}
