package org.opendvc.portal.catalogue.search;

/**
 * Fired when an admin's change to the search dictionary (a term or a national service) is written.
 * The search index takes the new dictionary once the change is committed, before the admin's
 * request answers ({@link CatalogueSearch#dictionaryChanged}); other nodes notice it through the
 * dictionary revision in the database.
 */
public record SearchDictionaryChanged() {}
