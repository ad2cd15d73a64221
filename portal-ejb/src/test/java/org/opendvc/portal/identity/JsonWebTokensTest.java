package org.opendvc.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the token format refuses besides a wrong signature: the classic JWT attacks. */
class JsonWebTokensTest {

  private static RSAKey key;
  private static JWKSet keys;
  private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
  private static final TokenClaims CLAIMS =
      new TokenClaims("quantri", Role.ADMIN, null, NOW.plus(Duration.ofHours(8)));

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = JsonWebTokens.signingKey(generator.generateKeyPair());
    keys = JsonWebTokens.publicKeys(key);
  }

  @Test
  void thePublishedSetHoldsOnlyThePublicKeyNamedByItsThumbprint() throws Exception {
    String json = keys.toString();
    assertFalse(json.contains("\"d\""), "no private exponent: " + json);
    assertFalse(json.contains("\"p\""), json);
    assertEquals(1, keys.getKeys().size());
    assertEquals(key.computeThumbprint().toString(), keys.getKeys().get(0).getKeyID());
    String token = JsonWebTokens.sign(CLAIMS, NOW, key);
    assertEquals(key.getKeyID(), SignedJWT.parse(token).getHeader().getKeyID());
    assertTrue(
        JsonWebTokens.verify(token, JWKSet.parse(json), NOW).isPresent(),
        "the set read back from its JSON verifies the token");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String none = new PlainJWT(claims(ISSUER_OK)).serialize();
    assertTrue(JsonWebTokens.verify(none, keys, NOW).isEmpty(), "alg none");
    // the same body under an RS256 header with an empty signature
    String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key.getKeyID() + "\"}");
    String body = none.split("\\.")[1];
    assertTrue(JsonWebTokens.verify(header + "." + body + ".", keys, NOW).isEmpty());
  }

  @Test
  void aTokenMacedWithThePublicKeyIsRefused() throws Exception {
    // the algorithm-confusion attack: HS256 keyed with the published modulus
    byte[] secret = key.toRSAPublicKey().getEncoded();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
            claims(ISSUER_OK));
    forged.sign(new MACSigner(secret));
    assertTrue(JsonWebTokens.verify(forged.serialize(), keys, NOW).isEmpty());
  }

  @Test
  void expiryHasNoLeewayAndTheIssuerMustBeOurs() throws Exception {
    String token = JsonWebTokens.sign(CLAIMS, NOW, key);
    assertTrue(JsonWebTokens.verify(token, keys, CLAIMS.expiresAt().minusSeconds(1)).isPresent());
    assertTrue(JsonWebTokens.verify(token, keys, CLAIMS.expiresAt()).isEmpty(), "at expiry");
    assertTrue(JsonWebTokens.verify(token, keys, CLAIMS.expiresAt().plusSeconds(30)).isEmpty());

    SignedJWT foreign =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            claims("someone-else"));
    foreign.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
    assertTrue(JsonWebTokens.verify(foreign.serialize(), keys, NOW).isEmpty(), "other issuer");
  }

  private static final String ISSUER_OK = JsonWebTokens.ISSUER;

  private static JWTClaimsSet claims(String issuer) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("admin")
        .claim("upn", "admin")
        .claim("groups", java.util.List.of("ADMIN"))
        .issueTime(java.util.Date.from(NOW))
        .expirationTime(java.util.Date.from(NOW.plusSeconds(3600)))
        .jwtID("x")
        .build();
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
  }
}
