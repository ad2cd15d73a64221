package org.opendvc.portal.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** The entries of one year of the working calendar, in date order. */
public record CalendarYear(int year, List<CalendarEntry> entries) {

  public CalendarYear {
    entries = entries.stream().sorted(Comparator.comparing(CalendarEntry::date)).toList();
  }

  public List<LocalDate> holidays() {
    return dates(DayKind.HOLIDAY);
  }

  public List<LocalDate> workingDays() {
    return dates(DayKind.WORKING_DAY);
  }

  private List<LocalDate> dates(DayKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).map(CalendarEntry::date).toList();
  }
}
