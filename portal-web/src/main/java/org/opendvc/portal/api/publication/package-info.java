/**
 * REST resources of publication: the public results board as JSON and as an Atom feed per agency.
 * Answers are records serialised by JSON-B; no personal data but the masked name.
 */
package org.opendvc.portal.api.publication;
