package org.opendvc.portal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the calendar service that need no database: settings and the year's shape. */
class CalendarServiceTest {

  @Test
  void officeHoursComeFromTheSetting() {
    assertEquals(
        OfficeHours.DEFAULT, CalendarService.officeHours(CalendarService.DEFAULT_OFFICE_HOURS));
    assertEquals(
        Duration.ofHours(8), CalendarService.officeHours("07:30-11:30, 13:00-17:00").perDay());
  }

  @Test
  void aWrongOfficeHoursSettingStopsWithAMessageThatNamesIt() {
    for (String wrong :
        List.of(
            "",
            "7-17",
            "07:00-11:30;13:30-17:00",
            "17:00-07:00",
            "07:00-12:00,11:00-17:00",
            "25:00-26:00")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> CalendarService.officeHours(wrong), wrong);
      assertTrue(
          e.getMessage().contains("portal.office.hours")
              && e.getMessage().contains("PORTAL_OFFICE_HOURS")
              && e.getMessage().contains("07:00-11:30,13:30-17:00"),
          e.getMessage());
    }
  }

  @Test
  void aYearListsItsDatesInOrderByKind() {
    CalendarYear y =
        new CalendarYear(
            2026,
            List.of(
                new CalendarEntry(LocalDate.parse("2026-04-30"), DayKind.HOLIDAY, "30/4"),
                new CalendarEntry(LocalDate.parse("2026-03-07"), DayKind.WORKING_DAY, " "),
                new CalendarEntry(LocalDate.parse("2026-01-01"), DayKind.HOLIDAY, null)));
    assertEquals(
        List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-30")), y.holidays());
    assertEquals(List.of(LocalDate.parse("2026-03-07")), y.workingDays());
    assertEquals(LocalDate.parse("2026-03-07"), y.entries().get(1).date());
    assertEquals(null, y.entries().get(1).name(), "a blank name is no name");
  }
}
