package org.opendvc.portal.web.shared;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.opendvc.portal.identity.Role;

/**
 * Which addresses need which role. Everything under {@code /my/} (applicants), {@code /officer/}
 * and {@code /kiosk/} (officers and agency administrators) and {@code /admin/} (administrators), by
 * short address or by view, needs a signed-in person of that role; the rest is public. Pure: {@link
 * SignedInAreas} answers by it.
 */
public final class AccessRules {

  /** What a request to an address by a person (or nobody) signed in gets. */
  public enum Decision {
    /** A public address: anyone. */
    PUBLIC,
    /** The guarded address lets this person in. */
    ADMITTED,
    /** Nobody is signed in: to the sign-in page first, and back afterwards. */
    SIGN_IN_FIRST,
    /** Signed in, in another role: 403. */
    FORBIDDEN
  }

  private AccessRules() {}

  /** Which roles may open the pages under a path; empty for public paths. */
  public static Optional<Set<Role>> rolesFor(String path) {
    if (path.startsWith("/my/")) {
      return Optional.of(EnumSet.of(Role.APPLICANT));
    }
    if (path.startsWith("/officer/") || path.startsWith("/kiosk/")) {
      return Optional.of(EnumSet.of(Role.OFFICER, Role.AGENCY_ADMIN));
    }
    if (path.startsWith("/admin/")) {
      return Optional.of(EnumSet.of(Role.ADMIN));
    }
    return Optional.empty();
  }

  /** Whether a path is where people sign in or register (public, but never cached). */
  public static boolean isSignInPage(String path) {
    return path.equals("/login")
        || path.equals(PageRoutes.LOGIN_VIEW)
        || path.startsWith("/register");
  }

  /** Whether the path is guarded: answers to it depend on who is signed in. */
  public static boolean isGuarded(String path) {
    return rolesFor(path).isPresent();
  }

  /** What a request to the path gets from a person in the role given, or from nobody. */
  public static Decision decide(String path, Optional<Role> signedIn) {
    Optional<Set<Role>> roles = rolesFor(path);
    if (roles.isEmpty()) {
      return Decision.PUBLIC;
    }
    if (signedIn.isEmpty()) {
      return Decision.SIGN_IN_FIRST;
    }
    return roles.get().contains(signedIn.get()) ? Decision.ADMITTED : Decision.FORBIDDEN;
  }
}
