package org.opendvc.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void passwordHashesAreSaltedAndVerify() {
    String a = PasswordHasher.hash("Mật khẩu 2026!");
    String b = PasswordHasher.hash("Mật khẩu 2026!");
    assertNotEquals(a, b, "each hash has its own salt");
    assertTrue(a.startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
    assertTrue(PasswordHasher.matches("Mật khẩu 2026!", a));
    assertFalse(PasswordHasher.matches("mật khẩu 2026!", a));
    assertFalse(PasswordHasher.matches("x", "not-a-hash"));
    assertFalse(PasswordHasher.matches(null, a));
  }

  @Test
  void tokensCarryTheClaimsAndRejectTamperingExpiryAndOtherKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();
    Instant now = Instant.parse("2026-03-02T02:00:00Z");
    TokenClaims claims = new TokenClaims("canbo.tuphap", Role.OFFICER, "000.00.12.H99",
        now.plus(Duration.ofHours(8)));
    String token = JsonWebTokens.sign(claims, now, keys.getPrivate());

    TokenClaims read = JsonWebTokens.verify(token, keys.getPublic(), now.plusSeconds(60)).orElseThrow();
    assertEquals("canbo.tuphap", read.username());
    assertEquals(Role.OFFICER, read.role());
    assertEquals("000.00.12.H99", read.agencyCode());

    assertTrue(JsonWebTokens.verify(token, keys.getPublic(), now.plus(Duration.ofHours(9))).isEmpty(),
        "expired");
    assertTrue(JsonWebTokens.verify(token, other.getPublic(), now).isEmpty(), "other key");
    String[] parts = token.split("\\.");
    String forgedBody = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("OFFICER", "ADMIN").getBytes());
    assertTrue(JsonWebTokens.verify(parts[0] + "." + forgedBody + "." + parts[2], keys.getPublic(), now)
        .isEmpty(), "tampered");
    assertTrue(JsonWebTokens.verify("abc", keys.getPublic(), now).isEmpty());
    assertTrue(JsonWebTokens.verify(null, keys.getPublic(), now).isEmpty());
  }
}
