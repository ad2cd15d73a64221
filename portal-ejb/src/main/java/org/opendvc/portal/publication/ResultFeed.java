package org.opendvc.portal.publication;

import java.util.List;

/** The newest finished dossiers of an agency and the units under it, newest first. */
public record ResultFeed(String agencyCode, String agencyName, List<PublishedResult> entries) {

  public ResultFeed {
    entries = List.copyOf(entries);
  }
}
