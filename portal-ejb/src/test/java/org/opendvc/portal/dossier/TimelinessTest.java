package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Timeliness by status: a withdrawn dossier has none; the others are classified as before. */
class TimelinessTest {

  private static final Instant DUE = Instant.parse("2026-03-10T10:00:00Z");
  private static final Instant BEFORE = Instant.parse("2026-03-05T03:00:00Z");
  private static final Instant AFTER = Instant.parse("2026-03-20T03:00:00Z");

  @Test
  void aWithdrawnDossierIsNeitherWithinTimeNorOverdue() {
    assertEquals(
        Optional.empty(),
        Timeliness.of(DossierStatus.CANCELLED, DUE, null, 0, BEFORE),
        "withdrawn before the due date");
    assertEquals(
        Optional.empty(),
        Timeliness.of(DossierStatus.CANCELLED, DUE, null, 0, AFTER),
        "withdrawn, due date passed");
    assertEquals(
        Optional.empty(),
        Timeliness.of(DossierStatus.CANCELLED, null, null, 0, AFTER),
        "withdrawn before acceptance");
  }

  @Test
  void dossiersInProgressAreWithinTimeOrOverdue() {
    assertEquals(
        Optional.of(Timeliness.WITHIN_TIME),
        Timeliness.of(DossierStatus.PROCESSING, DUE, null, 0, BEFORE));
    assertEquals(
        Optional.of(Timeliness.OVERDUE), Timeliness.of(DossierStatus.WAITING, DUE, null, 0, AFTER));
  }

  @Test
  void finishedDossiersAreEarlyOnTimeOrLate() {
    assertEquals(
        Optional.of(Timeliness.EARLY), Timeliness.of(DossierStatus.DONE, DUE, BEFORE, 0, AFTER));
    assertEquals(
        Optional.of(Timeliness.LATE), Timeliness.of(DossierStatus.RELEASING, DUE, AFTER, 0, AFTER));
    assertEquals(
        Optional.of(Timeliness.ON_TIME),
        Timeliness.of(DossierStatus.UNRESOLVED, DUE, DUE, 0, AFTER));
    assertEquals(
        Optional.of(Timeliness.LATE),
        Timeliness.of(DossierStatus.DONE, DUE, BEFORE, 2, AFTER),
        "two supplement requests");
  }

  @Test
  void theTrackingViewOfAWithdrawnDossierCarriesNoTimeliness() {
    TrackingView withdrawn =
        new TrackingView(
            "000.01.31.H91-260301-0001",
            "9.001001",
            "p",
            "000.01.31.H91",
            "a",
            DossierStatus.CANCELLED,
            BEFORE,
            DUE,
            null,
            0,
            java.util.List.of());
    assertEquals(Optional.empty(), withdrawn.timeliness(AFTER));
    TrackingView processing =
        new TrackingView(
            "000.01.31.H91-260301-0001",
            "9.001001",
            "p",
            "000.01.31.H91",
            "a",
            DossierStatus.PROCESSING,
            BEFORE,
            DUE,
            null,
            0,
            java.util.List.of());
    assertEquals(Optional.of(Timeliness.OVERDUE), processing.timeliness(AFTER));
  }
}
