package org.opendvc.portal.catalogue.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What people searched for without finding, so that the dictionary grows from their words: per day
 * and query (written without tones, cut to {@value #MAX_QUERY} characters) the number of searches,
 * of searches without any result and of results opened from the search page. Nothing about who
 * searched is kept. Counting costs a map update; the counts reach the database every few seconds in
 * one batch of upserts, never on the search's own time.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchLog {

  static final int MAX_QUERY = 100;

  /** More different queries than this between two flushes are not counted (a flood, not people). */
  static final int MAX_PENDING = 5_000;

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Logger LOG = Logger.getLogger(SearchLog.class.getName());

  /** One line of the report: a query over the period. */
  public record LoggedQuery(String query, long searches, long emptySearches, long clicks) {}

  private record Key(LocalDate day, String query) {}

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Clock clock;

  private final Map<Key, AtomicLongArray> pending = new ConcurrentHashMap<>();

  /** The form a query is counted under: words without tones, one space apart, cut short. */
  public static String normalize(String text) {
    String q =
        String.join(
            " ",
            SearchDictionary.words(text).stream()
                .map(org.opendvc.portal.shared.TextFolding::fold)
                .toList());
    return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY).strip() : q;
  }

  /** A search from a person: its words and how many results it had. */
  public void searched(String text, long results) {
    count(text, results == 0 ? 1 : 0, 0);
  }

  /** A result opened from the search page for these words. */
  public void clicked(String text) {
    count(text, -1, 1);
  }

  private void count(String text, int empty, int click) {
    String q = normalize(text);
    if (q.isEmpty()) {
      return;
    }
    Key key = new Key(LocalDate.now(clock.withZone(ZONE)), q);
    AtomicLongArray c = pending.get(key);
    if (c == null) {
      if (pending.size() >= MAX_PENDING) {
        return;
      }
      c = pending.computeIfAbsent(key, k -> new AtomicLongArray(3));
    }
    if (empty >= 0) {
      c.incrementAndGet(0);
      c.addAndGet(1, empty);
    }
    c.addAndGet(2, click);
  }

  /** Writes the counts gathered so far; runs every few seconds and when the node stops. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  @PreDestroy
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Map.Entry<Key, AtomicLongArray>> batch = new ArrayList<>();
    for (Key k : List.copyOf(pending.keySet())) {
      AtomicLongArray c = pending.remove(k);
      if (c != null) {
        batch.add(Map.entry(k, c));
      }
    }
    try (Connection conn = dataSource.getConnection();
        PreparedStatement s =
            conn.prepareStatement(
                "INSERT INTO search_log"
                    + " (day, query, searches, empty_searches, clicks) VALUES (?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE searches = searches + VALUES(searches),"
                    + " empty_searches = empty_searches + VALUES(empty_searches),"
                    + " clicks = clicks + VALUES(clicks)")) {
      for (Map.Entry<Key, AtomicLongArray> e : batch) {
        s.setDate(1, Date.valueOf(e.getKey().day()));
        s.setString(2, e.getKey().query());
        s.setLong(3, e.getValue().get(0));
        s.setLong(4, e.getValue().get(1));
        s.setLong(5, e.getValue().get(2));
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "search log not written; " + batch.size() + " queries lost", e);
    }
  }

  /**
   * The most frequent queries of the period [from, to] that found nothing ({@code empty}) or found
   * results nobody opened (otherwise), most frequent first.
   */
  public List<LoggedQuery> report(LocalDate from, LocalDate to, boolean empty, int limit) {
    flush();
    String having =
        empty
            ? "SUM(empty_searches) > 0"
            : "SUM(clicks) = 0 AND SUM(searches) > SUM(empty_searches)";
    String order = empty ? "SUM(empty_searches)" : "SUM(searches)";
    String sql =
        "SELECT query, SUM(searches), SUM(empty_searches), SUM(clicks) FROM search_log"
            + " WHERE day BETWEEN ? AND ? GROUP BY query HAVING "
            + having
            + " ORDER BY "
            + order
            + " DESC, query LIMIT ?";
    List<LoggedQuery> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setDate(1, Date.valueOf(from));
      s.setDate(2, Date.valueOf(to));
      s.setInt(3, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new LoggedQuery(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the search log", e);
    }
    return out;
  }

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
