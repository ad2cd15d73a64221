package org.opendvc.portal.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The office periods of a working day, by default 07:00–11:30 and 13:30–17:00 (8 hours). A province
 * sets its own in configuration, e.g. {@code "07:30-11:30,13:00-17:00"}.
 */
public record OfficeHours(List<Period> periods) {

  public static final OfficeHours DEFAULT = parse("07:00-11:30,13:30-17:00");

  /**
   * One office period, start inclusive, end exclusive for receipt and inclusive for due moments.
   */
  public record Period(LocalTime start, LocalTime end) {
    public Period {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException(
            "an office period must end after it starts: " + start + "-" + end);
      }
    }

    public Duration length() {
      return Duration.between(start, end);
    }
  }

  public OfficeHours {
    periods = List.copyOf(periods);
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("office hours need at least one period");
    }
    for (int i = 1; i < periods.size(); i++) {
      if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
        throw new IllegalArgumentException("office periods must be in order and not overlap");
      }
    }
  }

  /** Reads {@code "HH:mm-HH:mm,HH:mm-HH:mm"}. */
  public static OfficeHours parse(String text) {
    List<Period> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] ends = part.strip().split("-");
      if (ends.length != 2) {
        throw new IllegalArgumentException("office period '" + part + "' is not HH:mm-HH:mm");
      }
      periods.add(new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
    }
    return new OfficeHours(periods);
  }

  /** Office time in one working day (8 hours by default): the length of a "working day". */
  public Duration perDay() {
    return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
  }

  public LocalTime opening() {
    return periods.get(0).start();
  }

  public LocalTime closing() {
    return periods.get(periods.size() - 1).end();
  }
}
