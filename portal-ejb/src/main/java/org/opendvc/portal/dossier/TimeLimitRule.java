package org.opendvc.portal.dossier;

import java.time.Instant;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;

/** A procedure's time limit as the deadline rule counts it: an amount and a unit. */
public record TimeLimitRule(long amount, TimeLimitUnit unit) {

  public Instant due(WorkingCalendar calendar, Instant receivedAt) {
    return calendar.due(receivedAt, amount, unit);
  }
}
