package org.opendvc.portal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signs and verifies RS256 JSON Web Tokens with the claims of a MicroProfile JWT ({@code iss},
 * {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}) plus the
 * bearer's agency, with the Nimbus JOSE + JWT library. The header names the key by its RFC 7638
 * thumbprint ({@code kid}), the key the JWK set of {@code GET /api/v1/auth/jwks} publishes.
 *
 * <p>Only RS256 is accepted: an unsigned token ({@code alg: none}), a token signed with an HMAC or
 * another key, an expired token ({@code exp} at or before now, no leeway) and a token of another
 * issuer are all refused.
 */
public final class JsonWebTokens {

  public static final String ISSUER = "opendvc-portal";
  private static final Set<String> REQUIRED = Set.of("sub", "upn", "groups", "iat", "exp", "jti");

  private JsonWebTokens() {}

  /** The signing key of a key pair, named by its thumbprint, for RS256 signatures only. */
  public static RSAKey signingKey(KeyPair pair) {
    try {
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .build();
      return new RSAKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException | ClassCastException e) {
      throw new IllegalStateException("not an RSA key pair", e);
    }
  }

  /** The public half of a signing key as a JWK set, without any private part. */
  public static JWKSet publicKeys(RSAKey key) {
    return new JWKSet(key.toPublicJWK());
  }

  public static String sign(TokenClaims claims, Instant issuedAt, RSAKey key) {
    JWTClaimsSet.Builder body =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(claims.username())
            .claim("upn", claims.username())
            .claim("groups", List.of(claims.role().name()))
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(claims.expiresAt()))
            .jwtID(UUID.randomUUID().toString());
    claims.agency().ifPresent(a -> body.claim("agency", a));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            body.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of a token signed with RS256 by a key of {@code keys}, of this issuer, and not
   * expired at {@code now}.
   */
  public static Optional<TokenClaims> verify(String token, JWKSet keys, Instant now) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(ISSUER).build(), REQUIRED) {
          @Override
          protected Date currentTime() {
            return Date.from(now);
          }
        };
    claimsVerifier.setMaxClockSkew(0);
    processor.setJWTClaimsSetVerifier(claimsVerifier);
    try {
      JWTClaimsSet body = processor.process(token, null);
      if (!now.isBefore(body.getExpirationTime().toInstant())) {
        return Optional.empty(); // the verifier forgives the very second of expiry
      }
      List<String> groups = body.getStringListClaim("groups");
      if (groups == null || groups.size() != 1) {
        return Optional.empty();
      }
      Role role = Role.valueOf(groups.get(0));
      return Optional.of(
          new TokenClaims(
              body.getStringClaim("upn"),
              role,
              body.getStringClaim("agency"),
              body.getExpirationTime().toInstant()));
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
