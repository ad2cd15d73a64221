package org.opendvc.portal.catalogue;

/**
 * Where the catalogue stands: its revision (moved by every import and by the demo data) and the ids
 * of the newest agency and offering (moved by any row added, through the portal or not). Equal
 * versions mean the same agencies and offerings, unless rows were changed in the database by hand.
 */
public record CatalogueVersion(long revision, long lastAgencyId, long lastOfferingId) {}
