package org.opendvc.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentSettingsTest {

  @Test
  void theSandboxIsTheDefaultOnlyWithTheDemo() {
    assertEquals(Optional.of("sandbox"), PaymentSettings.resolve(Optional.empty(), true));
    assertEquals(Optional.empty(), PaymentSettings.resolve(Optional.empty(), false));
    assertEquals(Optional.empty(), PaymentSettings.resolve(Optional.of("  "), false));
  }

  @Test
  void aNamedProviderIsUsedWithOrWithoutTheDemoAndNoneTurnsPaymentOff() {
    assertEquals(Optional.of("vnpay"), PaymentSettings.resolve(Optional.of(" vnpay "), false));
    assertEquals(Optional.of("sandbox"), PaymentSettings.resolve(Optional.of("sandbox"), false));
    assertEquals(Optional.empty(), PaymentSettings.resolve(Optional.of("none"), true));
    assertEquals(Optional.empty(), PaymentSettings.resolve(Optional.of("NONE"), false));
  }
}
