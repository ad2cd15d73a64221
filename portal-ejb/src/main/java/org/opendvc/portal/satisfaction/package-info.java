/**
 * Satisfaction (docs/satisfaction.md): applicants rate a finished dossier on the five SIPAS
 * elements, once, and the satisfaction index of an agency and period is published with the number
 * of responses beside every share. Depends on the dossiers (whose rating it is) and reads the
 * agency tree; no page logic.
 */
package org.opendvc.portal.satisfaction;
