package org.opendvc.portal.dossier.sync;

import java.util.Objects;

/**
 * The agency system that publishes: its account's username, and the agency it is scoped to (the
 * agency and every unit under it).
 */
public record Publisher(String username, String agencyCode) {

  public Publisher {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(agencyCode, "agencyCode");
  }
}
