/**
 * Dossiers published by agencies' own case software (docs/domain.md §4): a batch of dossiers and
 * their status changes in the national sync shape, upserted one record per transaction, each
 * checked against the publishing system's scope. Depends on {@code dossier}, {@code catalogue},
 * {@code calendar} and {@code shared}.
 */
package org.opendvc.portal.dossier.sync;
