package org.opendvc.portal.identity;

import java.time.Instant;
import java.util.Optional;

/** What a valid access token says about its bearer. */
public record TokenClaims(String username, Role role, String agencyCode, Instant expiresAt) {

  public Optional<String> agency() {
    return Optional.ofNullable(agencyCode);
  }
}
