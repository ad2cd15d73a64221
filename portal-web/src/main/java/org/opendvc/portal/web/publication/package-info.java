/**
 * The public results board page, {@code /results}: finished dossiers with their timeliness, by
 * agency, field, level, timeliness and period; and the open data page, {@code /open-data}: the
 * datasets, their downloads and their fields. Depends on {@code publication}, {@code opendata}
 * and {@code web.shared}.
 */
package org.opendvc.portal.web.publication;
