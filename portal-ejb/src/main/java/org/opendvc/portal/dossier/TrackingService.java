package org.opendvc.portal.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * Public tracking (tra cứu hồ sơ): a dossier's progress by its code and the applicant's ID number.
 *
 * <p>Answers come from a bounded Caffeine cache ({@code portal.tracking.cache.size} dossiers; when
 * full, the less often tracked go first) or, on a miss, from one query: the dossier row with its
 * procedure, agency and history. They are never stale beyond a stated bound:
 *
 * <ul>
 *   <li>a change made on this node evicts the dossier once its transaction has committed (the
 *       {@link StatusChanged} event, after success), and a reader that read the row before that
 *       commit cannot put it back ({@link TrackingCache} stamps);
 *   <li>a change made on another node of the cluster is found by polling the append-only {@code
 *       dossier_history} table every {@code portal.tracking.poll.millis} (500 ms) for rows it has
 *       not seen ({@link ChangeLogCursor}), and evicts the same way;
 *   <li>when polling stops working (database unreachable, executor stuck) the node stops answering
 *       from its cache after {@code 4 × poll interval + 1 s}, and empties it, until a poll succeeds
 *       again.
 * </ul>
 *
 * <p>Only right answers are kept: an unknown code and a wrong ID number always go to the database,
 * even when the code is cached, so that neither the answer nor its timing tells a guesser whether a
 * code exists or was tracked lately. ID numbers are compared as salted SHA-256 digests in constant
 * time, and only the digest is kept in memory.
 */
@ApplicationScoped
public class TrackingService {

  private static final Logger LOG = Logger.getLogger(TrackingService.class.getName());

  /** How long an id skipped in the history is waited for (a transaction that commits late). */
  static final long GAP_LIFETIME_SECONDS = 120;

  private static final int MAX_GAPS = 1_000;
  private static final int POLL_BATCH = 5_000;

  /** More new history rows than this since the last poll: empty the cache rather than read them. */
  private static final int CATCH_UP_LIMIT = 20_000;

  private static final String READ =
      "SELECT d.applicant_id_number, d.status, d.received_at,"
          + " d.due_at, d.finished_at, d.supplement_requests, p.code, p.name, a.code, a.name,"
          + " h.to_status, h.at, h.unit_code, h.action, u.name FROM dossier d"
          + " JOIN catalogue_procedure p ON p.id = d.procedure_id JOIN agency a ON a.id = d.agency_id"
          + " LEFT JOIN dossier_history h ON h.dossier_id = d.id"
          + " LEFT JOIN agency u ON u.code = h.unit_code WHERE d.code = ? ORDER BY h.seq";

  private static final String CHANGES =
      "SELECT h.id, d.code FROM dossier_history h"
          + " JOIN dossier d ON d.id = h.dossier_id WHERE h.id > ? ORDER BY h.id LIMIT "
          + POLL_BATCH;

