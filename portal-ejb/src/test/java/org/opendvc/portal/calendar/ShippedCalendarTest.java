package org.opendvc.portal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.calendar.TimeLimitUnit.WORKING_DAYS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testdata.SharedData;

/**
 * The holidays that the migration V2 ships for 2026 and 2027: valid by the calendar's own rules,
 * the official 2026 days off, and the same working days off as the reference list beside the
 * repository (which names weekend days differently, so only weekdays are compared).
 */
class ShippedCalendarTest {

  private static final Pattern ROW =
      Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKING_DAY)', '([^']*)'\\)");

  static List<CalendarEntry> shipped() throws IOException {
    try (InputStream in =
        ShippedCalendarTest.class
            .getClassLoader()
            .getResourceAsStream("db/migration/V2__working_calendar.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<CalendarEntry> out = new ArrayList<>();
      Matcher m = ROW.matcher(sql);
      while (m.find()) {
        out.add(
            new CalendarEntry(
                LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3)));
      }
      return out;
    }
  }

  private static List<CalendarEntry> ofYear(List<CalendarEntry> all, int year, DayKind kind) {
    return all.stream().filter(e -> e.date().getYear() == year && e.kind() == kind).toList();
  }

  @Test
  void eachShippedYearPassesTheRulesAnAdministratorMeets() throws IOException {
    List<CalendarEntry> all = shipped();
    assertEquals(30, all.size());
    for (int year : List.of(2026, 2027)) {
      assertEquals(
          List.of(),
          CalendarRules.problems(
              year, ofYear(all, year, DayKind.HOLIDAY), ofYear(all, year, DayKind.WORKING_DAY)),
          "" + year);
      assertTrue(all.stream().allMatch(e -> e.name() != null), "every shipped date has a name");
    }
  }

  @Test
  void the2026DaysOffAreTheAnnouncedOnes() throws IOException {
    Set<LocalDate> holidays =
        shipped().stream()
            .filter(e -> e.date().getYear() == 2026)
            .map(CalendarEntry::date)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<LocalDate> expected = new TreeSet<>();
    for (LocalDate d = LocalDate.of(2026, 2, 14);
        !d.isAfter(LocalDate.of(2026, 2, 22));
        d = d.plusDays(1)) {
      expected.add(d);
    }
    for (String d :
        List.of(
            "2026-01-01",
            "2026-04-26",
            "2026-04-27",
            "2026-04-30",
            "2026-05-01",
            "2026-09-01",
            "2026-09-02")) {
      expected.add(LocalDate.parse(d));
    }
    assertEquals(expected, holidays);
    WorkingCalendar c = new WorkingCalendar(holidays, Set.of());
    // Friday 13 February 2026 10:00 + 2 working days: Tết until Sunday 22nd
    assertEquals(at("2026-02-24T10:00"), c.due(at("2026-02-13T10:00"), 2, WORKING_DAYS));
  }

  @Test
  void weekdaysOffMatchTheReferenceList() throws IOException {
    Path csv = SharedData.require("holidays/vn_public_holidays_2015_2030.csv");
    Set<LocalDate> reference =
        Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
            .skip(1)
            .map(l -> LocalDate.parse(l.substring(0, 10)))
            .filter(d -> d.getYear() == 2026 || d.getYear() == 2027)
            .filter(ShippedCalendarTest::weekday)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<LocalDate> ours =
        shipped().stream()
            .filter(e -> e.kind() == DayKind.HOLIDAY)
            .map(CalendarEntry::date)
            .filter(ShippedCalendarTest::weekday)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(reference, ours);
  }

  private static boolean weekday(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private static java.time.Instant at(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), WorkingCalendar.ZONE).toInstant();
  }
}
