/**
 * What the REST API and the pages share at the HTTP edge, so that a file comes in and goes out the
 * same way whichever door it uses: the one multipart reader with its limits ({@link
 * org.opendvc.portal.http.MultipartForm}), the download headers of a dossier's file and of a
 * receipt, the guard against guessing tracking codes, and the writers of the tables people download
 * (CSV, XLSX) with their file names. Depends on the domain packages of portal-ejb only; {@code api}
 * and {@code web} may both depend on it, it on neither.
 */
package org.opendvc.portal.http;
