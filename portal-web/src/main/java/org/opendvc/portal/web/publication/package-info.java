/**
 * The public results board page, {@code /results}: finished dossiers with their timeliness, by
 * agency, field, level, timeliness and period. Depends on {@code publication} and
 * {@code web.shared}.
 */
package org.opendvc.portal.web.publication;
