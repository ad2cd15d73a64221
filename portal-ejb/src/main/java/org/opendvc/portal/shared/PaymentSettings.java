package org.opendvc.portal.shared;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which online payment provider the portal uses ({@code portal.payment.provider}). The sandbox, a
 * pretend bank on which anyone may press "paid", is the default only while the demo data is on
 * ({@code portal.demo.data=true}); otherwise no provider is in use until one is named, and fees are
 * collected at the one-stop desk. Naming {@code sandbox} explicitly turns it on anyway (for tests
 * and training), with a warning at every start.
 */
public final class PaymentSettings {

  public static final String SANDBOX = "sandbox";

  /** The value that turns online payment off explicitly. */
  public static final String NONE = "none";

  private PaymentSettings() {}

  /** The provider in use, empty when online payment is off. */
  public static Optional<String> provider() {
    Config config = ConfigProvider.getConfig(PaymentSettings.class.getClassLoader());
    return resolve(
        config.getOptionalValue("portal.payment.provider", String.class),
        config.getOptionalValue("portal.demo.data", Boolean.class).orElse(false));
  }

  /** The provider in use, given the configured name (if any) and whether the demo is on. */
  static Optional<String> resolve(Optional<String> configured, boolean demo) {
    Optional<String> named = configured.map(String::strip).filter(s -> !s.isEmpty());
    if (named.isPresent()) {
      return named.filter(n -> !NONE.equalsIgnoreCase(n));
    }
    return demo ? Optional.of(SANDBOX) : Optional.empty();
  }

  /** Whether the pretend bank is the provider in use. */
  public static boolean sandboxInUse() {
    return provider().map(SANDBOX::equalsIgnoreCase).orElse(false);
  }
}
