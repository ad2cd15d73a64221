package org.opendvc.portal.notification;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.shared.Messages;

/**
 * The weekly summary of one agency for its head: the week's dossiers resolved and resolved late,
 * the dossiers overdue now, the ratings and the share satisfied, the feedback waiting for an answer
 * and how much of it is past its deadline. Vietnamese first, then English.
 */
public record WeeklySummary(
    String agencyCode,
    String agencyName,
    LocalDate from,
    LocalDate to,
    long resolved,
    long resolvedLate,
    long overdueInProgress,
    long ratings,
    Double satisfied,
    long feedbackWaiting,
    long feedbackOverdue) {

  /** The mail to one recipient. */
  public StatusMail mail(String recipient, Optional<String> publicUrl) {
    String base = publicUrl.map(u -> u.replaceAll("/+$", "")).orElse("");
    String subject =
        Messages.get(
            Messages.VIETNAMESE,
            "summary.subject",
            agencyName,
            day(Messages.VIETNAMESE, from),
            day(Messages.VIETNAMESE, to));
    String body =
        text(Messages.VIETNAMESE, base)
            + "\n"
            + StatusMail.SEPARATOR
            + "\n\n"
            + text(Locale.ENGLISH, base);
    return new StatusMail(recipient, subject, body);
  }

  private String text(Locale locale, String base) {
    NumberFormat n = NumberFormat.getIntegerInstance(locale);
    StringBuilder b = new StringBuilder();
    b.append(Messages.get(locale, "summary.lead", agencyName, day(locale, from), day(locale, to)))
        .append("\n\n");
    b.append(Messages.get(locale, "summary.resolved", n.format(resolved), n.format(resolvedLate)))
        .append('\n');
    b.append(Messages.get(locale, "summary.overdue", n.format(overdueInProgress))).append('\n');
    String share =
        satisfied == null
            ? Messages.get(locale, "summary.noShare")
            : NumberFormat.getPercentInstance(locale).format(satisfied);
    b.append(Messages.get(locale, "summary.ratings", n.format(ratings), share)).append('\n');
    b.append(
            Messages.get(
                locale, "summary.feedback", n.format(feedbackWaiting), n.format(feedbackOverdue)))
        .append("\n\n");
    b.append(
            Messages.get(
                locale,
                "summary.links",
                base + "/officer/dossiers?overdue=true",
                base + "/officer/feedback",
                base + "/scorecard?agency=" + agencyCode))
        .append("\n\n");
    b.append(Messages.get(locale, "notification.footer")).append('\n');
    return b.toString();
  }

  private static String day(Locale locale, LocalDate d) {
    return DateTimeFormatter.ofPattern("dd/MM/yyyy", locale).format(d);
  }
}
