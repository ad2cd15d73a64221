package org.opendvc.portal.statistics;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.statistics.DossierFlows.Counter;
import org.opendvc.portal.statistics.DossierFlows.Key;
import org.opendvc.portal.statistics.DossierFlows.Step;

/**
 * Recounts the statistics from the raw history of every dossier and compares them with the kept
 * figures ({@link #check}), or replaces the kept figures with the recount ({@link #repair}).
 */
@Stateless
public class StatisticsRecount {

  private static final Logger LOG = Logger.getLogger(StatisticsRecount.class.getName());
  private static final int SAMPLES = 20;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  /** What a recount found: dossiers read, kept rows compared, and the rows that differ. */
  public record Result(
      long dossiers, int rows, int differing, List<String> samples, boolean repaired) {

    public boolean consistent() {
      return differing == 0;
    }
  }

  /**
   * Recounts from a consistent snapshot of the history and compares with the kept day figures;
   * changes nothing and blocks nobody.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Result check() {
    try (Connection c = dataSource.getConnection()) {
      Recounted recounted = recount(c);
      Map<Key, int[]> kept = keptDays(c);
      return compare(recounted, kept, false);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot recount the statistics", e);
    }
  }

  /**
   * Replaces the kept figures with a recount. Status changes wait while it runs (it locks the month
   * figures first, as every change updates them first), so none is lost or counted twice.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Result repair() {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT month FROM dossier_stat_month FOR UPDATE").close();
        s.executeQuery("SELECT day FROM dossier_stat_day FOR UPDATE").close();
      }
      Recounted recounted = recount(c);
      Map<Key, int[]> kept = keptDays(c);
      Result result = compare(recounted, kept, true);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM dossier_stat_month");
        s.executeUpdate("DELETE FROM dossier_stat_day");
      }
      StatisticsStore.upsert(
          c, "dossier_stat_month", "month", DossierFlows.byMonth(recounted.flows));
      StatisticsStore.upsert(c, "dossier_stat_day", "day", new TreeMap<>(recounted.flows));
      if (kept.isEmpty()) {
        // nothing was counted yet (a database just filled, e.g. with the demo): a first count
        LOG.info(
            () ->
                "Statistics counted from the history: "
                    + recounted.flows.size()
                    + " day figures of "
                    + recounted.dossiers
                    + " dossiers");
      } else if (!result.consistent()) {
        LOG.warning(
            "Statistics recount: "
                + result.differing()
                + " of "
                + result.rows()
                + " day figures differed from the history and were replaced, e.g. "
                + result.samples());
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot recount the statistics", e);
    }
  }

  private record Recounted(long dossiers, Map<Key, int[]> flows) {}

  private static Recounted recount(Connection c) throws SQLException {
    Map<Key, int[]> total = new HashMap<>();
    long dossiers = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT h.dossier_id, d.channel, d.procedure_id, h.to_status, h.at,"
                + " COALESCE(h.agency_id, d.agency_id), h.due_at"
                + " FROM dossier_history h JOIN dossier d ON d.id = h.dossier_id"
                + " ORDER BY h.dossier_id, h.seq",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      s.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet r = s.executeQuery()) {
        long current = -1;
        Channel channel = null;
        long procedure = 0;
        List<Step> steps = new ArrayList<>();
        while (r.next()) {
          long id = r.getLong(1);
          if (id != current) {
            if (current != -1) {
              merge(total, DossierFlows.of(channel, procedure, steps));
              dossiers++;
            }
            current = id;
            channel = Channel.valueOf(r.getString(2));
            procedure = r.getLong(3);
            steps.clear();
          }
          steps.add(
              new Step(
                  DossierStatus.ofCode(r.getInt(4)).orElseThrow(),
                  instant(r, 5),
                  r.getLong(6),
                  instant(r, 7)));
        }
        if (current != -1) {
          merge(total, DossierFlows.of(channel, procedure, steps));
          dossiers++;
        }
      }
    }
    total.values().removeIf(DossierFlows::allZero);
    return new Recounted(dossiers, total);
  }

  /** Moments are stored as UTC date-times. */
  private static Instant instant(ResultSet r, int column) throws SQLException {
    LocalDateTime t = r.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  private static void merge(Map<Key, int[]> total, Map<Key, int[]> flows) {
    flows.forEach(
        (k, v) -> {
          int[] sum = total.computeIfAbsent(k, x -> new int[v.length]);
          for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
          }
        });
  }

  private static Map<Key, int[]> keptDays(Connection c) throws SQLException {
    Map<Key, int[]> kept = new HashMap<>();
    StringBuilder sql = new StringBuilder("SELECT day, agency_id, procedure_id");
    for (Counter x : Counter.values()) {
      sql.append(", ").append(x.column());
    }
    sql.append(" FROM dossier_stat_day");
    try (PreparedStatement s = c.prepareStatement(sql.toString());
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        int[] v = new int[Counter.values().length];
        for (int i = 0; i < v.length; i++) {
          v[i] = r.getInt(4 + i);
        }
        if (!DossierFlows.allZero(v)) {
          kept.put(new Key(r.getDate(1).toLocalDate(), r.getLong(2), r.getLong(3)), v);
        }
      }
    }
    return kept;
  }

  private static Result compare(Recounted recounted, Map<Key, int[]> kept, boolean repaired) {
    Map<Key, int[]> diff = DossierFlows.difference(recounted.flows, kept);
    List<String> samples =
        new TreeMap<>(diff)
            .entrySet().stream()
                .limit(SAMPLES)
                .map(e -> e.getKey() + " history−kept " + java.util.Arrays.toString(e.getValue()))
                .toList();
    return new Result(
        recounted.dossiers,
        Math.max(kept.size(), recounted.flows.size()),
        diff.size(),
        samples,
        repaired);
  }
}
