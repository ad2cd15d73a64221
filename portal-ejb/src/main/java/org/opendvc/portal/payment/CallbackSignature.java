package org.opendvc.portal.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of callback fields: the fields are joined with '|' in a fixed order and
 * signed with a key shared by the provider and the portal; the signature travels as hex.
 */
public final class CallbackSignature {

  private CallbackSignature() {}

  public static String sign(byte[] key, String... fields) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(String.join("|", fields).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always there", e);
    }
  }

  /** Whether {@code signature} signs the fields, compared in constant time. */
  public static boolean verify(byte[] key, String signature, String... fields) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    for (String f : fields) {
      if (f == null || f.indexOf('|') >= 0) {
        return false;
      }
    }
    byte[] expected = sign(key, fields).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}
