package org.opendvc.portal.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the password hashes the portal stored before it used Jakarta Security's {@code
 * Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256 in the form {@code pbkdf2-sha256$iterations$salt$hash}
 * (Base64 without padding). Such a hash still signs its owner in, and {@link Passwords} replaces it
 * at that sign-in; nothing writes this form any more.
 */
final class LegacyPasswordHashes {

  static final String PREFIX = "pbkdf2-sha256$";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int HASH_BITS = 256;

  /** More work than any stored hash has: a forged hash must not make a request expensive. */
  private static final int MAX_ITERATIONS = 1_000_000;

  private LegacyPasswordHashes() {}

  static boolean isLegacy(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  static boolean matches(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !isLegacy(stored)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1 || iterations > MAX_ITERATIONS) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A hash in the old form (tests of the migration only). */
  static String hash(String password, byte[] salt, int iterations) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }
}
