/**
 * The applicant's own pages under {@code /my/}: the list of their dossiers, one dossier with the
 * actions they may take, and online submission. Page beans call {@code DossierService} with the
 * signed-in person's {@code Caller} and act on a POST only when it carries the session's form
 * token; forms with files are read as they arrive by the reader the API uses too ({@code
 * org.opendvc.portal.http}). They depend on {@code web.shared}, {@code web.account}, {@code http}
 * and the portal-ejb services.
 */
package org.opendvc.portal.web.applicant;
