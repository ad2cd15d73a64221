/**
 * The service-quality scorecard (docs/scorecard.md): a 100-point index per agency and for the
 * province in the five groups of Decision 766 (transparency 18, progress 20, digitisation 22,
 * online services 22, satisfaction 18), each indicator with the figures and formula behind its
 * points, and a league table. {@code Scorecard} is the pure rule; {@code ScorecardService} gathers
 * the figures from the statistics, the catalogue, the dossiers' files and payments and the ratings.
 * No page logic.
 */
package org.opendvc.portal.scoring;
