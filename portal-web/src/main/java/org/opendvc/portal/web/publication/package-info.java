/**
 * The public pages of what agencies publish: the results board, {@code /results} (finished dossiers
 * with their timeliness, by agency, field, level, timeliness and period), the statistics, {@code
 * /statistics} (the 06a figures, charts and online uptake of any period), the open data page,
 * {@code /open-data} (the datasets, their downloads and their fields), the satisfaction index,
 * {@code /satisfaction}, and the scorecard, {@code /scorecard}. Depends on {@code publication},
 * {@code statistics}, {@code opendata}, {@code satisfaction}, {@code scoring} and {@code
 * web.shared}.
 */
package org.opendvc.portal.web.publication;
