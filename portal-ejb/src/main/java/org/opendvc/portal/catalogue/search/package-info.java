/**
 * Full-text search of the catalogue: an in-process Apache Lucene index of the procedures, built
 * from the database at start and rebuilt when the catalogue revision changes. Folds Vietnamese
 * tones and "đ", forgives one typo per word, ranks by BM25 with boosts for the exact name and
 * phrases, and counts facets. {@code CatalogueSearch} answers the pages' and the API's searches and
 * counts, and rebuilds at once when an import on this node announces {@code CatalogueChanged}.
 * Depends on {@code catalogue} and {@code shared}; {@code catalogue} does not depend on it.
 */
package org.opendvc.portal.catalogue.search;
