package org.opendvc.portal.identity;

/** What an account may do. Officers and agency admins are scoped to one agency. */
public enum Role {
  /** A citizen or a business that submits and follows dossiers. */
  APPLICANT,
  /** A one-stop desk or specialist officer of one agency. */
  OFFICER,
  /** Manages one agency's officers and offerings. */
  AGENCY_ADMIN,
  /** Manages the whole portal: catalogue, calendar, accounts. */
  ADMIN;

  public boolean needsAgency() {
    return this == OFFICER || this == AGENCY_ADMIN;
  }
}
