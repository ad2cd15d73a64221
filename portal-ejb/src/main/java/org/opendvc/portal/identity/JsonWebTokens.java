package org.opendvc.portal.identity;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies RS256 JSON Web Tokens with the claims of a MicroProfile JWT ({@code iss},
 * {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}) plus the
 * bearer's agency.
 */
public final class JsonWebTokens {

  public static final String ISSUER = "opendvc-portal";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private JsonWebTokens() {}

  public static String sign(TokenClaims claims, Instant issuedAt, PrivateKey key) {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("iss", ISSUER)
            .add("sub", claims.username())
            .add("upn", claims.username())
            .add("groups", JSON.createArrayBuilder().add(claims.role().name()))
            .add("iat", issuedAt.getEpochSecond())
            .add("exp", claims.expiresAt().getEpochSecond())
            .add("jti", UUID.randomUUID().toString());
    claims.agency().ifPresent(a -> body.add("agency", a));
    String signingInput =
        encode(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + encode(body.build().toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + encode(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  /** The claims of a token whose signature, issuer and expiry are valid at {@code now}. */
  public static Optional<TokenClaims> verify(String token, PublicKey key, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonObject header = parse(DECODER.decode(parts[0]));
      if (!"RS256".equals(header.getString("alg", ""))) {
        return Optional.empty();
      }
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(DECODER.decode(parts[2]))) {
        return Optional.empty();
      }
      JsonObject body = parse(DECODER.decode(parts[1]));
      Instant expires = Instant.ofEpochSecond(body.getJsonNumber("exp").longValue());
      if (!ISSUER.equals(body.getString("iss", "")) || !now.isBefore(expires)) {
        return Optional.empty();
      }
      JsonValue group = body.getJsonArray("groups").get(0);
      Role role = Role.valueOf(((JsonString) group).getString());
      String agency = body.containsKey("agency") ? body.getString("agency") : null;
      return Optional.of(new TokenClaims(body.getString("upn"), role, agency, expires));
    } catch (RuntimeException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static JsonObject parse(byte[] json) {
    try (JsonReader reader =
        JSON.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  private static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }
}
