/**
 * The officer's pages under {@code /officer/}: the agency's work list, one dossier with the actions
 * allowed now, its files and payments, counter and postal reception, the receipt PDF and the
 * dossier's files for the session; and the counter kiosk {@code /kiosk/{desk}}, which the officer
 * opens for the people served to rate them. They call {@code org.opendvc.portal.dossier} (and
 * {@code payment}, {@code satisfaction}) through the signed-in person's {@code Caller}; file
 * uploads and downloads go through the reader and headers the API uses too ({@code
 * org.opendvc.portal.http}).
 */
package org.opendvc.portal.web.officer;
