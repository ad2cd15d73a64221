package org.opendvc.portal.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes, made by Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256,
 * {@code portal.password.iterations} iterations (210,000 by default), a 16-byte salt of its own per
 * password and a 32-byte hash, stored in the platform's form {@code
 * PBKDF2WithHmacSHA256:210000:salt:hash}.
 *
 * <p>Hashes of the portal's earlier form ({@link LegacyPasswordHashes}) still verify; {@link
 * #needsRehash} tells the sign-in to store the password again in the current form, and does the
 * same for a hash made with fewer iterations than the setting, so raising it upgrades every account
 * at its next sign-in. Lowering it leaves the stronger hashes as they are.
 */
@ApplicationScoped
public class Passwords {

  private static final Logger LOG = Logger.getLogger(Passwords.class.getName());

  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** The default work factor, and the least advised for a live portal. */
  static final int ITERATIONS = 210_000;

  /** The least {@link Pbkdf2PasswordHash} accepts. */
  static final int MIN_ITERATIONS = 1_024;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "portal.password.iterations", defaultValue = "210000")
  private int iterations;

  /** Checked when the user name is unknown, so that both failures take the same time. */
  private String dummyHash;

  @PostConstruct
  void init() {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException(
          "portal.password.iterations must be at least " + MIN_ITERATIONS + ": " + iterations);
    }
    if (iterations < ITERATIONS) {
      LOG.warning(
          "\n\n  Passwords are hashed with "
              + iterations
              + " PBKDF2 iterations (portal.password.iterations), fewer than the "
              + ITERATIONS
              + " a live portal needs.\n  Such a setting is for tests only: a stolen copy of the"
              + " accounts table would give up its passwords that much sooner.\n");
    }
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm",
            ALGORITHM,
            "Pbkdf2PasswordHash.Iterations",
            Integer.toString(iterations),
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
    return needsRehash(stored, iterations);
  }

  /**
   * Whether a stored hash is of another form than {@code PBKDF2WithHmacSHA256:<n>:...} or was made
   * with fewer than {@code iterations}.
   */
  static boolean needsRehash(String stored, int iterations) {
    String prefix = ALGORITHM + ":";
    if (stored == null || !stored.startsWith(prefix)) {
      return true;
    }
    int end = stored.indexOf(':', prefix.length());
    if (end < 0) {
      return true;
    }
    try {
      return Integer.parseInt(stored.substring(prefix.length(), end)) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
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
