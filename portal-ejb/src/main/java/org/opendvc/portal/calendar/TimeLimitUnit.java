package org.opendvc.portal.calendar;

/** How a time limit (thời hạn giải quyết) is counted. */
public enum TimeLimitUnit {
  /** Ngày làm việc: n × the office time of a day, counting office time only. */
  WORKING_DAYS,
  /** Giờ làm việc: n office hours. */
  WORKING_HOURS,
  /**
   * Ngày: n × 24 h of calendar time from the counting start (the next office period when received
   * outside office time), then moved to office time.
   */
  DAYS
}
