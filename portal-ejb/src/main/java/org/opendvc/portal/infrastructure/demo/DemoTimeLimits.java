package org.opendvc.portal.infrastructure.demo;

import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.dossier.TimeLimitRule;

/**
 * A demo procedure's time limit as the deadline rule counts it. The same mapping as
 * {@code DossierService.timeLimit} (the procedure's first stated limit: working days, calendar
 * days, working hours, a month as 30 calendar days), applied to the demo table's own limit, which
 * every channel of a demo procedure shares. {@code DemoDossiersTest} checks that both agree for
 * every demo procedure, so a change there shows up here.
 */
final class DemoTimeLimits {

  private DemoTimeLimits() {}

  static TimeLimitRule of(DemoProcedure p) {
    if (p.timeLimit() <= 0) {
      return new TimeLimitRule(5, TimeLimitUnit.WORKING_DAYS);
    }
    long n = p.timeLimit();
    return switch (p.timeUnit()) {
      case WORKING_DAYS, UNSPECIFIED -> new TimeLimitRule(n, TimeLimitUnit.WORKING_DAYS);
      case DAYS -> new TimeLimitRule(n, TimeLimitUnit.DAYS);
      case WORKING_HOURS -> new TimeLimitRule(n, TimeLimitUnit.WORKING_HOURS);
      case MONTHS -> new TimeLimitRule(n * 30, TimeLimitUnit.DAYS);
    };
  }
}
