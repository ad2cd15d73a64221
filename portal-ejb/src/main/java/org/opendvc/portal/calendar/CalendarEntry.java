package org.opendvc.portal.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One date of the working calendar (lịch làm việc) with its kind and, usually, a name. */
public record CalendarEntry(LocalDate date, DayKind kind, String name) {

  public CalendarEntry {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    name = name == null || name.isBlank() ? null : name.strip();
  }

  public Optional<String> nameIfAny() {
    return Optional.ofNullable(name);
  }
}
