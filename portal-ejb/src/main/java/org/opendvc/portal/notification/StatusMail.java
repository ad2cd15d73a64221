package org.opendvc.portal.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.StatusChanged;
import org.opendvc.portal.shared.Messages;

/**
 * The e-mail telling an applicant that their dossier changed status. The applicant's language is
 * not stored yet, so the text is Vietnamese with the English text below it; the subject is
 * Vietnamese with the English status in brackets.
 */
public record StatusMail(String to, String subject, String body) {

  static final String SEPARATOR = "----------------------------------------";

  /**
   * The mail for a change. {@code publicUrl} is the portal's public address (config key {@code
   * portal.public.url}); without it the tracking link is relative.
   */
  public static StatusMail of(StatusChanged e, Optional<String> publicUrl) {
    String link =
        publicUrl.map(u -> u.replaceAll("/+$", "")).orElse("") + "/tracking/" + e.dossierCode();
    String subject =
        Messages.get(
                Messages.VIETNAMESE,
                "notification.subject",
                e.dossierCode(),
                status(Messages.VIETNAMESE, e))
            + " ("
            + status(Locale.ENGLISH, e)
            + ")";
    String body =
        text(Messages.VIETNAMESE, e, link)
            + "\n"
            + SEPARATOR
            + "\n\n"
            + text(Locale.ENGLISH, e, link);
    return new StatusMail(e.applicantEmail(), subject, body);
  }

  private static String status(Locale locale, StatusChanged e) {
    return Messages.get(locale, e.to().messageKey());
  }

  private static String text(Locale locale, StatusChanged e, String link) {
    StringBuilder b = new StringBuilder();
    b.append(Messages.get(locale, "notification.greeting", nonNull(e.applicantName())))
        .append("\n\n");
    b.append(
            Messages.get(
                locale,
                "notification.changed",
                e.dossierCode(),
                nonNull(e.procedureName()),
                nonNull(e.agencyName()),
                status(locale, e)))
        .append('\n');
    if (e.dueAt() != null && !e.to().endsProcessing() && !e.to().isFinal()) {
      DateTimeFormatter format =
          DateTimeFormatter.ofPattern(Messages.get(locale, "notification.dateFormat"), locale);
      b.append(
              Messages.get(
                  locale,
                  "notification.due",
                  format.format(e.dueAt().atZone(WorkingCalendar.ZONE))))
          .append('\n');
    }
    if (e.note() != null && !e.note().isBlank()) {
      b.append(Messages.get(locale, "notification.note", e.note().strip())).append('\n');
    }
    b.append(Messages.get(locale, "notification.tracking", link)).append('\n');
    if (e.to() == DossierStatus.RELEASING || e.to() == DossierStatus.DONE) {
      // the result is there: the tracking page offers the rating once the ID number is typed
      b.append(Messages.get(locale, "notification.rate", link)).append('\n');
    }
    b.append('\n');
    b.append(Messages.get(locale, "notification.footer")).append('\n');
    return b.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
