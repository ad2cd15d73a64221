package org.opendvc.portal.calendar;

/** What a date of the working calendar is, when it is not what its weekday says. */
public enum DayKind {
  /** Ngày nghỉ lễ, Tết or a compensatory day off (nghỉ bù): no office time that day. */
  HOLIDAY,
  /** Ngày làm việc bù: a Saturday or Sunday declared a working day, in exchange for a day off. */
  WORKING_DAY;

  /** The kind named exactly (any case), if there is one. */
  public static java.util.Optional<DayKind> parse(String name) {
    for (DayKind k : values()) {
      if (k.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
