package org.opendvc.portal.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Password hashes, made by Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256,
 * 210,000 iterations, a 16-byte salt of its own per password and a 32-byte hash, stored in the
 * platform's form {@code PBKDF2WithHmacSHA256:210000:salt:hash}.
 *
 * <p>Hashes of the portal's earlier form ({@link LegacyPasswordHashes}) still verify; {@link
 * #needsRehash} tells the sign-in to store the password again in the current form, and does the
 * same for a hash made with fewer iterations than today's, so raising {@link #ITERATIONS} upgrades
 * every account at its next sign-in.
 */
@ApplicationScoped
public class Passwords {

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 210_000;

  /** The start of every hash made with today's parameters. */
  static final String CURRENT = ALGORITHM + ":" + ITERATIONS + ":";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject private Pbkdf2PasswordHash pbkdf2;

  /** Checked when the user name is unknown, so that both failures take the same time. */
  private String dummyHash;

  @PostConstruct
  void init() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            Integer.toString(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes",
            "16",
            "Pbkdf2PasswordHash.KeySizeBytes",
            "32"));
    dummyHash = hash("not-a-password");
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  /** Whether the password is the one the stored hash was made of, in either form. */
  public boolean matches(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    if (LegacyPasswordHashes.isLegacy(stored)) {
      return LegacyPasswordHashes.matches(password, stored);
    }
    try {
      return pbkdf2.verify(password.toCharArray(), stored);
    } catch (RuntimeException e) {
      return false; // not a hash of any form we know
    }
  }

  /** Checks a password against nothing, as long as a real check takes. */
  public void matchesNothing(String password) {
    matches(password == null ? "" : password, dummyHash);
  }

  /** Whether a hash that matched should be replaced by one made with today's parameters. */
  public boolean needsRehash(String stored) {
    return stored == null || !stored.startsWith(CURRENT);
  }

  /** A random password of letters and digits, for accounts created without one. */
  public static String randomPassword(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
