/**
 * The open data downloads, {@code GET /api/v1/open-data/{dataset}.{csv|json}}: the datasets of
 * {@code portal-ejb}'s {@code opendata} written as CSV (by {@code http.CsvWriter}) or as one JSON
 * document with the licence, the source, the period and the fields before the rows.
 */
package org.opendvc.portal.api.opendata;
