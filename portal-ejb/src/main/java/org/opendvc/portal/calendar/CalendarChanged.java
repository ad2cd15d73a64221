package org.opendvc.portal.calendar;

/**
 * Fired when an administrator's change to the working calendar is written. This node reads the
 * calendar again once the change is committed, before the administrator's request answers ({@link
 * CalendarService#calendarChanged}); other nodes notice it through the calendar revision in the
 * database.
 */
public record CalendarChanged() {}
