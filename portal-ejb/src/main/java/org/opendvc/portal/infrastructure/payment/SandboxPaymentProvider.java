package org.opendvc.portal.infrastructure.payment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.payment.CallbackSignature;
import org.opendvc.portal.payment.PaymentProvider;

/**
 * A pretend bank for tests and demonstrations ({@code portal.payment.provider=sandbox}, the
 * default). Its payer page is {@code /api/v1/payments/sandbox/{reference}}: the payer chooses
 * "paid" or "failed" there, and the sandbox calls the portal back with fields signed by
 * HMAC-SHA256. The key is {@code portal.payment.sandbox.secret} when configured, otherwise a random
 * key created once and kept in the database (table {@code payment_secret}) so every node shares it.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

  public static final String NAME = "sandbox";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Clock clock;

  private volatile byte[] key;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Started start(Order order) {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String reference = "SBX" + HexFormat.of().formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
    return new Started(reference, "/api/v1/payments/sandbox/" + reference);
  }

  /** The callback the sandbox sends when the payer has paid (or failed to). */
  public Map<String, String> callback(String reference, long amount, boolean paid) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", reference);
    fields.put("amount", Long.toString(amount));
    fields.put("status", paid ? "PAID" : "FAILED");
    fields.put("at", Long.toString(clock.instant().getEpochSecond()));
    fields.put(
        "signature",
        CallbackSignature.sign(
            key(),
            fields.get("reference"),
            fields.get("amount"),
            fields.get("status"),
            fields.get("at")));
    return fields;
  }

  @Override
  public Optional<Outcome> verify(Map<String, String> callback) {
    String reference = callback.get("reference");
    String amount = callback.get("amount");
    String status = callback.get("status");
    String at = callback.get("at");
    if (reference == null
        || amount == null
        || status == null
        || at == null
        || !amount.matches("\\d{1,15}")
        || !("PAID".equals(status) || "FAILED".equals(status))
        || !CallbackSignature.verify(
            key(), callback.get("signature"), reference, amount, status, at)) {
      return Optional.empty();
    }
    return Optional.of(new Outcome(reference, Long.parseLong(amount), "PAID".equals(status)));
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      Optional<String> configured =
          ConfigProvider.getConfig(getClass().getClassLoader())
              .getOptionalValue("portal.payment.sandbox.secret", String.class)
              .map(String::strip)
              .filter(s -> !s.isEmpty());
      k = configured.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(this::storedKey);
      key = k;
    }
    return k;
  }

  /** The key kept in the database, created by the first node that needs it. */
  private byte[] storedKey() {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT IGNORE INTO payment_secret"
                  + " (provider, secret, created_at) VALUES (?, ?, UTC_TIMESTAMP(3))")) {
        s.setString(1, NAME);
        s.setString(2, HexFormat.of().formatHex(fresh));
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement("SELECT secret FROM payment_secret WHERE provider = ?")) {
        s.setString(1, NAME);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return HexFormat.of().parseHex(r.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the sandbox payment key", e);
    }
  }
}
