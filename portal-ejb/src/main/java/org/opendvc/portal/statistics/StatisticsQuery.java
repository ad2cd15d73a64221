package org.opendvc.portal.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A request for statistics: the period (local dates, both included), what the rows are, and the
 * agency whose figures (with its sub-units) are wanted, or every agency.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, GroupBy groupBy, String agencyCode) {

  /** What one row of the answer is. */
  public enum GroupBy {
    AGENCY,
    FIELD,
    LEVEL,
    TIER,
    PROCEDURE,
    MONTH
  }

  /** The longest period a monthly trend covers. */
  public static final int MAX_MONTHS = 120;

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /**
   * Reads the request's parameters, as text: {@code period} ({@code 2026}, {@code 2026-Q3}, {@code
   * 2026-11}) or {@code from} and {@code to} (ISO dates), by default the current month up to today;
   * every problem is reported at once, by field.
   */
  public static StatisticsQuery parse(
      String from, String to, String period, String groupBy, String agencyCode, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate start = null;
    LocalDate end = null;
    if (blank(period)) {
      start = date("from", from, problems);
      end = date("to", to, problems);
    } else {
      LocalDate[] p = period(period.strip());
      if (p == null) {
        problems.add(problem("period", "statistics.badPeriod", period));
      } else {
        start = p[0];
        end = p[1];
      }
    }
    if (start == null && blank(from) && blank(period)) {
      start = (end == null ? today : end).withDayOfMonth(1);
    }
    if (end == null && blank(to) && blank(period)) {
      end =
          start != null && YearMonth.from(start).equals(YearMonth.from(today))
              ? today
              : start == null ? today : start.withDayOfMonth(start.lengthOfMonth());
    }
    if (start != null && end != null && start.isAfter(end)) {
      problems.add(problem("to", "statistics.toBeforeFrom", end, start));
    }
    GroupBy group = GroupBy.AGENCY;
    if (!blank(groupBy)) {
      try {
        group = GroupBy.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(problem("groupBy", "statistics.badGroupBy", groupBy));
      }
    }
    if (group == GroupBy.MONTH
        && start != null
        && end != null
        && YearMonth.from(start).plusMonths(MAX_MONTHS).isBefore(YearMonth.from(end))) {
      problems.add(problem("to", "statistics.tooManyMonths", MAX_MONTHS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new StatisticsQuery(start, end, group, blank(agencyCode) ? null : agencyCode.strip());
  }

  /** The first and last day of a year, quarter or month, or null. */
  static LocalDate[] period(String p) {
    try {
      Matcher q = QUARTER.matcher(p);
      if (q.matches()) {
        LocalDate start =
            LocalDate.of(
                Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
        return new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
      }
      if (YEAR.matcher(p).matches()) {
        int y = Integer.parseInt(p);
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
      }
      if (MONTH.matcher(p).matches()) {
        YearMonth m = YearMonth.parse(p);
        return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  private static LocalDate date(String field, String text, List<FieldProblem> problems) {
    if (blank(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(problem(field, "statistics.badDate", text));
      return null;
    }
  }

  private static FieldProblem problem(String field, String key, Object... args) {
    return new FieldProblem(field, key, args);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
