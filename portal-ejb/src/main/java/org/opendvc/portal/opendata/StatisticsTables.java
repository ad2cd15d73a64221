package org.opendvc.portal.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opendvc.portal.statistics.Figures;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * The statistics as tables, the same for the downloads ({@code statistics.csv}, {@code .xlsx}) and
 * the open data: the columns are the JSON fields of {@code GET /api/v1/statistics}, preceded by
 * {@code section}, which says which part of the answer a row is: {@code rows} (one per group, in
 * the answer's order), then {@code tiers} (the total of each tier), then {@code total} (key {@code
 * TOTAL}, the total of the scope).
 */
public final class StatisticsTables {

  /** The name of the statistics table. */
  public static final String STATISTICS = "statistics";

  /** The name of the online uptake table. */
  public static final String UPTAKE = "online-uptake";

  /** The name of the table of offerings without an online dossier. */
  public static final String IDLE = "online-uptake-idle";

  /** The key of the total row. */
  public static final String TOTAL = "TOTAL";

  /** The columns of the statistics. */
  public static final List<Column> STATISTICS_COLUMNS =
      List.of(
          Column.text("section"),
          Column.text("key"),
          Column.text("name"),
          Column.text("tier"),
          Column.integer("received"),
          Column.integer("carriedOver"),
          Column.integer("receivedOnline"),
          Column.integer("receivedOffline"),
          Column.integer("transferredIn"),
          Column.integer("transferredOut"),
          Column.integer("resolved"),
          Column.integer("resolvedEarly"),
          Column.integer("resolvedOnTime"),
          Column.integer("resolvedLate"),
          Column.integer("withdrawn"),
          Column.integer("inProgress"),
          Column.integer("inProgressWithinTime"),
          Column.integer("inProgressOverdue"),
          Column.rate("onTimeRate"),
          Column.rate("onlineShare"));

  /** The columns of the online uptake. */
  public static final List<Column> UPTAKE_COLUMNS =
      List.of(
          Column.text("section"),
          Column.text("key"),
          Column.text("name"),
          Column.text("tier"),
          Column.integer("offeredOnline"),
          Column.integer("withOnlineDossiers"),
          Column.integer("received"),
          Column.integer("receivedOnline"),
          Column.rate("onlineShare"));

  /** The columns of the offerings nobody used online in the period. */
  public static final List<Column> IDLE_COLUMNS =
      List.of(
          Column.text("agencyCode"),
          Column.text("agencyName"),
          Column.text("procedureCode"),
          Column.text("procedureName"),
          Column.integer("level"));

  private StatisticsTables() {}

  /** The rows, then the total of each tier, then the total. */
  public static Table statistics(StatisticsService.Report report) {
    List<Object[]> rows = new ArrayList<>();
    report.rows().forEach(r -> rows.add(row("rows", r.key(), r.name(), r.tier(), r.figures())));
    report.tiers().forEach(r -> rows.add(row("tiers", r.key(), r.name(), r.tier(), r.figures())));
    rows.add(row("total", TOTAL, null, null, report.total()));
    return Table.of(STATISTICS, STATISTICS_COLUMNS, rows);
  }

  /** The rows of the online uptake, then its total. */
  public static Table uptake(StatisticsService.Uptake uptake) {
    List<Object[]> rows = new ArrayList<>();
    uptake.rows().forEach(r -> rows.add(uptakeRow("rows", r)));
    rows.add(uptakeRow("total", uptake.total()));
    return Table.of(UPTAKE, UPTAKE_COLUMNS, rows);
  }

  /** The offerings of the uptake that received no online dossier. */
  public static Table idle(StatisticsService.Uptake uptake) {
    return Table.of(
        IDLE,
        IDLE_COLUMNS,
        uptake.idle().stream()
            .map(
                i ->
                    new Object[] {
                      i.agencyCode(),
                      i.agencyName(),
                      i.procedureCode(),
                      i.procedureName(),
                      i.level()
                    })
            .toList());
  }

  private static Object[] row(String section, String key, String name, String tier, Figures f) {
    return Stream.of(
            new Object[] {section, key, name, tier},
            new Object[] {
              f.received(),
              f.carriedOver(),
              f.receivedOnline(),
              f.receivedOffline(),
              f.transferredIn(),
              f.transferredOut(),
              f.resolved(),
              f.resolvedEarly(),
              f.resolvedOnTime(),
              f.resolvedLate(),
              f.withdrawn(),
              f.inProgress(),
              f.inProgressWithinTime(),
              f.inProgressOverdue(),
              f.onTimeRate(),
              f.onlineShare()
            })
        .flatMap(Stream::of)
        .toArray();
  }

  private static Object[] uptakeRow(String section, StatisticsService.UptakeRow r) {
    return new Object[] {
      section,
      r.key(),
      emptyToNull(r.name()),
      r.tier(),
      r.offeredOnline(),
      r.withOnlineDossiers(),
      r.received(),
      r.receivedOnline(),
      r.onlineShare()
    };
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
