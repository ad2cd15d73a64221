/**
 * The administrator's pages under {@code /admin/}: the working calendar (holidays and swapped
 * working days) with a due-date preview. They call {@code org.opendvc.portal.calendar} through the
 * same path as the calendar API.
 */
package org.opendvc.portal.web.admin;
