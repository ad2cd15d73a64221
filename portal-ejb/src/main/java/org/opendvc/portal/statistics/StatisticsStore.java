package org.opendvc.portal.statistics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opendvc.portal.statistics.DossierFlows.Counter;
import org.opendvc.portal.statistics.DossierFlows.Key;

/**
 * The kept statistics in {@code dossier_stat_day} and {@code dossier_stat_month}: adding flows (in
 * the caller's transaction) and summing them over ranges of days. Every write goes to both tables,
 * in key order, so concurrent changes lock rows in the same order.
 */
@ApplicationScoped
public class StatisticsStore {

  private static final String COLUMNS =
      Arrays.stream(Counter.values()).map(Counter::column).collect(Collectors.joining(", "));
  private static final String SUMS =
      Arrays.stream(Counter.values())
          .map(c -> "SUM(" + c.column() + ")")
          .collect(Collectors.joining(", "));

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  /** Pairs of (agency, procedure) with their summed flows. */
  public record Pair(long agencyId, long procedureId) {}

  /** Adds the flows (per day) to the day and month figures, in the current transaction. */
  public void add(Map<Key, int[]> flows) {
    if (flows.isEmpty()) {
      return;
    }
    Map<Key, int[]> months = DossierFlows.byMonth(flows);
    try (Connection c = dataSource.getConnection()) {
      // months first: a recount locks the month figures first too (see StatisticsRecount)
      upsert(c, "dossier_stat_month", "month", months);
      upsert(c, "dossier_stat_day", "day", new TreeMap<>(flows));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update the statistics", e);
    }
  }

  static void upsert(Connection c, String table, String dayColumn, Map<Key, int[]> rows)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(table)
            .append(" (")
            .append(dayColumn)
            .append(", agency_id, procedure_id, ")
            .append(COLUMNS)
            .append(") VALUES (?, ?, ?")
            .append(", ?".repeat(Counter.values().length))
            .append(") ON DUPLICATE KEY UPDATE ");
    sql.append(
        Arrays.stream(Counter.values())
            .map(x -> x.column() + " = " + x.column() + " + VALUES(" + x.column() + ")")
            .collect(Collectors.joining(", ")));
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (Map.Entry<Key, int[]> e : rows.entrySet()) {
        if (DossierFlows.allZero(e.getValue())) {
          continue;
        }
        bind(s, e.getKey(), e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void bind(PreparedStatement s, Key k, int[] v) throws SQLException {
    int i = 1;
    s.setDate(i++, Date.valueOf(k.day()));
    s.setLong(i++, k.agencyId());
    s.setLong(i++, k.procedureId());
    for (int x : v) {
      s.setInt(i++, x);
    }
  }

  /**
   * The flows summed per (agency, procedure) over days {@code from}..{@code to} inclusive (either
   * may be null: unbounded), read from the month figures for whole months and the day figures for
   * the rest, for the given agencies (null: all).
   */
  public Map<Pair, int[]> sum(LocalDate from, LocalDate to, Collection<Long> agencies) {
    Map<Pair, int[]> out = new HashMap<>();
    if (from != null && to != null && from.isAfter(to)) {
      return out;
    }
    try (Connection c = dataSource.getConnection()) {
      for (Range r : ranges(from, to)) {
        sum(c, r, agencies, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the statistics", e);
    }
    return out;
  }

  /** A run of whole months (month table) or of days (day table), bounds inclusive or null. */
  record Range(boolean months, LocalDate from, LocalDate to) {}

  /** Splits a day range into at most three runs: leading days, whole months, trailing days. */
  static List<Range> ranges(LocalDate from, LocalDate to) {
    List<Range> out = new ArrayList<>();
    LocalDate cur = from;
    if (cur != null && cur.getDayOfMonth() != 1) {
      LocalDate end = cur.withDayOfMonth(cur.lengthOfMonth());
      if (to != null && to.isBefore(end)) {
        end = to;
      }
      out.add(new Range(false, cur, end));
      cur = end.plusDays(1);
    }
    if (to != null && cur != null && cur.isAfter(to)) {
      return out;
    }
    LocalDate lastWhole =
        to == null
            ? null
            : to.getDayOfMonth() == to.lengthOfMonth()
                ? to.withDayOfMonth(1)
                : to.withDayOfMonth(1).minusMonths(1);
    if (lastWhole == null || cur == null || !lastWhole.isBefore(cur)) {
      out.add(new Range(true, cur, lastWhole));
    }
    if (to != null && to.getDayOfMonth() != to.lengthOfMonth()) {
      LocalDate start = to.withDayOfMonth(1);
      if (cur == null || !start.isBefore(cur)) {
        out.add(new Range(false, start, to));
      } else if (!to.isBefore(cur)) {
        out.add(new Range(false, cur, to));
      }
    }
    return out;
  }

  private static void sum(Connection c, Range r, Collection<Long> agencies, Map<Pair, int[]> out)
      throws SQLException {
    String column = r.months() ? "month" : "day";
    StringBuilder sql =
        new StringBuilder("SELECT agency_id, procedure_id, ")
            .append(SUMS)
            .append(" FROM ")
            .append(r.months() ? "dossier_stat_month" : "dossier_stat_day")
            .append(" WHERE 1 = 1");
    if (r.from() != null) {
      sql.append(" AND ").append(column).append(" >= ?");
    }
    if (r.to() != null) {
      sql.append(" AND ").append(column).append(" <= ?");
    }
    if (agencies != null) {
      if (agencies.isEmpty()) {
        return;
      }
      sql.append(" AND agency_id IN (")
          .append(agencies.stream().map(String::valueOf).collect(Collectors.joining(",")))
          .append(")");
    }
    sql.append(" GROUP BY agency_id, procedure_id");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (r.from() != null) {
        s.setDate(i++, Date.valueOf(r.from()));
      }
      if (r.to() != null) {
        s.setDate(i, Date.valueOf(r.to()));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int[] v =
              out.computeIfAbsent(
                  new Pair(rs.getLong(1), rs.getLong(2)), p -> new int[Counter.values().length]);
          for (int k = 0; k < v.length; k++) {
            v[k] += rs.getInt(3 + k);
          }
        }
      }
    }
  }
}
