package org.opendvc.portal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.calendar.TimeLimitUnit.DAYS;
import static org.opendvc.portal.calendar.TimeLimitUnit.WORKING_DAYS;
import static org.opendvc.portal.calendar.TimeLimitUnit.WORKING_HOURS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deadline rule of docs/domain.md §4, with its own examples first. */
class WorkingCalendarTest {

  /** Tết 2026 off from 14 to 22 February, Hùng Kings' day observed on Monday 27 April. */
  private static final Set<LocalDate> HOLIDAYS_2026 =
      Stream.of(
              "2026-01-01",
              "2026-02-14",
              "2026-02-15",
              "2026-02-16",
              "2026-02-17",
              "2026-02-18",
              "2026-02-19",
              "2026-02-20",
              "2026-02-21",
              "2026-02-22",
              "2026-04-27",
              "2026-04-30",
              "2026-05-01",
              "2026-09-01",
              "2026-09-02")
          .map(LocalDate::parse)
          .collect(Collectors.toSet());

  private static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());
  private static final WorkingCalendar Y2026 = new WorkingCalendar(HOLIDAYS_2026, Set.of());

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE).toInstant();
  }

  private static void assertDue(
      WorkingCalendar c, String received, long n, TimeLimitUnit unit, String expected) {
    assertEquals(at(expected), c.due(at(received), n, unit), received + " + " + n + " " + unit);
  }

  // 2026-03-02 is a Monday.

  @Test
  void theExamplesOfTheRule() {
    assertDue(PLAIN, "2026-03-02T09:00", 1, WORKING_DAYS, "2026-03-03T09:00");
    assertDue(PLAIN, "2026-03-06T16:30", 3, WORKING_DAYS, "2026-03-11T16:30");
    assertDue(PLAIN, "2026-03-04T10:00", 3, DAYS, "2026-03-09T17:00");
  }

  @Test
  void receiptOutsideOfficeTimeCountsFromTheNextPeriod() {
    assertEquals(at("2026-03-09T07:00"), PLAIN.countingStart(at("2026-03-06T17:20")));
    assertEquals(at("2026-03-02T13:30"), PLAIN.countingStart(at("2026-03-02T12:10")));
    assertEquals(at("2026-03-02T07:00"), PLAIN.countingStart(at("2026-03-02T05:45")));
    assertEquals(
        at("2026-03-02T13:30"),
        PLAIN.countingStart(at("2026-03-02T11:30")),
        "the end of a period is already outside it");
    assertEquals(at("2026-03-02T09:15"), PLAIN.countingStart(at("2026-03-02T09:15")));
    assertDue(PLAIN, "2026-03-06T17:20", 1, WORKING_HOURS, "2026-03-09T08:00");
    assertDue(PLAIN, "2026-03-02T12:10", 1, WORKING_HOURS, "2026-03-02T14:30");
    assertDue(PLAIN, "2026-03-07T10:00", 2, WORKING_HOURS, "2026-03-09T09:00");
  }

  @Test
  void aDueMomentAtTheEndOfAPeriodStaysThere() {
    assertDue(PLAIN, "2026-03-02T07:00", 1, WORKING_DAYS, "2026-03-02T17:00");
    assertDue(PLAIN, "2026-03-02T07:00", 9, WORKING_HOURS, "2026-03-03T08:00");
    assertDue(PLAIN, "2026-03-02T09:00", 2, WORKING_HOURS, "2026-03-02T11:00");
    assertEquals(
        at("2026-03-02T11:30"),
        PLAIN.plusOfficeTime(at("2026-03-02T07:00"), Duration.ofMinutes(270)));
  }

  @Test
  void calendarDaysLandInOfficeTime() {
    assertDue(PLAIN, "2026-03-02T10:00", 1, DAYS, "2026-03-03T10:00");
    // Saturday 16:30 is not a working day: 17:00 of the next one
    assertDue(PLAIN, "2026-03-06T16:30", 1, DAYS, "2026-03-09T17:00");
    // a limit of 0 days received in office time is due at once
    assertDue(PLAIN, "2026-03-02T10:00", 0, DAYS, "2026-03-02T10:00");
    // received 12:00, counted from 13:30: Tuesday 13:30 is office time
    assertDue(PLAIN, "2026-03-02T12:00", 1, DAYS, "2026-03-03T13:30");
    // received 06:00, counted from 07:00 (a period's start is inside it)
    assertDue(PLAIN, "2026-03-02T06:00", 1, DAYS, "2026-03-03T07:00");
    // received 18:00 Monday, counted from 07:00 Tuesday
    assertDue(PLAIN, "2026-03-02T18:00", 1, DAYS, "2026-03-04T07:00");
    // received 18:00 Thursday, counted from 07:00 Friday: Saturday 07:00 is not a working day
    assertDue(PLAIN, "2026-03-05T18:00", 1, DAYS, "2026-03-09T17:00");
  }

  /**
   * Receipt outside office time counts from the start of the next office period for calendar days
   * too: the n × 24 h start there, not at the raw moment of receipt.
   */
  @Test
  void calendarDaysCountFromTheNextOfficePeriod() {
    // 12:10 counts from 13:30: Thursday 13:30, not Thursday 12:10 moved to 17:00
    assertDue(PLAIN, "2026-03-04T12:10", 1, DAYS, "2026-03-05T13:30");
    // 17:20 Friday counts from 07:00 Monday
    assertDue(PLAIN, "2026-03-06T17:20", 1, DAYS, "2026-03-10T07:00");
    assertDue(PLAIN, "2026-03-06T17:20", 3, DAYS, "2026-03-12T07:00");
    // received on Saturday: counted from Monday 07:00, 2 days later is Wednesday 07:00
    assertDue(PLAIN, "2026-03-07T10:00", 2, DAYS, "2026-03-11T07:00");
    // before opening: counted from 07:00 the same day
    assertDue(PLAIN, "2026-03-04T06:30", 2, DAYS, "2026-03-06T07:00");
    assertDue(PLAIN, "2026-03-04T06:30", 0, DAYS, "2026-03-04T07:00");
    // the end of a period is outside it: 11:30 counts from 13:30, 17:00 from 07:00 next day
    assertDue(PLAIN, "2026-03-04T11:30", 1, DAYS, "2026-03-05T13:30");
    assertDue(PLAIN, "2026-03-04T17:00", 1, DAYS, "2026-03-06T07:00");
    // the start of a period is inside it: 13:30 and 07:00 count as they are
    assertDue(PLAIN, "2026-03-04T13:30", 1, DAYS, "2026-03-05T13:30");
    assertDue(PLAIN, "2026-03-04T07:00", 1, DAYS, "2026-03-05T07:00");
    // 16:59 is office time: Saturday 16:59 is not a working day, so Monday 17:00
    assertDue(PLAIN, "2026-03-06T16:59", 1, DAYS, "2026-03-09T17:00");
    // received on the 30 April holiday: counted from Monday 4 May 07:00 (1 May is off too)
    assertDue(Y2026, "2026-04-30T10:00", 1, DAYS, "2026-05-05T07:00");
    // received Wednesday 29 April 12:10, counted from 13:30: Thursday 30 April 13:30 is a
    // holiday, Friday 1 May too, so 17:00 on Monday 4 May
    assertDue(Y2026, "2026-04-29T12:10", 1, DAYS, "2026-05-04T17:00");
    // received on the eve of Tết after closing: counted from Monday 23 February 07:00
    assertDue(Y2026, "2026-02-13T17:30", 1, DAYS, "2026-02-24T07:00");
  }

  /** Months are 30 calendar days (TimeLimitRule), so they follow the same start. */
  @Test
  void hoursAndMonthsCountFromTheNextOfficePeriodToo() {
    assertDue(PLAIN, "2026-03-04T12:10", 2, WORKING_HOURS, "2026-03-04T15:30");
    assertDue(PLAIN, "2026-03-06T17:20", 8, WORKING_HOURS, "2026-03-09T17:00");
    // one month = 30 days from Monday 2 March 07:00 (received Sunday 1 March): Wednesday 1 April
    assertDue(PLAIN, "2026-03-01T20:00", 30, DAYS, "2026-04-01T07:00");
  }

  @Test
  void holidaysAndTetAreSkipped() {
    assertFalse(Y2026.isWorkingDay(LocalDate.parse("2026-02-17")));
    assertTrue(Y2026.isWorkingDay(LocalDate.parse("2026-02-23")));
    // Friday 13 Feb 10:00: 5 h that day, then Tết until Sunday 22 Feb
    assertDue(Y2026, "2026-02-13T10:00", 2, WORKING_DAYS, "2026-02-24T10:00");
    assertDue(Y2026, "2026-02-13T10:00", 5, DAYS, "2026-02-23T17:00");
    // Thursday 30 April and Friday 1 May off
    assertDue(Y2026, "2026-04-29T16:00", 1, WORKING_DAYS, "2026-05-04T16:00");
    // Monday 27 April, compensatory day for Hùng Kings' day on Sunday
    assertDue(Y2026, "2026-04-24T16:00", 1, WORKING_DAYS, "2026-04-28T16:00");
  }

  @Test
  void aSwappedSaturdayIsAWorkingDay() {
    WorkingCalendar swapped =
        new WorkingCalendar(
            Set.of(LocalDate.parse("2026-03-09")), Set.of(LocalDate.parse("2026-03-07")));
    assertTrue(swapped.isWorkingDay(LocalDate.parse("2026-03-07")));
    assertDue(swapped, "2026-03-06T16:00", 1, WORKING_DAYS, "2026-03-07T16:00");
    assertDue(swapped, "2026-03-07T16:00", 1, WORKING_DAYS, "2026-03-10T16:00");
  }

  @Test
  void aSupplementPauseAddsTheOfficeTimeSpentWaiting() {
    Instant due = PLAIN.due(at("2026-03-06T16:30"), 3, WORKING_DAYS);
    assertEquals(at("2026-03-11T16:30"), due);
    // waited Monday 09:00 to 15:00: 2.5 h + 1.5 h of office time
    assertEquals(
        Duration.ofHours(4),
        PLAIN.officeTimeBetween(at("2026-03-09T09:00"), at("2026-03-09T15:00")));
    assertEquals(
        at("2026-03-12T10:30"),
        PLAIN.afterPause(due, at("2026-03-09T09:00"), at("2026-03-09T15:00")));
    // over a weekend only office time counts: Friday 16:00-17:00 and Monday 07:00-08:00
    assertEquals(
        Duration.ofHours(2),
        PLAIN.officeTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T08:00")));
    // a pause outside office time moves nothing
    assertEquals(due, PLAIN.afterPause(due, at("2026-03-07T09:00"), at("2026-03-08T20:00")));
    // a due moment at 17:00 moved by one hour is 08:00 the next working day
    assertEquals(
        at("2026-03-03T08:00"),
        PLAIN.afterPause(at("2026-03-02T17:00"), at("2026-03-02T09:00"), at("2026-03-02T10:00")));
  }

  @Test
  void officeHoursAreConfiguration() {
    WorkingCalendar other =
        new WorkingCalendar(
            OfficeHours.parse("07:30-11:30,13:00-17:00"), Set.of(), Set.of(), WorkingCalendar.ZONE);
    assertEquals(Duration.ofHours(8), other.hours().perDay());
    assertDue(other, "2026-03-02T12:10", 1, WORKING_HOURS, "2026-03-02T14:00");
    assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("11:00-07:00"));
    assertThrows(
        IllegalArgumentException.class, () -> OfficeHours.parse("07:00-12:00,11:00-17:00"));
    assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse("bảy giờ"));
    assertThrows(IllegalArgumentException.class, () -> PLAIN.due(at("2026-03-02T09:00"), -1, DAYS));
  }
}