  private static final String CHANGES_BY_ID =
      "SELECT h.id, d.code FROM dossier_history h"
          + " JOIN dossier d ON d.id = h.dossier_id WHERE h.id IN (";

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "portal.tracking.cache.size", defaultValue = "100000")
  private int cacheSize;

  @Inject
  @ConfigProperty(name = "portal.tracking.poll.millis", defaultValue = "500")
  private long pollMillis;

  private TrackingCache<Entry> cache;
  private final byte[] salt = new byte[16];

  /** Procedure and agency names and unit codes repeat across dossiers: keep one copy of each. */
  private final ConcurrentHashMap<String, String> shared = new ConcurrentHashMap<>();

  private ChangeLogCursor cursor;
  private ScheduledFuture<?> polling;

  /** When the last poll that succeeded started; hits are served only while it is recent. */
  private volatile long lastPollStart = Long.MIN_VALUE;

  private volatile boolean cacheUsable;

  /** What the cache keeps of a dossier: the view, and the digest of the applicant's ID number. */
  record Entry(byte[] idDigest, TrackingView view) {}

  @PostConstruct
  void init() {
    new SecureRandom().nextBytes(salt);
    cache = new TrackingCache<>(Math.max(0, cacheSize));
  }

  /**
   * Starts polling the change log. Called by the start-up bean once the schema is migrated, not
   * from the CDI application-scope event: in an EAR on a full server that event comes before the
   * EJB module has bound {@code java:app/jdbc/portal}, and creating this bean then fails the
   * deployment.
   */
  public synchronized void startPolling() {
    if (polling != null || cache.maxEntries() == 0) {
      return;
    }
    long every = Math.max(50, pollMillis);
    polling = scheduler.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "Tracking cache: up to "
                + cache.maxEntries()
                + " dossiers; other nodes'"
                + " changes are polled every "
                + every
                + " ms");
  }

  @PreDestroy
  synchronized void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }

  /** The dossier when the code and the applicant's ID number match; empty otherwise. */
  public Optional<TrackingView> track(String code, String idNumber) {
    Optional<DossierCode> parsed = DossierCode.parse(code);
    if (idNumber == null || idNumber.isBlank() || parsed.isEmpty()) {
      return Optional.empty();
    }
    String key = parsed.get().toString();
    byte[] given = digest(idNumber.strip());
    boolean usable = cacheIsUsable();
    if (usable) {
      Optional<Entry> hit = cache.get(key);
      if (hit.isPresent() && MessageDigest.isEqual(hit.get().idDigest(), given)) {
        return Optional.of(hit.get().view());
      }
      // a miss, or a wrong ID number for a cached dossier: both go to the database below, so a
      // wrong guess costs the same time whether or not the dossier was tracked lately
    }
    long stamp = cache.stamp(key);
    Optional<Entry> read = read(key);
    if (read.isEmpty() || !MessageDigest.isEqual(read.get().idDigest(), given)) {
      return Optional.empty();
    }
    if (usable) {
      cache.put(key, read.get(), stamp);
    }
    return Optional.of(read.get().view());
  }

  /** A change committed on this node: forget the dossier at once. */
  void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged event) {
    cache.evict(event.dossierCode());
  }

  @Gauge(
      name = "tracking_cache_hits",
      absolute = true,
      unit = "none",
      description = "Public tracking lookups answered from this node's cache")
  public long hits() {
    return cache.hits();
  }

  @Gauge(
      name = "tracking_cache_misses",
      absolute = true,
      unit = "none",
      description = "Public tracking lookups (with a usable cache) that were not in it")
  public long misses() {
    return cache.misses();
  }

  @Gauge(
      name = "tracking_cache_size",
      absolute = true,
      unit = "none",
      description = "Dossiers in this node's tracking cache")
  public long size() {
    return cache.size();
  }

  private boolean cacheIsUsable() {
    if (cache.maxEntries() == 0) {
      return false;
    }
    long staleAfter = TimeUnit.MILLISECONDS.toNanos(4 * Math.max(50, pollMillis) + 1000);
    boolean fresh =
        lastPollStart != Long.MIN_VALUE && System.nanoTime() - lastPollStart < staleAfter;
    if (!fresh && cacheUsable) {
      // polling has stopped keeping up: another node's change could be missed from here on
      cacheUsable = false;
      cache.clear();
      LOG.warning(
          "Tracking cache set aside: the change log was not polled for "
              + TimeUnit.NANOSECONDS.toMillis(staleAfter)
              + " ms");
    }
    return fresh && cacheUsable;
  }

  /** One poll of the change log: evicts the dossiers other nodes (or this one) changed. */
  void poll() {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      if (cursor == null) {
        try (PreparedStatement s =
                c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM dossier_history");
            ResultSet r = s.executeQuery()) {
          r.next();
          cursor =
              new ChangeLogCursor(
                  r.getLong(1), TimeUnit.SECONDS.toNanos(GAP_LIFETIME_SECONDS), MAX_GAPS);
        }
        cache.clear(); // anything cached before the log was read is suspect
      } else {
        long newest;
        try (PreparedStatement s =
                c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM dossier_history");
            ResultSet r = s.executeQuery()) {
          r.next();
          newest = r.getLong(1);
        }
        if (newest - cursor.newest() > CATCH_UP_LIMIT) {
          // a backlog (bulk import, a node paused for long): reading it row by row would take
          // longer than forgetting everything, so forget everything and read on from near the end
          cache.clear();
          cursor =
              new ChangeLogCursor(
                  newest - MAX_GAPS, TimeUnit.SECONDS.toNanos(GAP_LIFETIME_SECONDS), MAX_GAPS);
        }
        List<Long> gaps = cursor.gapIds();
        if (!gaps.isEmpty()) {
          // ids skipped at earlier polls: did their transactions commit since?
          String sql = CHANGES_BY_ID + "?" + ", ?".repeat(gaps.size() - 1) + ")";
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setQueryTimeout(10);
            for (int i = 0; i < gaps.size(); i++) {
              s.setLong(i + 1, gaps.get(i));
            }
            evict(cursor.advance(rows(s), System.nanoTime()));
          }
        }
        int found;
        do {
          try (PreparedStatement s = c.prepareStatement(CHANGES)) {
            s.setQueryTimeout(10);
            s.setLong(1, cursor.newest());
            List<ChangeLogCursor.Row> rows = rows(s);
            found = rows.size();
            evict(cursor.advance(rows, System.nanoTime()));
          }
        } while (found == POLL_BATCH);
      }
      if (!cacheUsable) {
        cache.clear();
        cacheUsable = true;
      }
      lastPollStart = started;
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "Polling the dossier change log failed", e);
      if (cacheUsable) {
        LOG.warning(
            "Polling the dossier change log failed ("
                + e
                + "); tracking answers come"
                + " from the database until it works again");
        cacheUsable = false;
        cache.clear();
      }
    }
  }

  private static List<ChangeLogCursor.Row> rows(PreparedStatement s) throws SQLException {
    List<ChangeLogCursor.Row> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(new ChangeLogCursor.Row(r.getLong(1), r.getString(2)));
      }
    }
    return rows;
  }

  private void evict(List<String> codes) {
    codes.forEach(cache::evict);
  }

  /** The dossier and its history in one query; the view and the digest of its ID number. */
  private Optional<Entry> read(String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(READ)) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String idNumber = r.getString(1);
        DossierStatus status = DossierStatus.ofCode(r.getInt(2)).orElseThrow();
        Instant receivedAt = instant(r, 3);
        Instant dueAt = instant(r, 4);
        Instant finishedAt = instant(r, 5);
        int supplementRequests = r.getInt(6);
        String procedureCode = shared(r.getString(7));
        String procedureName = shared(r.getString(8));
        String agencyCode = shared(r.getString(9));
        String agencyName = shared(r.getString(10));
        List<TrackingView.Step> steps = new ArrayList<>();
        do {
          int to = r.getInt(11);
          if (!r.wasNull()) {
            steps.add(
                new TrackingView.Step(
                    DossierStatus.ofCode(to).orElseThrow(),
                    instant(r, 12),
                    shared(r.getString(13)),
                    shared(r.getString(14)),
                    r.getString(15) == null ? null : shared(r.getString(15))));
          }
        } while (r.next());
        TrackingView view =
            new TrackingView(
                code,
                procedureCode,
                procedureName,
                agencyCode,
                agencyName,
                status,
                receivedAt,
                dueAt,
                finishedAt,
                supplementRequests,
                steps);
        return Optional.of(new Entry(digest(idNumber == null ? "" : idNumber.strip()), view));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read dossier " + code + " for tracking", e);
    }
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    LocalDateTime t = r.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private String shared(String s) {
    if (s == null) {
      return null;
    }
    if (shared.size() > 50_000) {
      shared.clear();
    }
    String known = shared.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  private byte[] digest(String idNumber) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(idNumber.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
