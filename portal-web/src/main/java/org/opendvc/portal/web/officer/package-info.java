/**
 * The officer's pages under {@code /officer/}: the agency's work list, one dossier with the
 * actions allowed now, its files and payments, counter and postal reception, and the receipt PDF
 * and the dossier's files for the session. They call {@code org.opendvc.portal.dossier} (and
 * {@code payment}) through the signed-in person's {@code Caller}; file uploads and downloads go
 * through the reader and headers the API uses too ({@code org.opendvc.portal.http}).
 */
package org.opendvc.portal.web.officer;
