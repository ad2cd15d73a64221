/**
 * The one view of a dossier that the applicant's page ({@code web.applicant}) and the officer's
 * page ({@code web.officer}) both show: its status, dates and deadline, applicant, timeline with
 * the units' names, e-form answers with their labels, the papers promised at the counter, files and
 * payments, formatted for the page. What only one of them shows, and the actions, stay in their
 * page beans. Depends on {@code web.shared} and the portal-ejb services.
 */
package org.opendvc.portal.web.dossier;
