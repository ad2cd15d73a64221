package org.opendvc.portal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Provider callbacks are trusted only with a valid HMAC-SHA256 signature. */
class CallbackSignatureTest {

  private static final byte[] KEY = "sandbox-secret".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesAKnownVector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        CallbackSignature.sign(
            "Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"));
  }

  @Test
  void verifiesWhatItSignedAndNothingElse() {
    String sig = CallbackSignature.sign(KEY, "SBX1", "50000", "PAID", "1700000000");
    assertTrue(CallbackSignature.verify(KEY, sig, "SBX1", "50000", "PAID", "1700000000"));
    assertTrue(
        CallbackSignature.verify(KEY, sig.toUpperCase(), "SBX1", "50000", "PAID", "1700000000"),
        "hex case does not matter");
    assertFalse(CallbackSignature.verify(KEY, sig, "SBX1", "50001", "PAID", "1700000000"));
    assertFalse(CallbackSignature.verify(KEY, sig, "SBX1", "50000", "FAILED", "1700000000"));
    assertFalse(
        CallbackSignature.verify(
            "other".getBytes(StandardCharsets.UTF_8), sig, "SBX1", "50000", "PAID", "1700000000"));
    assertFalse(CallbackSignature.verify(KEY, null, "SBX1", "50000", "PAID", "1700000000"));
    assertFalse(CallbackSignature.verify(KEY, "", "SBX1", "50000", "PAID", "1700000000"));
  }

  @Test
  void fieldsCannotBeShiftedAcrossTheSeparator() {
    String sig = CallbackSignature.sign(KEY, "SBX1|50000", "PAID");
    assertFalse(CallbackSignature.verify(KEY, sig, "SBX1|50000", "PAID"));
    assertFalse(CallbackSignature.verify(KEY, sig, "SBX1", "50000|PAID"));
  }
}
