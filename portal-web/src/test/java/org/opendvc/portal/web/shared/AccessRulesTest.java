package org.opendvc.portal.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.web.shared.AccessRules.Decision;

class AccessRulesTest {

  @Test
  void publicAddressesLetEveryoneIn() {
    for (String path :
        new String[] {
          "/",
          "/procedures/1.000094",
          "/tracking",
          "/login",
          "/register/verify",
          "/api/v1/procedures",
          "/myself",
          "/officers"
        }) {
      assertEquals(Decision.PUBLIC, AccessRules.decide(path, Optional.empty()), path);
      assertEquals(Decision.PUBLIC, AccessRules.decide(path, Optional.of(Role.ADMIN)), path);
    }
  }

  @Test
  void nobodySignedInSignsInFirst() {
    for (String path :
        new String[] {
          "/my/dossiers",
          "/my/dossier.xhtml",
          "/officer/dossiers",
          "/officer/kiosk.xhtml",
          "/kiosk/1",
          "/admin/calendar/2026"
        }) {
      assertEquals(Decision.SIGN_IN_FIRST, AccessRules.decide(path, Optional.empty()), path);
    }
  }

  @Test
  void eachAreaHasItsRoles() {
    assertEquals(
        Decision.ADMITTED, AccessRules.decide("/my/dossiers", Optional.of(Role.APPLICANT)));
    assertEquals(Decision.FORBIDDEN, AccessRules.decide("/my/dossiers", Optional.of(Role.OFFICER)));
    assertEquals(
        Decision.ADMITTED, AccessRules.decide("/officer/dossiers", Optional.of(Role.OFFICER)));
    assertEquals(
        Decision.ADMITTED, AccessRules.decide("/officer/dossiers", Optional.of(Role.AGENCY_ADMIN)));
    assertEquals(Decision.ADMITTED, AccessRules.decide("/kiosk/3", Optional.of(Role.OFFICER)));
    assertEquals(
        Decision.FORBIDDEN, AccessRules.decide("/officer/dossiers", Optional.of(Role.APPLICANT)));
    assertEquals(Decision.FORBIDDEN, AccessRules.decide("/kiosk/3", Optional.of(Role.ADMIN)));
    assertEquals(Decision.ADMITTED, AccessRules.decide("/admin/search", Optional.of(Role.ADMIN)));
    assertEquals(
        Decision.FORBIDDEN, AccessRules.decide("/admin/search", Optional.of(Role.AGENCY_ADMIN)));
    assertEquals(
        Decision.FORBIDDEN, AccessRules.decide("/admin/search", Optional.of(Role.AGENCY_SYSTEM)));
  }

  @Test
  void signInPagesAreKnown() {
    assertTrue(AccessRules.isSignInPage("/login"));
    assertTrue(AccessRules.isSignInPage("/login.xhtml"));
    assertTrue(AccessRules.isSignInPage("/register"));
    assertTrue(AccessRules.isSignInPage("/register-verify.xhtml"));
    assertFalse(AccessRules.isSignInPage("/login/other"));
    assertFalse(AccessRules.isSignInPage("/my/dossiers"));
  }

  @Test
  void cachingFollowsTheRules() {
    assertEquals(
        "public, max-age=86400", PageHeaders.forPath("/static/portal.css").get("Cache-Control"));
    assertEquals("no-store", PageHeaders.forPath("/login").get("Cache-Control"));
    assertEquals("no-store", PageHeaders.forPath("/my/dossier.xhtml").get("Cache-Control"));
    assertEquals("no-store", PageHeaders.forPath("/officer/dossiers").get("Cache-Control"));
    assertTrue(PageHeaders.forPath("/procedures/1.000094").isEmpty());
    assertTrue(PageHeaders.forPath("/api/v1/procedures").isEmpty());
  }
}
