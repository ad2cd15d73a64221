/**
 * The portal's public figures and lists as tables to download (dữ liệu mở): the statistics and
 * their online uptake, the finished dossiers of the results board, and the catalogue of offered
 * procedures. Each table names its columns (the same names as the JSON fields of the API) and their
 * types, and hands its rows over one by one, so that a long list is written while it is read. No
 * personal data beyond the results board's masked name. Depends on {@code statistics}, {@code
 * publication}, {@code dossier}, {@code catalogue}, {@code calendar} and {@code shared}.
 */
package org.opendvc.portal.opendata;
