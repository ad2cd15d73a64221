package org.opendvc.portal.statistics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.RevisionCache;
import org.opendvc.portal.statistics.Figures.Tally;
import org.opendvc.portal.statistics.StatisticsQuery.GroupBy;
import org.opendvc.portal.statistics.StatisticsStore.Pair;

/**
 * The statistics of a period, from the kept figures: two sums per request (before the period and
 * during it) over day and month figures, whatever the number of dossiers; then grouped by agency,
 * field, level, tier, procedure or month, with the total and the total per tier.
 */
@ApplicationScoped
public class StatisticsService {

  @Inject private StatisticsStore store;
  @Inject private Clock clock;
  @Inject private CatalogueService catalogueService;

  /** What the statistics read of the catalogue, read again only when its version has moved. */
  private final RevisionCache<String, Catalogue> catalogues = new RevisionCache<>();

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  /**
   * One row: what it groups (a code, a level, a tier, a month...), its name, its figures; written
   * as one flat object ({@code key, name, tier, received, carriedOver, ...}).
   */
  @jakarta.json.bind.annotation.JsonbTypeSerializer(RowSerializer.class)
  public record Row(String key, String name, String tier, Figures figures) {}

  /**
   * The answer: the period as asked and up to which day it is counted (today at the latest), the
   * rows, the total of the scope and the total per tier.
   */
  public record Report(
      LocalDate from,
      LocalDate to,
      LocalDate countedTo,
      GroupBy groupBy,
      Row agency,
      List<Row> rows,
      Figures total,
      List<Row> tiers) {}

  /** Today, in the portal's time zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
  }

  /** The statistics a query asks for; an unknown agency is {@link NotFoundException}. */
  public Report report(StatisticsQuery q) {
    Catalogue cat = catalogue();
    Agency scope = null;
    Set<Long> agencies = null;
    if (q.agencyCode() != null) {
      scope = cat.byCode.get(q.agencyCode());
      if (scope == null) {
        throw new NotFoundException("agency.notFound", q.agencyCode());
      }
      agencies = cat.subtree(scope.id);
    }
    LocalDate today = today();
    LocalDate end = q.to().isAfter(today) ? today : q.to();
    Map<Pair, Tally> tallies = tallies(q.from(), end, agencies);
    Tally total = new Tally();
    tallies.values().forEach(total::add);
    List<Row> rows;
    if (q.groupBy() == GroupBy.MONTH) {
      rows = new ArrayList<>();
      for (YearMonth m = YearMonth.from(q.from()); !m.atDay(1).isAfter(end); m = m.plusMonths(1)) {
        LocalDate a = m.atDay(1).isBefore(q.from()) ? q.from() : m.atDay(1);
        LocalDate b = m.atEndOfMonth().isAfter(end) ? end : m.atEndOfMonth();
        Tally month = new Tally();
        tallies(a, b, agencies).values().forEach(month::add);
        rows.add(new Row(m.toString(), m.toString(), null, month.figures()));
      }
    } else {
      rows = group(tallies, q.groupBy(), cat);
    }
    Map<String, Tally> byTier = new LinkedHashMap<>();
    tallies.entrySet().stream()
        .sorted(Comparator.comparing(e -> tierOrder(cat.byId.get(e.getKey().agencyId()))))
        .forEach(
            e ->
                byTier
                    .computeIfAbsent(tierOf(cat.byId.get(e.getKey().agencyId())), t -> new Tally())
                    .add(e.getValue()));
    List<Row> tiers =
        byTier.entrySet().stream()
            .map(e -> new Row(e.getKey(), e.getKey(), e.getKey(), e.getValue().figures()))
            .filter(r -> !r.figures().isEmpty())
            .toList();
    Row agencyRow =
        scope == null ? null : new Row(scope.code, scope.name, scope.tier, total.figures());
    return new Report(q.from(), q.to(), end, q.groupBy(), agencyRow, rows, total.figures(), tiers);
  }

  /**
   * One row of the online uptake: of the procedures it offers online (level 3 or 4), how many
   * received an online dossier in the period, and the share of its new dossiers filed online.
   */
  @jakarta.json.bind.annotation.JsonbNillable
  public record UptakeRow(
      String key,
      String name,
      String tier,
      int offeredOnline,
      int withOnlineDossiers,
      long received,
      long receivedOnline,
      Double onlineShare) {}

  /** A procedure an agency offers online that received no online dossier in the period. */
  public record IdleOffering(
      String agencyCode,
      String agencyName,
      String procedureCode,
      String procedureName,
      int level) {}

  /**
   * The online uptake of a period: rows per agency or per procedure over the offerings at level 3
   * or 4 in scope, the total, and the offerings without any online dossier (the first {@code
   * IDLE_LISTED}, with their number).
   */
  @jakarta.json.bind.annotation.JsonbNillable
  public record Uptake(
      LocalDate from,
      LocalDate to,
      LocalDate countedTo,
      String groupBy,
      List<UptakeRow> rows,
      UptakeRow total,
      long idleCount,
      List<IdleOffering> idle) {}

