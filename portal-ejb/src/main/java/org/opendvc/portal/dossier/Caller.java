package org.opendvc.portal.dossier;

import org.opendvc.portal.identity.Role;

/** Who is asking: the signed-in account's name, role and agency (for officers). */
public record Caller(String username, Role role, String agencyCode) {

  public boolean isOfficerOf(String agency) {
    return (role == Role.OFFICER || role == Role.AGENCY_ADMIN) && agency.equals(agencyCode);
  }
}
