package org.opendvc.portal.notification;

import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * The SMTP server that notifications go through, from the MicroProfile Config keys {@code
 * portal.mail.*} (docs/operations.md). Without {@code portal.mail.host} nothing is sent.
 */
public record MailSettings(
    Optional<String> host,
    int port,
    Optional<String> from,
    Optional<String> user,
    Optional<String> password,
    boolean startTls) {

  /** Connect, read and write timeout: a stuck server must not hold a worker thread for long. */
  static final int TIMEOUT_MILLIS = 10_000;

  public static MailSettings from(Config config) {
    return new MailSettings(
        text(config, "portal.mail.host"),
        config.getOptionalValue("portal.mail.port", Integer.class).orElse(25),
        text(config, "portal.mail.from"),
        text(config, "portal.mail.user"),
        config.getOptionalValue("portal.mail.password", String.class),
        config.getOptionalValue("portal.mail.starttls", Boolean.class).orElse(false));
  }

  public boolean enabled() {
    return host.isPresent();
  }

  /** The properties of a Jakarta Mail {@code Session} for this server. */
  public Properties sessionProperties() {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    host.ifPresent(h -> p.setProperty("mail.smtp.host", h));
    p.setProperty("mail.smtp.port", Integer.toString(port));
    from.ifPresent(f -> p.setProperty("mail.smtp.from", f));
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
    if (user.isPresent()) {
      p.setProperty("mail.smtp.auth", "true");
    }
    if (startTls) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    return p;
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }
}