  /** How many idle offerings an uptake answer lists. */
  public static final int IDLE_LISTED = 200;

  /** The online uptake for a query grouped by agency (default) or procedure. */
  public Uptake uptake(StatisticsQuery q) {
    return uptake(q, IDLE_LISTED);
  }

  /**
   * The online uptake, listing at most {@code idleListed} of the idle offerings (the downloads list
   * them all: {@code Integer.MAX_VALUE}).
   */
  public Uptake uptake(StatisticsQuery q, int idleListed) {
    boolean byProcedure = q.groupBy() == GroupBy.PROCEDURE;
    Catalogue cat = catalogue();
    Set<Long> agencies = null;
    if (q.agencyCode() != null) {
      Agency scope = cat.byCode.get(q.agencyCode());
      if (scope == null) {
        throw new NotFoundException("agency.notFound", q.agencyCode());
      }
      agencies = cat.subtree(scope.id);
    }
    LocalDate today = today();
    LocalDate end = q.to().isAfter(today) ? today : q.to();
    Map<Pair, int[]> during = store.sum(q.from(), end, agencies);
    Map<Pair, Integer> offered = new HashMap<>();
    for (Map.Entry<Pair, Integer> e : cat.levels.entrySet()) {
      if (e.getValue() >= 3 && (agencies == null || agencies.contains(e.getKey().agencyId()))) {
        offered.put(e.getKey(), e.getValue());
      }
    }
    Map<Long, String[]> procedures = cat.procedures;
    Map<String, long[]> groups = new HashMap<>();
    Map<String, String[]> names = new HashMap<>();
    long[] total = new long[4];
    List<IdleOffering> idle = new ArrayList<>();
    long idleCount = 0;
    for (Map.Entry<Pair, Integer> e : offered.entrySet()) {
      Pair p = e.getKey();
      int[] v = during.get(p);
      long online = v == null ? 0 : v[DossierFlows.Counter.RECEIVED_ONLINE.ordinal()];
      long offline = v == null ? 0 : v[DossierFlows.Counter.RECEIVED_OFFLINE.ordinal()];
      Agency a = cat.byId.get(p.agencyId());
      String[] proc = procedures.getOrDefault(p.procedureId(), new String[] {"?", "?"});
      String key = byProcedure ? proc[0] : a == null ? "?" : a.code;
      names.putIfAbsent(
          key,
          byProcedure
              ? new String[] {proc[1], null}
              : new String[] {a == null ? "?" : a.name, tierOf(a)});
      long[] g = groups.computeIfAbsent(key, k -> new long[4]);
      long[] row = {1, online > 0 ? 1 : 0, online + offline, online};
      for (int i = 0; i < 4; i++) {
        g[i] += row[i];
        total[i] += row[i];
      }
      if (online == 0) {
        idleCount++;
      }
      if (online == 0 && idleListed > 0) {
        idle.add(
            new IdleOffering(
                a == null ? "?" : a.code,
                a == null ? "?" : a.name,
                proc[0],
                proc[1],
                e.getValue()));
      }
    }
    List<UptakeRow> rows =
        groups.entrySet().stream()
            .map(e -> uptakeRow(e.getKey(), names.get(e.getKey()), e.getValue()))
            .sorted(Comparator.comparing(UptakeRow::key))
            .toList();
    List<IdleOffering> listed =
        idle.stream()
            .sorted(
                Comparator.comparing(IdleOffering::agencyCode)
                    .thenComparing(IdleOffering::procedureCode))
            .limit(idleListed)
            .toList();
    return new Uptake(
        q.from(),
        q.to(),
        end,
        byProcedure ? "PROCEDURE" : "AGENCY",
        rows,
        uptakeRow("TOTAL", new String[] {"", null}, total),
        idleCount,
        listed);
  }

  private static UptakeRow uptakeRow(String key, String[] name, long[] v) {
    return new UptakeRow(
        key,
        name[0],
        name[1],
        (int) v[0],
        (int) v[1],
        v[2],
        v[3],
        v[2] == 0 ? null : (double) v[3] / v[2]);
  }

  /** Per agency and procedure: the flows before {@code from}, and during {@code from..to}. */
  private Map<Pair, Tally> tallies(LocalDate from, LocalDate to, Collection<Long> agencies) {
    Map<Pair, int[]> before = store.sum(null, from.minusDays(1), agencies);
    Map<Pair, int[]> during = store.sum(from, to, agencies);
    Set<Pair> pairs = new HashSet<>(before.keySet());
    pairs.addAll(during.keySet());
    Map<Pair, Tally> out = new HashMap<>();
    for (Pair p : pairs) {
      Tally t = Tally.of(before.get(p), during.get(p));
      if (!t.figures().isEmpty()) {
        out.put(p, t);
      }
    }
    return out;
  }

