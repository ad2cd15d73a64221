package org.opendvc.portal.catalogue;

/**
 * Fired (synchronously) when an import on this node has changed the catalogue, so that what is
 * built from it, such as the search index, is rebuilt before the import answers. Other nodes notice
 * the change through the catalogue revision in the database.
 */
public record CatalogueChanged() {}
