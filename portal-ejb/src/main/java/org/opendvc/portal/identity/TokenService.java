package org.opendvc.portal.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Issues and checks access tokens (RS256, {@link JsonWebTokens}). The RSA key pair lives in the
 * database, created by the first node that needs it, so every node of a cluster, and every node
 * after a restart, signs with the same key and accepts every other node's tokens; its public half
 * is published as a JWK set ({@link #publicKeys}) for anyone who wants to check a token.
 */
@Singleton
@Lock(LockType.READ)
public class TokenService {

  public static final Duration LIFETIME = Duration.ofHours(8);

  /** Where MicroProfile JWT reads the key that verifies bearer tokens. */
  static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private AccountStanding standing;

  private volatile RSAKey keys;

  public String issue(Account account) {
    Instant now = clock.instant();
    TokenClaims claims =
        new TokenClaims(
            account.username(),
            account.role(),
            account.agency().map(a -> a.code()).orElse(null),
            now.plus(LIFETIME));
    return JsonWebTokens.sign(claims, now, keys());
  }

  /** The public key that verifies this portal's tokens, as a JWK set. */
  public JWKSet publicKeys() {
    return JsonWebTokens.publicKeys(keys());
  }

  /** Whether the token's account still stands as the token says ({@link AccountStanding}). */
  public boolean stillStands(TokenClaims claims) {
    return standing.admits(claims);
  }

  private RSAKey keys() {
    RSAKey current = keys;
    if (current == null) {
      current = JsonWebTokens.signingKey(loadOrCreate());
      publish(JsonWebTokens.publicKeys(current));
      keys = current;
    }
    return current;
  }

  /**
   * Writes the public key set where MicroProfile JWT reads the key it verifies bearer tokens with
   * ({@code mp.jwt.verify.publickey.location}, by default {@code keys/access-token-jwks.json} in
   * the node's data directory), when that is a file: each node writes its own copy of the one key
   * kept in the database. Written to a temporary file and moved into place, so a reader never sees
   * half a key.
   */
  private static void publish(JWKSet publicKeys) {
    Optional<String> location =
        ConfigProvider.getConfig(TokenService.class.getClassLoader())
            .getOptionalValue(KEY_LOCATION, String.class);
    if (location.isEmpty() || !location.get().startsWith("file:")) {
      return;
    }
    try {
      Path file = Path.of(URI.create(location.get()).getSchemeSpecificPart()).toAbsolutePath();
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "jwks", ".tmp");
      Files.writeString(temporary, publicKeys.toString(), StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot write the token key set to " + location.get(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private KeyPair loadOrCreate() {
    List<Object[]> rows =
        em.createNativeQuery("SELECT private_key, public_key FROM signing_key WHERE id = 1")
            .getResultList();
    if (rows.isEmpty()) {
      KeyPair fresh = generate();
      Base64.Encoder b64 = Base64.getEncoder();
      // INSERT IGNORE: when two nodes (or two first sign-ins) create it at once, the first row
      // wins and both read it back, with a locking read: a plain one would read this
      // transaction's snapshot, taken before the other one's row was committed, and find nothing.
      em.createNativeQuery(
              "INSERT IGNORE INTO signing_key (id, private_key, public_key, created_at)"
                  + " VALUES (1, ?, ?, ?)")
          .setParameter(1, b64.encodeToString(fresh.getPrivate().getEncoded()))
          .setParameter(2, b64.encodeToString(fresh.getPublic().getEncoded()))
          .setParameter(3, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
          .executeUpdate();
      rows =
          em.createNativeQuery(
                  "SELECT private_key, public_key FROM signing_key WHERE id = 1 LOCK IN SHARE MODE")
              .getResultList();
    }
    Object[] row = rows.get(0);
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      Base64.Decoder b64 = Base64.getDecoder();
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode((String) row[0])));
      PublicKey publicKey =
          factory.generatePublic(new X509EncodedKeySpec(b64.decode((String) row[1])));
      return new KeyPair(publicKey, privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored signing key is unreadable", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }
}
