package org.opendvc.portal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.shared.FieldProblem;

/**
 * What a year of the calendar must satisfy before it replaces the stored one, and the bounds of the
 * calendar's inputs. Problems name the field as a client sent it ({@code holidays[2]}), so the REST
 * API and any later page can show every one at once.
 */
public final class CalendarRules {

  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;

  /** More entries than this in one year is a mistake (a year has about 15 holiday dates). */
  public static final int MAX_ENTRIES = 60;

  public static final int MAX_NAME = 200;

  /** The largest time limit the due-date calculation accepts, in any unit. */
  public static final long MAX_AMOUNT = 1000;

  private CalendarRules() {}

  /** A problem when the year is outside {@link #MIN_YEAR}..{@link #MAX_YEAR}. */
  public static List<FieldProblem> yearProblems(String field, int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return List.of(
          new FieldProblem(
              field,
              "calendar.yearRange",
              field,
              String.valueOf(MIN_YEAR),
              String.valueOf(MAX_YEAR)));
    }
    return List.of();
  }

  /**
   * Every problem of a year's holidays and swapped working days: dates outside the year, a date
   * listed twice or as both kinds, a working day that is not a Saturday or Sunday, a name too long,
   * too many entries. {@code null} elements (items that could not be read at all, already reported)
   * are skipped but keep their index.
   */
  public static List<FieldProblem> problems(
      int year, List<CalendarEntry> holidays, List<CalendarEntry> workingDays) {
    List<FieldProblem> problems = new ArrayList<>(yearProblems("year", year));
    Map<LocalDate, String> seen = new HashMap<>();
    check(year, "holidays", DayKind.HOLIDAY, holidays, seen, problems);
    check(year, "workingDays", DayKind.WORKING_DAY, workingDays, seen, problems);
    int total = holidays.size() + workingDays.size();
    if (total > MAX_ENTRIES) {
      problems.add(
          new FieldProblem(
              "holidays", "calendar.tooMany", String.valueOf(MAX_ENTRIES), String.valueOf(total)));
    }
    return problems;
  }

  private static void check(
      int year,
      String list,
      DayKind kind,
      List<CalendarEntry> entries,
      Map<LocalDate, String> seen,
      List<FieldProblem> problems) {
    for (int i = 0; i < entries.size(); i++) {
      CalendarEntry e = entries.get(i);
      if (e == null) {
        continue;
      }
      String field = list + "[" + i + "]";
      String date = e.date().toString();
      if (e.date().getYear() != year) {
        problems.add(
            new FieldProblem(field, "calendar.dateOutsideYear", field, date, String.valueOf(year)));
      }
      String before = seen.putIfAbsent(e.date(), field);
      if (before != null) {
        problems.add(
            new FieldProblem(
                field,
                before.startsWith(list) ? "calendar.duplicate" : "calendar.bothKinds",
                field,
                date,
                before));
      }
      if (kind == DayKind.WORKING_DAY && !isWeekend(e.date())) {
        problems.add(new FieldProblem(field, "calendar.workingDayNotWeekend", field, date));
      }
      if (e.name() != null && e.name().length() > MAX_NAME) {
        problems.add(
            new FieldProblem(field, "calendar.nameTooLong", field, String.valueOf(MAX_NAME)));
      }
    }
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
