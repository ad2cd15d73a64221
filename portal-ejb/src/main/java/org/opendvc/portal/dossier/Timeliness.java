package org.opendvc.portal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opendvc.portal.calendar.WorkingCalendar;

/**
 * How a dossier stands against its appointment date (Decision 766 practice, docs/domain.md §5):
 * finished early, on time or late; in progress within time or overdue.
 */
public enum Timeliness {
  EARLY,
  ON_TIME,
  LATE,
  WITHIN_TIME,
  OVERDUE;

  /**
   * How a dossier in the given status stands, or nothing when timeliness does not apply to it: a
   * dossier withdrawn at the applicant's request (status 7) was neither resolved nor is it still
   * being processed, so it is neither early, on time, late, within time nor overdue.
   */
  public static Optional<Timeliness> of(
      DossierStatus status,
      Instant dueAt,
      Instant finishedAt,
      int supplementRequests,
      Instant now) {
    if (status == DossierStatus.CANCELLED) {
      return Optional.empty();
    }
    return Optional.of(of(dueAt, finishedAt, supplementRequests, now));
  }

  /**
   * Classifies a dossier that timeliness applies to (see the method above). Finished ones compare
   * the day processing ended with the appointment date (waiting for a supplement is already added
   * to it); more than one supplement request counts as late. Ones in progress compare today with
   * the appointment date.
   */
  public static Timeliness of(
      Instant dueAt, Instant finishedAt, int supplementRequests, Instant now) {
    if (finishedAt != null) {
      if (supplementRequests > 1) {
        return LATE;
      }
      if (dueAt == null) {
        return ON_TIME;
      }
      LocalDate finished = day(finishedAt);
      LocalDate due = day(dueAt);
      return finished.isBefore(due) ? EARLY : finished.isAfter(due) ? LATE : ON_TIME;
    }
    return dueAt != null && day(now).isAfter(day(dueAt)) ? OVERDUE : WITHIN_TIME;
  }

  private static LocalDate day(Instant t) {
    return t.atZone(WorkingCalendar.ZONE).toLocalDate();
  }

  /** The label people read: the timeliness, or "not applicable" for a withdrawn dossier. */
  public static String label(Optional<Timeliness> timeliness, java.util.Locale locale) {
    return org.opendvc.portal.shared.Messages.get(
        locale, "timeliness." + timeliness.map(Enum::name).orElse("none"));
  }
}
