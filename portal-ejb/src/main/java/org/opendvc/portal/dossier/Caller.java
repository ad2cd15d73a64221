package org.opendvc.portal.dossier;

import org.opendvc.portal.identity.Role;

/** Who is asking: the signed-in account's name, role and agency (for officers). */
public record Caller(String username, Role role, String agencyCode) {

  /** Whether this is an officer or agency admin of exactly this agency ({@link AccessPolicy}). */
  public boolean isOfficerOf(String agency) {
    return AccessPolicy.isStaffOf(this, agency);
  }
}
