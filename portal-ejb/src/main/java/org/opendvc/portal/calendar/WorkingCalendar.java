package org.opendvc.portal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Which days are working days and when the office is open, and the portal's deadline rule
 * (docs/domain.md §4) on top of it. Saturdays and Sundays are days off unless declared working days
 * (a swapped Saturday); public holidays are days off. Everything here is data: office hours,
 * holidays and swapped days come from configuration and the calendar an administrator keeps.
 */
public final class WorkingCalendar {

  /** The portal's time zone: Vietnam has one. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private final OfficeHours hours;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingDays;
  private final ZoneId zone;

  public WorkingCalendar(
      OfficeHours hours, Set<LocalDate> holidays, Set<LocalDate> workingDays, ZoneId zone) {
    this.hours = hours;
    this.holidays = Set.copyOf(holidays);
    this.workingDays = Set.copyOf(workingDays);
    this.zone = zone;
  }

  public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingDays) {
    this(OfficeHours.DEFAULT, holidays, workingDays, ZONE);
  }

  public OfficeHours hours() {
    return hours;
  }

  public boolean isWorkingDay(LocalDate day) {
    if (workingDays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** Whether the office is open at that moment (period start inclusive, end exclusive). */
  public boolean isOfficeTime(Instant moment) {
    LocalDateTime t = LocalDateTime.ofInstant(moment, zone);
    if (!isWorkingDay(t.toLocalDate())) {
      return false;
    }
    for (OfficeHours.Period p : hours.periods()) {
      if (!t.toLocalTime().isBefore(p.start()) && t.toLocalTime().isBefore(p.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The moment from which a dossier received at {@code moment} is counted: the moment itself in
   * office time, else the start of the next office period (17:20 on Friday counts from 07:00 on
   * Monday; 12:10 from 13:30).
   */
  public Instant countingStart(Instant moment) {
    LocalDateTime t = LocalDateTime.ofInstant(moment, zone);
    LocalDate day = t.toLocalDate();
    if (isWorkingDay(day)) {
      for (OfficeHours.Period p : hours.periods()) {
        if (t.toLocalTime().isBefore(p.end())) {
          return t.toLocalTime().isBefore(p.start()) ? at(day, p.start()) : moment;
        }
      }
    }
    return at(nextWorkingDay(day), hours.opening());
  }

  /**
   * The moment reached after {@code officeTime} of office time from {@code from}. A result that
   * falls exactly on the end of a period stays there (17:00, not 07:00 the next day).
   */
  public Instant plusOfficeTime(Instant from, Duration officeTime) {
    if (officeTime.isNegative()) {
      throw new IllegalArgumentException("office time must not be negative");
    }
    Instant start = countingStart(from);
    if (officeTime.isZero()) {
      return start;
    }
    Duration left = officeTime;
    LocalDateTime t = LocalDateTime.ofInstant(start, zone);
    LocalDate day = t.toLocalDate();
    java.time.LocalTime time = t.toLocalTime();
    // guard against a calendar with no working day at all
    for (int guard = 0; guard < 366 * 50; guard++) {
      if (isWorkingDay(day)) {
        for (OfficeHours.Period p : hours.periods()) {
          if (!time.isBefore(p.end())) {
            continue;
          }
          java.time.LocalTime from0 = time.isAfter(p.start()) ? time : p.start();
          Duration available = Duration.between(from0, p.end());
          if (left.compareTo(available) <= 0) {
            return at(day, from0).plus(left);
          }
          left = left.minus(available);
        }
      }
      day = day.plusDays(1);
      time = java.time.LocalTime.MIDNIGHT;
    }
    throw new IllegalStateException("the calendar has no working days");
  }

  /** Office time between two moments (zero when {@code to} is not after {@code from}). */
  public Duration officeTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDateTime a = LocalDateTime.ofInstant(from, zone);
    LocalDateTime b = LocalDateTime.ofInstant(to, zone);
    for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (OfficeHours.Period p : hours.periods()) {
        LocalDateTime ps = day.atTime(p.start());
        LocalDateTime pe = day.atTime(p.end());
        LocalDateTime s = ps.isAfter(a) ? ps : a;
        LocalDateTime e = pe.isBefore(b) ? pe : b;
        if (e.isAfter(s)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  /**
   * The due moment of a time limit counted from receipt, by the portal's rule (docs/domain.md §4).
   */
  public Instant due(Instant receivedAt, long amount, TimeLimitUnit unit) {
    if (amount < 0) {
      throw new IllegalArgumentException("a time limit must not be negative");
    }
    return switch (unit) {
      case WORKING_DAYS -> plusOfficeTime(receivedAt, hours.perDay().multipliedBy(amount));
      case WORKING_HOURS -> plusOfficeTime(receivedAt, Duration.ofHours(amount));
      case DAYS -> calendarDays(receivedAt, amount);
    };
  }

  /**
   * A supplement pause: the due moment moved later by the office time that passed while the dossier
   * waited (from {@code pausedAt} to {@code resumedAt}).
   */
  public Instant afterPause(Instant due, Instant pausedAt, Instant resumedAt) {
    Duration waited = officeTimeBetween(pausedAt, resumedAt);
    return waited.isZero() ? due : plusOfficeTime(due, waited);
  }

  /**
   * Calendar days count from the same start as office time (a receipt at 12:10 from 13:30, at 17:20
   * on Friday from 07:00 on Monday), so that the unit does not change when the clock starts.
   */
  private Instant calendarDays(Instant receivedAt, long days) {
    Instant reached = countingStart(receivedAt).plus(Duration.ofDays(days));
    if (isOfficeTime(reached)) {
      return reached;
    }
    LocalDateTime t = LocalDateTime.ofInstant(reached, zone);
    if (isWorkingDay(t.toLocalDate()) && t.toLocalTime().isBefore(hours.closing())) {
      return at(t.toLocalDate(), hours.closing());
    }
    return at(nextWorkingDay(t.toLocalDate()), hours.closing());
  }

  private LocalDate nextWorkingDay(LocalDate after) {
    LocalDate d = after.plusDays(1);
    for (int guard = 0; guard < 366 * 50 && !isWorkingDay(d); guard++) {
      d = d.plusDays(1);
    }
    return d;
  }

  private Instant at(LocalDate day, java.time.LocalTime time) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }
}
