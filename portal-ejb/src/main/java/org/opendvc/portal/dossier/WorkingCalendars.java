package org.opendvc.portal.dossier;

import org.opendvc.portal.calendar.WorkingCalendar;

/** Where the dossier service gets today's working calendar (office hours and holidays). */
public interface WorkingCalendars {

  WorkingCalendar current();
}
