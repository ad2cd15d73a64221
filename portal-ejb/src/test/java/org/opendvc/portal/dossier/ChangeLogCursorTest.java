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
    assertEquals(10, c.newest());
    assertEquals(List.of("A", "B"), c.advance(List.of(row(11, "A"), row(12, "B")), 0));
    assertEquals(12, c.newest());
    assertEquals(List.of(), c.gapIds());
    assertEquals(List.of(), c.advance(List.of(), SECOND));
  }

  @Test
  void anIdThatCommitsLateIsStillSeen() {
    ChangeLogCursor c = new ChangeLogCursor(10, 60 * SECOND, 100);
    // 11 was inserted first but its transaction has not committed; 12 has
    assertEquals(List.of("B"), c.advance(List.of(row(12, "B")), 0));
    assertEquals(List.of(11L), c.gapIds(), "the next poll asks for 11 again");
    assertEquals(12, c.newest());
    // the next poll finds 11, now committed, and 13
    assertEquals(List.of("A"), c.advance(List.of(row(11, "A")), SECOND));
    assertEquals(List.of("C"), c.advance(List.of(row(13, "C")), SECOND));
    assertEquals(List.of(), c.gapIds());
    assertEquals(
        List.of(),
        c.advance(List.of(row(11, "A"), row(12, "B")), SECOND),
        "rows seen before are not reported again");
  }

  @Test
  void anIdThatNeverCommitsIsForgottenAfterItsLifetime() {
    ChangeLogCursor c = new ChangeLogCursor(10, 60 * SECOND, 100);
    c.advance(List.of(row(12, "B")), 0); // 11 rolled back
    c.advance(List.of(), 30 * SECOND);
    assertEquals(List.of(11L), c.gapIds());
    c.advance(List.of(), 61 * SECOND);
    assertEquals(List.of(), c.gapIds());
  }

  @Test
  void aLongJumpKeepsOnlyTheLastIdsAsGaps() {
    ChangeLogCursor c = new ChangeLogCursor(0, 60 * SECOND, 100);
    assertEquals(List.of("Z"), c.advance(List.of(row(1_000_000, "Z")), 0));
    assertEquals(100, c.gaps());
    assertEquals(999_900L, c.gapIds().get(0), "the ids just below the new one are kept");
  }
}
