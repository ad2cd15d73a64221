package org.opendvc.portal.identity;

import java.util.Arrays;

/** What an account may do. Officers, agency admins and agency systems are scoped to one agency. */
public enum Role {
  /** A citizen or a business that submits and follows dossiers. */
  APPLICANT,
  /** A one-stop desk or specialist officer of one agency. */
  OFFICER,
  /** Manages one agency's officers and offerings. */
  AGENCY_ADMIN,
  /** Manages the whole portal: catalogue, calendar, accounts. */
  ADMIN,
  /**
   * An agency's own case software (a machine account): publishes the dossiers of its agency and the
   * units under it, and nothing else. It never signs in to the pages and never acts as an officer.
   */
  AGENCY_SYSTEM;

  public boolean needsAgency() {
    return this == OFFICER || this == AGENCY_ADMIN || this == AGENCY_SYSTEM;
  }

  /** Whether the account is a person's (every role but {@link #AGENCY_SYSTEM}). */
  public boolean isPerson() {
    return this != AGENCY_SYSTEM;
  }

  /**
   * The roles' names as constants, for {@code @RolesAllowed} on the resources that need no more
   * than a role (an annotation takes no enum).
   */
  public static final class Names {
    public static final String APPLICANT = "APPLICANT";
    public static final String OFFICER = "OFFICER";
    public static final String AGENCY_ADMIN = "AGENCY_ADMIN";
    public static final String ADMIN = "ADMIN";
    public static final String AGENCY_SYSTEM = "AGENCY_SYSTEM";

    private Names() {}
  }

  /** The roles of people: who may use the pages and the API calls made for people. */
  public static Role[] people() {
    return Arrays.stream(values()).filter(Role::isPerson).toArray(Role[]::new);
  }
}
