package org.opendvc.portal.notification;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends one plain-text UTF-8 message through the configured SMTP server. */
final class Mailer {

  private Mailer() {}

  static void send(MailSettings settings, String to, String subject, String body)
      throws MessagingException {
    Session session =
        settings.user().isPresent()
            ? Session.getInstance(
                settings.sessionProperties(),
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(
                        settings.user().get(), settings.password().orElse(""));
                  }
                })
            : Session.getInstance(settings.sessionProperties());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.from().orElseThrow()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, false));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(body, StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    Transport.send(message);
  }
}
