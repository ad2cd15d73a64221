/**
 * Satisfaction (docs/satisfaction.md): applicants rate a finished dossier on the five SIPAS
 * elements, once, and the satisfaction index of an agency and period is published with the number
 * of responses beside every share; at the counter kiosk the person just served rates the officer at
 * a desk with one tap ({@code KioskService}). Depends on the dossiers (whose rating it is), the
 * agency tree and the caller's role; no page logic.
 */
package org.opendvc.portal.satisfaction;
