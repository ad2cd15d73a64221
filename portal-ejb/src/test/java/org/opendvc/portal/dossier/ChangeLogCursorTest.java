package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading dossier_history as a change log when ids commit out of order. */
class ChangeLogCursorTest {

  private static final long SECOND = 1_000_000_000L;

  private static ChangeLogCursor.Row row(long id, String code) {
    return new ChangeLogCursor.Row(id, code);
  }

  @Test
  void rowsInOrderMoveTheCursorOn() {
    ChangeLogCursor c = new ChangeLogCursor(10, 60 * SECOND, 100);
    assertEquals(10, c.from());
    assertEquals(List.of("A", "B"), c.advance(List.of(row(11, "A"), row(12, "B")), 0));
    assertEquals(12, c.from());
    assertEquals(List.of(), c.advance(List.of(), SECOND));
  }

  @Test
  void anIdThatCommitsLateIsStillSeen() {
    ChangeLogCursor c = new ChangeLogCursor(10, 60 * SECOND, 100);
    // 11 was inserted first but its transaction has not committed; 12 has
    assertEquals(List.of("B"), c.advance(List.of(row(12, "B")), 0));
    assertEquals(1, c.gaps());
    assertEquals(10, c.from(), "the next poll asks again from below the gap");
    // the next poll sees 12 again (already reported) and 11, now committed
    assertEquals(List.of("A", "C"), c.advance(List.of(row(11, "A"), row(12, "B"), row(13, "C")),
        SECOND));
    assertEquals(0, c.gaps());
    assertEquals(13, c.from());
  }

  @Test
  void anIdThatNeverCommitsIsForgottenAfterItsLifetime() {
    ChangeLogCursor c = new ChangeLogCursor(10, 60 * SECOND, 100);
    c.advance(List.of(row(12, "B")), 0); // 11 rolled back
    c.advance(List.of(row(12, "B")), 30 * SECOND);
    assertEquals(10, c.from());
    c.advance(List.of(row(12, "B")), 61 * SECOND);
    assertEquals(12, c.from());
  }

  @Test
  void aLongJumpKeepsOnlyTheLastIdsAsGaps() {
    ChangeLogCursor c = new ChangeLogCursor(0, 60 * SECOND, 100);
    assertEquals(List.of("Z"), c.advance(List.of(row(1_000_000, "Z")), 0));
    assertEquals(100, c.gaps());
    assertEquals(999_899, c.from());
  }
}
