/**
 * The working calendar (lịch làm việc): office hours, public holidays and swapped working days, and
 * the portal's deadline rule (docs/domain.md §4) that turns a receipt moment and a time limit into
 * a due moment. {@link org.opendvc.portal.calendar.WorkingCalendar} and the rules are pure domain
 * code; {@link org.opendvc.portal.calendar.CalendarService} keeps the calendar as data in the
 * database (tables {@code calendar_day}, {@code calendar_state}) and depends on nothing else in the
 * portal but {@code shared}.
 */
package org.opendvc.portal.calendar;
