package org.opendvc.portal.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.ProcedureDetails;

/** A procedure's time limit as the deadline rule counts it: an amount and a unit. */
public record TimeLimitRule(long amount, TimeLimitUnit unit) {

  /** Where a procedure states no usable limit. */
  public static final TimeLimitRule DEFAULT = new TimeLimitRule(5, TimeLimitUnit.WORKING_DAYS);

  /** A procedure's limit: the first one its channels state, else {@link #DEFAULT}. */
  public static TimeLimitRule of(ProcedureDetails details) {
    for (ProcedureDetails.ChannelTerms c : details.channels()) {
      for (ProcedureDetails.TimeLimit t : c.timeLimits()) {
        if (t.amount() != null && t.amount().signum() > 0) {
          return of(t.amount(), t.unit());
        }
      }
    }
    return DEFAULT;
  }

  /**
   * One stated limit: a number without a unit counts as working days (the usual unit), a month as
   * 30 calendar days; no positive amount gives {@link #DEFAULT}.
   */
  public static TimeLimitRule of(BigDecimal amount, ProcedureDetails.TimeUnit unit) {
    if (amount == null || amount.signum() <= 0) {
      return DEFAULT;
    }
    long n = amount.setScale(0, RoundingMode.CEILING).longValueExact();
    return switch (unit) {
      case WORKING_DAYS, UNSPECIFIED -> new TimeLimitRule(n, TimeLimitUnit.WORKING_DAYS);
      case DAYS -> new TimeLimitRule(n, TimeLimitUnit.DAYS);
      case WORKING_HOURS -> new TimeLimitRule(n, TimeLimitUnit.WORKING_HOURS);
      case MONTHS -> new TimeLimitRule(n * 30, TimeLimitUnit.DAYS);
    };
  }

  public Instant due(WorkingCalendar calendar, Instant receivedAt) {
    return calendar.due(receivedAt, amount, unit);
  }
}
