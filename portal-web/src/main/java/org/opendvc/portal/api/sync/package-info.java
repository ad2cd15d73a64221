/**
 * The agency sync: agencies' own case software publishes dossiers and their status changes ({@code
 * POST /api/v1/agency-sync/dossiers}). JSON shapes of the request and the answer, bound with JSON-B
 * and checked with Bean Validation; the work is {@code dossier.sync}'s.
 */
package org.opendvc.portal.api.sync;
