package org.opendvc.portal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.calendar.OfficeHours;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.WorkingCalendars;

/** The working calendar from the configured office hours, weekends off. */
@ApplicationScoped
public class ConfiguredWorkingCalendars implements WorkingCalendars {

  @Inject
  @ConfigProperty(name = "portal.office.hours", defaultValue = "07:00-11:30,13:30-17:00")
  private String officeHours;

  private volatile WorkingCalendar calendar;

  @Override
  public WorkingCalendar current() {
    WorkingCalendar c = calendar;
    if (c == null) {
      c = new WorkingCalendar(OfficeHours.parse(officeHours), Set.of(), Set.of(),
          WorkingCalendar.ZONE);
      calendar = c;
    }
    return c;
  }
}
