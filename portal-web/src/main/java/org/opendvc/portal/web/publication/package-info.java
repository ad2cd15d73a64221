/**
 * The public pages of what agencies publish: the results board, {@code /results} (finished
 * dossiers with their timeliness, by agency, field, level, timeliness and period), and the
 * statistics, {@code /statistics} (the 06a figures, charts and online uptake of any period).
 * Depends on {@code publication}, {@code statistics} and {@code web.shared}.
 */
package org.opendvc.portal.web.publication;