  private List<Row> group(Map<Pair, Tally> tallies, GroupBy by, Catalogue cat) {
    Map<String, Tally> groups = new HashMap<>();
    Map<String, String[]> names = new HashMap<>();
    Map<Long, String[]> procedures = cat.procedures;
    Map<Pair, Integer> levels = cat.levels;
    for (Map.Entry<Pair, Tally> e : tallies.entrySet()) {
      Agency a = cat.byId.get(e.getKey().agencyId());
      String key;
      String name;
      String tier = null;
      switch (by) {
        case AGENCY -> {
          key = a == null ? "?" : a.code;
          name = a == null ? "?" : a.name;
          tier = tierOf(a);
        }
        case TIER -> {
          key = tierOf(a);
          name = key;
          tier = key;
        }
        case LEVEL -> {
          Integer level = levels.get(e.getKey());
          key = level == null ? "" : String.valueOf(level);
          name = key;
        }
        case FIELD -> {
          String[] p = procedures.get(e.getKey().procedureId());
          key = p == null || p[2] == null ? "" : p[2];
          name = p == null || p[3] == null ? "" : p[3];
        }
        default -> {
          String[] p = procedures.get(e.getKey().procedureId());
          key = p == null ? "?" : p[0];
          name = p == null ? "?" : p[1];
        }
      }
      groups.computeIfAbsent(key, k -> new Tally()).add(e.getValue());
      names.putIfAbsent(key, new String[] {name, tier});
    }
    Comparator<Row> order =
        switch (by) {
          case AGENCY, TIER ->
              Comparator.comparing((Row r) -> Tiers.order(r.tier())).thenComparing(Row::name);
          default -> Comparator.comparing(Row::key);
        };
    return groups.entrySet().stream()
        .map(
            e ->
                new Row(
                    e.getKey(),
                    names.get(e.getKey())[0],
                    names.get(e.getKey())[1],
                    e.getValue().figures()))
        .sorted(order)
        .toList();
  }

  private static String tierOf(Agency a) {
    return a == null ? "OTHER" : a.tier;
  }

  private static int tierOrder(Agency a) {
    return Tiers.order(tierOf(a));
  }

  /** The order tiers are listed in. */
  static final class Tiers {
    private static final List<String> ORDER =
        List.of("MINISTRY", "PROVINCE", "DISTRICT", "COMMUNE", "OTHER");

    static int order(String tier) {
      int i = tier == null ? -1 : ORDER.indexOf(tier);
      return i < 0 ? ORDER.size() : i;
    }
  }

  record Agency(long id, String code, String name, String tier, Long parentId) {}

  /**
   * What the statistics read of the catalogue: the agency tree, the level each agency offers each
   * procedure at, and each procedure's code, name and field. Read again when the catalogue's
   * version moves ({@link CatalogueService#version()}: an import, an agency or offering added), on
   * any node; between the reads it is only read.
   */
  static final class Catalogue {
    final Map<Long, Agency> byId = new HashMap<>();
    final Map<String, Agency> byCode = new HashMap<>();
    final Map<Long, List<Long>> children = new HashMap<>();

    /** The offerings: (agency, procedure) → level. */
    final Map<Pair, Integer> levels = new HashMap<>();

    /** Procedure id → {code, name, field code, field name}. */
    final Map<Long, String[]> procedures = new HashMap<>();

    Set<Long> subtree(long root) {
      Set<Long> out = new HashSet<>();
      List<Long> todo = new ArrayList<>(List.of(root));
      while (!todo.isEmpty()) {
        long id = todo.remove(todo.size() - 1);
        if (out.add(id)) {
          todo.addAll(children.getOrDefault(id, List.of()));
        }
      }
      return out;
    }
  }

  private Catalogue catalogue() {
    // the version is read first: a catalogue newer than its version is only read once more
    return catalogues.get("", catalogueService.version(), this::readCatalogue);
  }

  private Catalogue readCatalogue() {
    Catalogue c = new Catalogue();
    query(
        "SELECT id, code, name, tier, parent_id FROM agency",
        r -> {
          long parent = r.getLong(5);
          Agency a =
              new Agency(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.wasNull() ? null : parent);
          c.byId.put(a.id, a);
          c.byCode.put(a.code, a);
          if (a.parentId != null) {
            c.children.computeIfAbsent(a.parentId, k -> new ArrayList<>()).add(a.id);
          }
          return null;
        });
    query(
        "SELECT agency_id, procedure_id, level FROM offering",
        r -> c.levels.put(new Pair(r.getLong(1), r.getLong(2)), r.getInt(3)));
    query(
        "SELECT p.id, p.code, p.name, f.code, f.name FROM catalogue_procedure p"
            + " LEFT JOIN field f ON f.id = p.field_id",
        r ->
            c.procedures.put(
                r.getLong(1),
                new String[] {r.getString(2), r.getString(3), r.getString(4), r.getString(5)}));
    return c;
  }

  private interface RowReader {
    Object read(ResultSet r) throws SQLException;
  }

  private void query(String sql, RowReader reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        reader.read(r);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the statistics", e);
    }
  }
}
