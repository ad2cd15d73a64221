package org.opendvc.portal.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LoginPageTest {

  @Test
  void nextKeepsPathsOfThePortal() {
    assertEquals("/my/dossiers", LoginPage.safeNext("/my/dossiers"));
    assertEquals("/officer/dossiers?status=2", LoginPage.safeNext("/officer/dossiers?status=2"));
  }

  @Test
  void nextRefusesAnythingThatCouldLeaveThePortal() {
    assertNull(LoginPage.safeNext(null));
    assertNull(LoginPage.safeNext("https://evil.example/"));
    assertNull(LoginPage.safeNext("//evil.example/"));
    assertNull(LoginPage.safeNext("/\\evil.example/"));
    assertNull(LoginPage.safeNext("/my/dossiers\r\nSet-Cookie: x=1"));
    assertNull(LoginPage.safeNext("my/dossiers"));
    assertNull(LoginPage.safeNext("/login?next=/my"), "no loop back to the sign-in page");
  }
}
