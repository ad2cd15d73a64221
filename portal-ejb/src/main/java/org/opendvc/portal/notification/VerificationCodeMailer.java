package org.opendvc.portal.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.opendvc.portal.identity.VerificationCodeIssued;
import org.opendvc.portal.shared.Messages;

/**
 * E-mails the one-time code of an account registration, in the language the person registered in,
 * once the registration is committed; the sending runs on the managed executor so a slow mail
 * server never holds the request. Neither the code nor the address is logged.
 */
@ApplicationScoped
public class VerificationCodeMailer {

  private static final Logger LOG = Logger.getLogger(VerificationCodeMailer.class.getName());

  @Inject private Config config;

  @Resource private ManagedExecutorService executor;

  void onCode(@Observes(during = TransactionPhase.AFTER_SUCCESS) VerificationCodeIssued event) {
    MailSettings settings = MailSettings.from(config);
    if (!settings.enabled() || settings.from().isEmpty()) {
      LOG.warning(
          "portal.mail.host or portal.mail.from is not set: a registration code was not" + " sent");
      return;
    }
    Locale locale = "en".equals(event.language()) ? Locale.ENGLISH : Messages.VIETNAMESE;
    String subject = Messages.get(locale, "registration.mail.subject", event.code());
    String body =
        Messages.get(
            locale, "registration.mail.body", event.fullName(), event.code(), event.validMinutes());
    executor.execute(
        () -> {
          try {
            Mailer.send(settings, event.email(), subject, body);
          } catch (MessagingException | RuntimeException e) {
            LOG.warning(
                () ->
                    "Could not send a registration code through "
                        + settings.host().orElse("")
                        + ":"
                        + settings.port()
                        + ": "
                        + e);
            LOG.log(Level.FINE, "Mail failure", e);
          }
        });
  }
}
