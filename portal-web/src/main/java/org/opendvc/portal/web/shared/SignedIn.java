package org.opendvc.portal.web.shared;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.identity.Role;

/**
 * The person signed in to the pages, kept in the HTTP session: who, in which role and agency, and
 * the session's form token that every state-changing form sends back (the pages run no script, so
 * the token is a hidden field, checked with {@link #acceptsFormToken}).
 */
public record SignedIn(
    String username, Role role, String agencyCode, String fullName, String formToken)
    implements Serializable {

  public Caller caller() {
    return new Caller(username, role, agencyCode);
  }

  public boolean isApplicant() {
    return role == Role.APPLICANT;
  }

  public boolean isOfficer() {
    return role == Role.OFFICER || role == Role.AGENCY_ADMIN;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** The page a person lands on after signing in, by role. */
  public String homePath() {
    return switch (role) {
      case APPLICANT -> "/my/dossiers";
      case OFFICER, AGENCY_ADMIN -> "/officer/dossiers";
      case ADMIN -> "/admin/calendar";
      case AGENCY_SYSTEM -> "/";
    };
  }

  /** Compares in constant time, so the token cannot be guessed byte by byte. */
  public boolean acceptsFormToken(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            formToken.getBytes(StandardCharsets.US_ASCII),
            candidate.getBytes(StandardCharsets.US_ASCII));
  }
}
