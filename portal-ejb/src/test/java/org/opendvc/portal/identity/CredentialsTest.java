package org.opendvc.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void passwordHashesOfTheEarlierFormStillVerify() {
    java.security.SecureRandom random = new java.security.SecureRandom();
    byte[] salt1 = new byte[16];
    byte[] salt2 = new byte[16];
    random.nextBytes(salt1);
    random.nextBytes(salt2);
    String a = LegacyPasswordHashes.hash("Mật khẩu 2026!", salt1, 210_000);
    String b = LegacyPasswordHashes.hash("Mật khẩu 2026!", salt2, 210_000);
    assertNotEquals(a, b, "each hash has its own salt");
    assertTrue(a.startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$"));
    assertTrue(LegacyPasswordHashes.isLegacy(a));
    assertTrue(LegacyPasswordHashes.matches("Mật khẩu 2026!", a));
    assertFalse(LegacyPasswordHashes.matches("mật khẩu 2026!", a));
    assertFalse(LegacyPasswordHashes.matches("x", "not-a-hash"));
    assertFalse(LegacyPasswordHashes.matches(null, a));
    assertFalse(
        LegacyPasswordHashes.matches("x", "pbkdf2-sha256$999999999$AAAA$AAAA"),
        "a forged iteration count costs nothing");
  }

  @Test
  void aHashIsStoredAgainWhenOfAnotherFormOrWeakerThanTheSetting() {
    String at210k = "PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA==";
    assertFalse(Passwords.needsRehash(at210k, 210_000), "made with today's setting");
    assertFalse(Passwords.needsRehash(at210k, 1_024), "a lowered setting keeps stronger hashes");
    assertTrue(Passwords.needsRehash(at210k, 600_000), "a raised setting upgrades it");
    assertTrue(Passwords.needsRehash("PBKDF2WithHmacSHA256:1024:c2FsdA==:aGFzaA==", 210_000));
    assertTrue(Passwords.needsRehash("pbkdf2-sha256$210000$c2FsdA$aGFzaA", 210_000), "legacy");
    assertTrue(Passwords.needsRehash("PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA==", 210_000));
    assertTrue(Passwords.needsRehash("PBKDF2WithHmacSHA256:many:c2FsdA==:aGFzaA==", 210_000));
    assertTrue(Passwords.needsRehash("PBKDF2WithHmacSHA256:", 210_000));
    assertTrue(Passwords.needsRehash(null, 210_000));
  }

  @Test
  void tokensCarryTheClaimsAndRejectTamperingExpiryAndOtherKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAKey key = JsonWebTokens.signingKey(generator.generateKeyPair());
    JWKSet keys = JsonWebTokens.publicKeys(key);
    JWKSet other = JsonWebTokens.publicKeys(JsonWebTokens.signingKey(generator.generateKeyPair()));
    Instant now = Instant.parse("2026-03-02T02:00:00Z");
    TokenClaims claims =
        new TokenClaims(
            "canbo.tuphap", Role.OFFICER, "000.00.12.H99", now.plus(Duration.ofHours(8)));
    String token = JsonWebTokens.sign(claims, now, key);

    TokenClaims read = JsonWebTokens.verify(token, keys, now.plusSeconds(60)).orElseThrow();
    assertEquals("canbo.tuphap", read.username());
    assertEquals(Role.OFFICER, read.role());
    assertEquals("000.00.12.H99", read.agencyCode());

    assertTrue(
        JsonWebTokens.verify(token, keys, now.plus(Duration.ofHours(9))).isEmpty(), "expired");
    assertTrue(JsonWebTokens.verify(token, other, now).isEmpty(), "other key");
    String[] parts = token.split("\\.");
    String forgedBody =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("OFFICER", "ADMIN")
                    .getBytes());
    assertTrue(
        JsonWebTokens.verify(parts[0] + "." + forgedBody + "." + parts[2], keys, now).isEmpty(),
        "tampered");
    assertTrue(JsonWebTokens.verify("abc", keys, now).isEmpty());
    assertTrue(JsonWebTokens.verify(null, keys, now).isEmpty());
  }
}
