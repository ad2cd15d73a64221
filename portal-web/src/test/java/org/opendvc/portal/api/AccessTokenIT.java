package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * Access tokens from the outside: the key published at {@code GET /api/v1/auth/jwks} verifies the
 * token endpoint's tokens with an ordinary JOSE library, and a token the portal did not sign, an
 * expired one and an unsigned one are all refused with the invalid-token problem. Passwords stored
 * in the portal's earlier hash form still sign in, and are stored again in the platform's PBKDF2
 * form at that sign-in, from the token endpoint and the sign-in page alike.
 */
class AccessTokenIT extends PortalIntegrationTest {

  private static final String OWN_LIST = "/api/v1/dossiers?size=1";

  /**
   * The platform's form with the test portal's work factor ({@code portal.password.iterations}).
   */
  private static final String CURRENT_HASH =
      "PBKDF2WithHmacSHA256:" + Portal.PASSWORD_ITERATIONS + ":";

  @Test
  void theTokenEndpointsTokenVerifiesAgainstThePublishedKeySet() throws Exception {
    Http.Response r = portal.http().get("/api/v1/auth/jwks");
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/jwk-set+json", r.mediaType());
    assertTrue(r.header("Cache-Control").orElse("").contains("public"), r.toString());
    JWKSet published = JWKSet.parse(r.body());
    assertEquals(1, published.getKeys().size(), r.body());
    RSAKey key = published.getKeys().get(0).toRSAKey();
    assertFalse(key.isPrivate(), "no private part in " + r.body());
    assertEquals("sig", key.getKeyUse().identifier());
    assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());

    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    String token = portal.http().tokenFor(officer.username(), officer.password());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(published)));
    JWTClaimsSet claims = processor.process(token, null);
    assertEquals("opendvc-portal", claims.getIssuer());
    assertEquals(officer.username(), claims.getStringClaim("upn"));
    assertEquals(List.of("OFFICER"), claims.getStringListClaim("groups"));
    assertEquals("000.01.31.H91", claims.getStringClaim("agency"));
    assertEquals(key.getKeyID(), SignedJWT.parse(token).getHeader().getKeyID());
    assertEquals(200, portal.http().withBearer(token).get(OWN_LIST).status());
    // the key set is public: asked with no token, and with the token, it is the same
    assertEquals(r.body(), portal.http().withBearer(token).get("/api/v1/auth/jwks").body());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    RSAKey stranger =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).build();
    // under the published key's id, too: the id names a key, it does not vouch for one
    String publishedId =
        JWKSet.parse(portal.http().get("/api/v1/auth/jwks").body()).getKeys().get(0).getKeyID();
    for (String kid : new String[] {null, publishedId}) {
      String forged = sign(stranger, kid, claims(officer, Instant.now().plusSeconds(3600)));
      assertInvalidToken(portal.http().withBearer(forged).get(OWN_LIST));
    }
  }

  @Test
  void anExpiredTokenIsRefusedWhileTheSameKeysFreshTokenIsTaken() throws Exception {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    RSAKey portalKey = storedSigningKey();
    String fresh =
        sign(portalKey, portalKey.getKeyID(), claims(officer, Instant.now().plusSeconds(600)));
    assertEquals(
        200,
        portal.http().withBearer(fresh).get(OWN_LIST).status(),
        "signed with the portal's own key: the test signs as the portal does");
    String expired =
        sign(portalKey, portalKey.getKeyID(), claims(officer, Instant.now().minusSeconds(5)));
    assertInvalidToken(portal.http().withBearer(expired).get(OWN_LIST));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    Portal.Account officer = portal.newAccount("OFFICER", "000.01.31.H91");
    String none = new PlainJWT(claims(officer, Instant.now().plusSeconds(600))).serialize();
    assertTrue(none.startsWith("eyJhbGciOiJub25lIn0"), none); // {"alg":"none"}
    assertInvalidToken(portal.http().withBearer(none).get(OWN_LIST));
    // and a public read with it is refused too, rather than served as to nobody
    assertInvalidToken(portal.http().withBearer(none).get("/api/v1/catalogue/summary"));
  }

  @Test
  void anEarlierHashSignsInAtTheTokenEndpointAndIsStoredAgainInThePlatformsForm() throws Exception {
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    assertTrue(
        storedHash(applicant.username()).startsWith(CURRENT_HASH),
        "a new account's hash: " + storedHash(applicant.username()));
    String legacy = legacyHash(applicant.password());
    storeHash(applicant.username(), legacy);

    assertEquals(401, token(applicant.username(), "not-" + applicant.password()).status());
    assertEquals(legacy, storedHash(applicant.username()), "a wrong password changes nothing");
    assertEquals(200, token(applicant.username(), applicant.password()).status());
    String migrated = storedHash(applicant.username());
    assertNotEquals(legacy, migrated);
    assertTrue(migrated.startsWith(CURRENT_HASH), migrated);
    assertEquals(200, token(applicant.username(), applicant.password()).status());
    assertEquals(migrated, storedHash(applicant.username()), "a current hash is kept as it is");
    assertEquals(401, token(applicant.username(), "not-" + applicant.password()).status());
  }

  @Test
  void anEarlierHashSignsInOnThePageAndIsStoredAgainInThePlatformsForm() throws Exception {
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    storeHash(applicant.username(), legacyHash(applicant.password()));
    assertEquals(303, pageSignIn(applicant).status());
    String migrated = storedHash(applicant.username());
    assertTrue(migrated.startsWith(CURRENT_HASH), migrated);
    assertEquals(303, pageSignIn(applicant).status());
    assertEquals(200, token(applicant.username(), applicant.password()).status());
  }

  private static void assertInvalidToken(Http.Response r) {
    assertEquals(401, r.status(), r.toString());
    assertEquals("application/problem+json", r.mediaType());
    assertTrue(r.header("WWW-Authenticate").orElse("").contains("invalid_token"), r.toString());
    assertEquals("https://opendvc.org/problems/invalid-token", r.json().getString("type"));
  }

  private static Http.Response token(String username, String password) {
    return portal
        .http()
        .postJson(
            "/api/v1/auth/token",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
  }

  private static Http.Response pageSignIn(Portal.Account account) {
    return portal
        .http()
        .postForm("/login", Map.of("username", account.username(), "password", account.password()));
  }

  private static JWTClaimsSet claims(Portal.Account account, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer("opendvc-portal")
        .subject(account.username())
        .claim("upn", account.username())
        .claim("groups", List.of("OFFICER"))
        .claim("agency", "000.01.31.H91")
        .issueTime(Date.from(expires.minusSeconds(3600)))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
  }

  private static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** The key pair the portal keeps in its database (a test may sign as the portal would). */
  private static RSAKey storedSigningKey() throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT private_key, public_key FROM signing_key WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next(), "the portal has made its key");
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey privateKey =
          (RSAPrivateKey)
              rsa.generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(r.getString(1))));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(r.getString(2))));
      return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
    }
  }

  /** A hash in the form the portal stored before: {@code pbkdf2-sha256$iterations$salt$hash}. */
  private static String legacyHash(String password) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$210000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  private static String storedHash(String username) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
      s.setString(1, username);
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), username);
        return r.getString(1);
      }
    }
  }

  private static void storeHash(String username, String hash) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement("UPDATE account SET password_hash = ? WHERE username = ?")) {
      s.setString(1, hash);
      s.setString(2, username);
      assertEquals(1, s.executeUpdate());
    }
  }
}
