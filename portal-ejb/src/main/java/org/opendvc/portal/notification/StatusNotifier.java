package org.opendvc.portal.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.opendvc.portal.dossier.StatusChanged;

/**
 * E-mails the applicant on every status change of a dossier that has an applicant e-mail. It acts
 * only once the change is committed, and hands the sending to the server's managed executor, so
 * neither a slow nor a failing mail server can delay, break or roll back the change: failures are
 * logged, and the dossier stays as it is.
 */
@ApplicationScoped
public class StatusNotifier {

  private static final Logger LOG = Logger.getLogger(StatusNotifier.class.getName());

  @Inject private Config config;

  @Resource private ManagedExecutorService executor;

  void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged event) {
    try {
      if (event.applicantEmail() == null || event.applicantEmail().isBlank()) {
        return;
      }
      MailSettings settings = MailSettings.from(config);
      if (!settings.enabled()) {
        LOG.fine(
            () ->
                "No portal.mail.host: no e-mail for "
                    + event.dossierCode()
                    + " ("
                    + event.action()
                    + " -> "
                    + event.to().key()
                    + ")");
        return;
      }
      if (settings.from().isEmpty()) {
        LOG.warning(() -> "portal.mail.from is not set: no e-mail for " + event.dossierCode());
        return;
      }
      StatusMail mail =
          StatusMail.of(
              event,
              config.getOptionalValue("portal.public.url", String.class).filter(s -> !s.isBlank()));
      executor.execute(() -> send(settings, mail, event));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not prepare the e-mail for " + event.dossierCode(), e);
    }
  }

  private static void send(MailSettings settings, StatusMail mail, StatusChanged event) {
    try {
      Mailer.send(settings, mail.to(), mail.subject(), mail.body());
      LOG.fine(
          () -> "E-mailed the applicant of " + event.dossierCode() + " (" + event.to().key() + ")");
    } catch (MessagingException | RuntimeException e) {
      // the address is personal data: log the dossier, not the recipient
      LOG.warning(
          () ->
              "Could not e-mail the applicant of "
                  + event.dossierCode()
                  + " ("
                  + event.action()
                  + " -> "
                  + event.to().key()
                  + ") through "
                  + settings.host().orElse("")
                  + ":"
                  + settings.port()
                  + ": "
                  + e);
      LOG.log(Level.FINE, "Mail failure", e);
    }
  }
}
