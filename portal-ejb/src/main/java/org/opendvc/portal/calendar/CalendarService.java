package org.opendvc.portal.calendar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The working calendar kept as data: each year's public holidays and swapped working days, and the
 * {@link WorkingCalendar} built from them with the configured office hours ({@value
 * #OFFICE_HOURS_KEY}), which every due-date computation uses.
 *
 * <p>The calendar is held in memory. Each node checks the calendar revision in the database at most
 * every {@code portal.calendar.refresh.seconds} (5) seconds and re-reads the calendar when it
 * moved, so a change made on another node of a cluster shows up here too; a change made on this
 * node is read again before the administrator's request answers ({@link #calendarChanged}). A due
 * date costs no database query beyond that check. An invalid office-hours setting stops the
 * start-up with a message naming the key.
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CalendarService {

  public static final String OFFICE_HOURS_KEY = "portal.office.hours";
  public static final String DEFAULT_OFFICE_HOURS = "07:00-11:30,13:30-17:00";

  private static final Logger LOG = Logger.getLogger(CalendarService.class.getName());

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Event<CalendarChanged> changed;

  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = OFFICE_HOURS_KEY, defaultValue = DEFAULT_OFFICE_HOURS)
  private String officeHoursSetting;

  @Inject
  @ConfigProperty(name = "portal.calendar.refresh.seconds", defaultValue = "5")
  private int refreshSeconds;

  private OfficeHours hours;
  private final ReentrantLock loading = new ReentrantLock();
  private volatile Snapshot snapshot;
  private volatile long lastCheckNanos;
  private volatile boolean stale;

  /** The calendar as last read: its revision, the rule's calendar, and every entry by date. */
  record Snapshot(
      long revision, WorkingCalendar calendar, NavigableMap<LocalDate, CalendarEntry> entries) {}

  @PostConstruct
  void start() {
    hours = officeHours(officeHoursSetting);
    loading.lock();
    try {
      Snapshot s = load();
      LOG.info(
          () ->
              String.format(
                  "Working calendar loaded: %d dates, revision %d, office hours %s",
                  s.entries().size(), s.revision(), officeHoursSetting));
    } finally {
      loading.unlock();
    }
  }

  /**
   * Reads the office-hours setting, or fails with a message that names the key and shows the
   * expected form: a wrong value must stop the portal, not be replaced by the default silently.
   */
  public static OfficeHours officeHours(String setting) {
    try {
      return OfficeHours.parse(setting == null ? "" : setting);
    } catch (RuntimeException e) {
      String message =
          "The setting "
              + OFFICE_HOURS_KEY
              + " (environment PORTAL_OFFICE_HOURS) = '"
              + setting
              + "' is not valid: "
              + e.getMessage()
              + ". Write the office periods of a"
              + " working day as HH:mm-HH:mm, in order and separated by commas, e.g. "
              + DEFAULT_OFFICE_HOURS;
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
  }

  /** The calendar that due dates are computed with, re-read first if it changed. */
  public WorkingCalendar calendar() {
    return current().calendar();
  }

  /** The due moment of a time limit counted from receipt (docs/domain.md §4). */
  public Instant due(Instant receivedAt, long amount, TimeLimitUnit unit) {
    if (amount < 0 || amount > CalendarRules.MAX_AMOUNT) {
      throw new InvalidInputException(
          "amount", "dueDate.amountRange", String.valueOf(CalendarRules.MAX_AMOUNT));
    }
    return calendar().due(receivedAt, amount, unit);
  }

  /** A year's holidays and swapped working days. */
  public CalendarYear year(int year) {
    var problems = CalendarRules.yearProblems("year", year);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    NavigableMap<LocalDate, CalendarEntry> entries = current().entries();
    return new CalendarYear(
        year,
        new ArrayList<>(
            entries
                .subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
                .values()));
  }

  /**
   * Replaces every entry of a year in one transaction, after checking them with {@link
   * CalendarRules}; the new calendar is used from the next computation on, on every node.
   *
   * @param changedBy who made the change, kept with the calendar revision
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public CalendarYear replaceYear(
      int year, List<CalendarEntry> holidays, List<CalendarEntry> workingDays, String changedBy) {
    if (holidays.stream().anyMatch(java.util.Objects::isNull)
        || workingDays.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("entries must not be null");
    }
    var problems = CalendarRules.problems(year, holidays, workingDays);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<CalendarEntry> entries = new ArrayList<>();
    holidays.forEach(e -> entries.add(new CalendarEntry(e.date(), DayKind.HOLIDAY, e.name())));
    workingDays.forEach(
        e -> entries.add(new CalendarEntry(e.date(), DayKind.WORKING_DAY, e.name())));
    try (Connection c = dataSource.getConnection()) {
      // the state row serialises concurrent replacements of the calendar
      try (PreparedStatement s =
          c.prepareStatement("SELECT revision FROM calendar_state WHERE id = 1 FOR UPDATE")) {
        s.executeQuery().close();
      }
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM calendar_day WHERE calendar_date BETWEEN ? AND ?")) {
        s.setObject(1, LocalDate.of(year, 1, 1));
        s.setObject(2, LocalDate.of(year, 12, 31));
        s.executeUpdate();
      }
      if (!entries.isEmpty()) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO calendar_day (calendar_date, kind, name) VALUES (?, ?, ?)")) {
          for (CalendarEntry e : entries) {
            s.setObject(1, e.date());
            s.setString(2, e.kind().name());
            s.setString(3, e.name());
            s.addBatch();
          }
          s.executeBatch();
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE calendar_state SET revision ="
                  + " revision + 1, changed_at = ?, changed_by = ? WHERE id = 1")) {
        s.setTimestamp(1, Timestamp.from(clock.instant()));
        s.setString(2, changedBy);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the calendar of " + year, e);
    }
    changed.fire(new CalendarChanged());
    LOG.info(
        () ->
            "Calendar of " + year + " replaced by " + changedBy + ": " + entries.size() + " dates");
    return new CalendarYear(year, entries);
  }

  /**
   * An administrator changed the calendar on this node: once the change is committed, it is read
   * again before the administrator's request answers, so the very next computation, anyone's, uses
   * it. (Marking the calendar for a check at the next computation instead let that computation be
   * someone else's: the administrator's, coming just after, found the mark gone and the old
   * calendar still in place while the other thread was reading the new one.) Should the database
   * not answer now, the next computation checks again.
   */
  public void calendarChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarChanged change) {
    loading.lock();
    try {
      load();
    } catch (RuntimeException e) {
      stale = true;
      LOG.log(Level.WARNING, "Cannot read the changed calendar now; the next computation will", e);
    } finally {
      loading.unlock();
    }
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (!stale && System.nanoTime() - lastCheckNanos < refreshSeconds * 1_000_000_000L) {
      return s;
    }
    boolean mustSee = stale;
    if (mustSee) {
      loading.lock();
    } else if (!loading.tryLock()) {
      return s; // another thread is checking; this one uses the calendar it has
    }
    try {
      lastCheckNanos = System.nanoTime();
      stale = false;
      Snapshot known = snapshot;
      if (readRevision() != known.revision()) {
        return load();
      }
      return known;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Cannot check the calendar revision; using the calendar read before", e);
      return snapshot;
    } finally {
      loading.unlock();
    }
  }

  /** Reads the whole calendar (a few dozen rows a year); the caller holds {@link #loading}. */
  private Snapshot load() {
    try (Connection c = dataSource.getConnection()) {
      long revision = readRevision(c);
      NavigableMap<LocalDate, CalendarEntry> entries = new TreeMap<>();
      Set<LocalDate> holidays = new HashSet<>();
      Set<LocalDate> workingDays = new HashSet<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT calendar_date, kind, name FROM calendar_day ORDER BY calendar_date");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          LocalDate date = r.getObject(1, LocalDate.class);
          DayKind kind = DayKind.valueOf(r.getString(2));
          entries.put(date, new CalendarEntry(date, kind, r.getString(3)));
          (kind == DayKind.HOLIDAY ? holidays : workingDays).add(date);
        }
      }
      Snapshot fresh =
          new Snapshot(
              revision,
              new WorkingCalendar(hours, holidays, workingDays, WorkingCalendar.ZONE),
              java.util.Collections.unmodifiableNavigableMap(entries));
      snapshot = fresh;
      lastCheckNanos = System.nanoTime();
      return fresh;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the working calendar", e);
    }
  }

  private long readRevision() {
    try (Connection c = dataSource.getConnection()) {
      return readRevision(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the calendar revision", e);
    }
  }

  private static long readRevision(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT revision FROM calendar_state WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0L;
    }
  }
}
