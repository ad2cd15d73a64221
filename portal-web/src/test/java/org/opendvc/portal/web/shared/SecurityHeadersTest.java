package org.opendvc.portal.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void aRemoteEmblemsOriginMayServeImagesAndNothingElse() {
    String policy = SecurityHeaders.pagePolicy("https://cdn.example.gov.vn:8443/img/emblem.png");
    assertTrue(policy.contains("img-src 'self' data: https://cdn.example.gov.vn:8443;"), policy);
    assertTrue(policy.contains("default-src 'none'"), policy);
  }

  @Test
  void anEmblemFileOrNothingKeepsThePlainPolicy() {
    assertEquals(SecurityHeaders.PAGE_POLICY, SecurityHeaders.pagePolicy(null));
    assertEquals(SecurityHeaders.PAGE_POLICY, SecurityHeaders.pagePolicy("/etc/portal/emblem.png"));
    assertEquals(SecurityHeaders.PAGE_POLICY, SecurityHeaders.pagePolicy("javascript:alert(1)"));
    assertEquals(
        SecurityHeaders.PAGE_POLICY,
        SecurityHeaders.pagePolicy("https://evil.example; script-src *"));
  }
}
