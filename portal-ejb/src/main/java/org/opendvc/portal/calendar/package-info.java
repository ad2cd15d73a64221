/**
 * The working calendar (lịch làm việc): office hours, public holidays and swapped working days,
 * and the portal's deadline rule (docs/DOMAIN.md §4) that turns a receipt moment and a time limit
 * into a due moment. Pure domain code; depends on nothing else in the portal.
 */
package org.opendvc.portal.calendar;
