package org.opendvc.portal.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.feedback.FeedbackService;
import org.opendvc.portal.satisfaction.SatisfactionIndex;
import org.opendvc.portal.satisfaction.SatisfactionService;
import org.opendvc.portal.statistics.Figures;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * Every Monday at 07:00 (Vietnam time), mails each agency's administrators (AGENCY_ADMIN accounts
 * with an e-mail) the summary of the week before. A row in {@code weekly_summary} is claimed before
 * the mails go, so each summary is sent once, whichever node runs first; an administrator can send
 * a week's summaries by hand (those already sent are skipped).
 */
@Singleton
public class WeeklySummaries {

  private static final Logger LOG = Logger.getLogger(WeeklySummaries.class.getName());

  @Inject private StatisticsService statistics;
  @Inject private SatisfactionService satisfaction;
  @Inject private FeedbackService feedback;
  @Inject private Config config;
  @Inject private Clock clock;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  /** What a run did: the week, the agencies with recipients, those sent now and before. */
  public record Result(LocalDate weekStart, int agencies, int sent, int alreadySent, int mails) {}

  @Schedule(
      dayOfWeek = "Mon",
      hour = "7",
      minute = "0",
      timezone = "Asia/Ho_Chi_Minh",
      persistent = false)
  void weekly() {
    try {
      Result r = send(lastWeek());
      LOG.info(
          () ->
              "Weekly summaries of "
                  + r.weekStart()
                  + ": "
                  + r.sent()
                  + " sent, "
                  + r.alreadySent()
                  + " sent before");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The weekly summaries could not be sent", e);
    }
  }

  /** The Monday of the week before this one. */
  public LocalDate lastWeek() {
    return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .minusWeeks(1);
  }

  /** Sends the summaries of the week starting on {@code monday} not sent yet. */
  public Result send(LocalDate monday) {
    MailSettings settings = MailSettings.from(config);
    LocalDate sunday = monday.plusDays(6);
    Map<String, List<String>> recipients = new LinkedHashMap<>();
    Map<String, long[]> ids = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT g.id, g.code, g.name, a.email"
                    + " FROM account a JOIN agency g ON g.id = a.agency_id WHERE a.role = 'AGENCY_ADMIN'"
                    + " AND a.enabled = TRUE AND a.email IS NOT NULL AND a.email <> ''"
                    + " ORDER BY g.code, a.username");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        recipients.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getString(4));
        ids.put(r.getString(2), new long[] {r.getLong(1)});
        names.put(r.getString(2), r.getString(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the agencies' administrators failed", e);
    }
    int sent = 0;
    int before = 0;
    int mails = 0;
    Optional<String> publicUrl =
        config.getOptionalValue("portal.public.url", String.class).filter(u -> !u.isBlank());
    for (Map.Entry<String, List<String>> e : recipients.entrySet()) {
      String code = e.getKey();
      if (!claim(monday, ids.get(code)[0], e.getValue().size())) {
        before++;
        continue;
      }
      WeeklySummary summary = summary(code, names.get(code), monday, sunday);
      for (String to : e.getValue()) {
        if (!settings.enabled() || settings.from().isEmpty()) {
          LOG.fine(() -> "No mail settings: the weekly summary of " + code + " is not mailed");
          continue;
        }
        try {
          StatusMail m = summary.mail(to, publicUrl);
          Mailer.send(settings, m.to(), m.subject(), m.body());
          mails++;
        } catch (jakarta.mail.MessagingException | RuntimeException failure) {
          LOG.warning(() -> "Could not mail the weekly summary of " + code + ": " + failure);
        }
      }
      sent++;
    }
    return new Result(monday, recipients.size(), sent, before, mails);
  }

  /** The figures of one agency's week (with its units), and its feedback waiting now. */
  public WeeklySummary summary(
      String agencyCode, String agencyName, LocalDate monday, LocalDate sunday) {
    StatisticsQuery q =
        new StatisticsQuery(monday, sunday, StatisticsQuery.GroupBy.AGENCY, agencyCode);
    Figures f = statistics.report(q).total();
    SatisfactionIndex.Row s = satisfaction.index(q).total();
    FeedbackService.Waiting w = feedback.waiting(agencyCode);
    return new WeeklySummary(
        agencyCode,
        agencyName,
        monday,
        sunday,
        f.resolved(),
        f.resolvedLate(),
        f.inProgressOverdue(),
        s.responses(),
        s.overall().share(),
        w.waiting(),
        w.overdue());
  }

  /** Claims the week's summary of an agency; false when it was claimed before. */
  private boolean claim(LocalDate monday, long agencyId, int recipients) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT IGNORE INTO weekly_summary"
                    + " (week_start, agency_id, sent_at, recipients) VALUES (?, ?, ?, ?)")) {
      s.setObject(1, monday);
      s.setLong(2, agencyId);
      s.setObject(3, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      s.setInt(4, recipients);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("claiming the weekly summary failed", e);
    }
  }
}
