package org.opendvc.portal.calendar;

/** What a date of the working calendar is, when it is not what its weekday says. */
public enum DayKind {
  /** Ngày nghỉ lễ, Tết or a compensatory day off (nghỉ bù): no office time that day. */
  HOLIDAY,
  /** Ngày làm việc bù: a Saturday or Sunday declared a working day, in exchange for a day off. */
  WORKING_DAY
}
