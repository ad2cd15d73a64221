package org.opendvc.portal.dossier;

import java.util.Objects;

/**
 * Who takes a step on a dossier, as its history keeps it: the account's username and the unit
 * (agency code) the officer acts for; an applicant acts for no unit.
 */
public record ActedBy(String username, String unitCode) {

  public ActedBy {
    Objects.requireNonNull(username, "username");
  }

  /** An applicant, or a system acting for one (the payment provider). */
  public static ActedBy applicant(String username) {
    return new ActedBy(username, null);
  }

  /** An officer of the given unit. */
  public static ActedBy officer(String username, String unitCode) {
    return new ActedBy(username, unitCode);
  }
}
