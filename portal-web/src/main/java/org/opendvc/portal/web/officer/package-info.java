/**
 * The officer's pages under {@code /officer/}: the agency's work list, one dossier with the
 * actions allowed now, counter and postal reception, and the receipt PDF for the session. They
 * call {@code org.opendvc.portal.dossier} only, through the signed-in person's {@code Caller}.
 */
package org.opendvc.portal.web.officer;
