/**
 * REST resources of the working calendar: a year's holidays and swapped working days (read by
 * anyone, replaced by an administrator) and the due-date calculation. Depends on the calendar
 * service of portal-ejb.
 */
package org.opendvc.portal.api.calendar;
