/**
 * The statistics of how dossiers were received and resolved (the monthly "06a" report of
 * docs/domain.md §5): flows per day, agency and procedure kept up to date in the transaction of
 * every status change ({@link org.opendvc.portal.statistics.StatisticsLedger}), summed over any
 * period ({@link org.opendvc.portal.statistics.StatisticsService}), and recounted from the raw
 * history to prove them ({@link org.opendvc.portal.statistics.StatisticsRecount}). No page logic.
 * Depends on {@code dossier}, {@code catalogue}, {@code calendar} and {@code shared}.
 */
package org.opendvc.portal.statistics;
