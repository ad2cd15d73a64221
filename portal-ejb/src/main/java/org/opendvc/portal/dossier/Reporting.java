package org.opendvc.portal.dossier;

import java.time.Instant;
import java.util.Objects;
import org.opendvc.portal.calendar.WorkingCalendar;

/**
 * Who reports changes of a dossier from an agency's own case software, and what sets its due moment
 * where a change does not name one.
 *
 * @param system the agency code of the reporting system's account: its changes are numbered within
 *     it
 * @param actor the username of that account, kept in the history as the step's actor
 * @param appointment the appointment the system gave at receipt, the due moment from acceptance
 *     when the accepting change names none; null: the procedure's time limit from acceptance
 * @param rule the procedure's time limit
 * @param calendar the working calendar (acceptance, and the pause while a supplement is awaited)
 */
public record Reporting(
    String system,
    String actor,
    Instant appointment,
    TimeLimitRule rule,
    WorkingCalendar calendar) {

  public Reporting {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(calendar, "calendar");
  }
}
