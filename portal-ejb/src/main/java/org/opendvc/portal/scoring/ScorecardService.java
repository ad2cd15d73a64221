package org.opendvc.portal.scoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetailsConverter;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.RevisionCache;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * Gathers each agency's {@link ScoreInputs} for a period and scores them: the offerings from the
 * catalogue, the online uptake from the kept statistics, the dossiers accepted and finished in the
 * period with their files and payments (ranges on {@code accepted_at} and {@code finished_at}), and
 * the ratings. The total of a scope is scored from the sum of its agencies' inputs, not as an
 * average of their points.
 */
@ApplicationScoped
public class ScorecardService {

  /** The tiers an agency league can be limited to. */
  public static final List<String> TIERS = List.of("MINISTRY", "PROVINCE", "DISTRICT", "COMMUNE");

  @Inject private StatisticsService statistics;
  @Inject private CatalogueService catalogue;
  @Inject private java.time.Clock clock;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  /** What is known of a procedure's published information, by its id and last change. */
  private final Map<Long, Facts> facts = new ConcurrentHashMap<>();

  private record Facts(Timestamp updatedAt, boolean complete, boolean fee) {}

  /**
   * The agencies and what each offers (the inputs at indexes 0 to 4), which change only with the
   * catalogue: read again when its version moves ({@link CatalogueService#version()}), not for
   * every league (a scorecard page shows seven).
   */
  private record Offered(Map<Long, AgencyRow> agencies, Map<Long, long[]> inputs) {}

  private final RevisionCache<String, Offered> offered = new RevisionCache<>();

  /** One agency's card (or the scope's: key null), with its place in the league. */
  public record Card(String key, String name, String tier, Integer rank, Scorecard scorecard) {}

  /** The scorecards of a period: the scope's total and its agencies ranked by points. */
  public record League(
      LocalDate from, LocalDate to, String agency, String tier, Card total, List<Card> rows) {}

  private record AgencyRow(long id, String code, String name, String tier, Long parent) {}

  /**
   * The league of the query's period and agency (its units included, or the whole province),
   * limited to one tier when {@code tier} is given.
   */
  public League league(StatisticsQuery q, String tier) {
    String onlyTier = tier == null || tier.isBlank() ? null : tier.strip().toUpperCase(Locale.ROOT);
    if (onlyTier != null && !TIERS.contains(onlyTier)) {
      throw new InvalidInputException("tier", "scorecard.badTier", tier, String.join(", ", TIERS));
    }
    // the version is read first: offerings newer than their version are only read once more
    Offered catalogued = offered.get("", catalogue.version(), this::readOffered);
    try (Connection c = dataSource.getConnection()) {
      Map<Long, AgencyRow> agencies = catalogued.agencies();
      Set<Long> scope = scope(agencies, q.agencyCode());
      Map<Long, long[]> in = new HashMap<>();
      catalogued.inputs().forEach((id, v) -> in.put(id, v.clone()));
      accepted(c, q, in);
      finished(c, q, in);
      dislikes(c, q, in);
      feedback(c, q, in);
      Map<String, long[]> uptake = new HashMap<>();
      StatisticsQuery byAgency =
          new StatisticsQuery(q.from(), q.to(), StatisticsQuery.GroupBy.AGENCY, q.agencyCode());
      statistics
          .uptake(byAgency, 0)
          .rows()
          .forEach(r -> uptake.put(r.key(), new long[] {r.received(), r.receivedOnline()}));
      ScoreInputs total = ScoreInputs.NONE;
      List<Card> rows = new ArrayList<>();
      for (AgencyRow a : agencies.values()) {
        if (!scope.contains(a.id)) {
          continue;
        }
        long[] v = in.getOrDefault(a.id, new long[18]);
        long[] u = uptake.getOrDefault(a.code, new long[2]);
        v[7] = u[0];
        v[8] = u[1];
        ScoreInputs inputs = inputs(v);
        total = total.plus(inputs);
        if (inputs.equals(ScoreInputs.NONE) || onlyTier != null && !onlyTier.equals(a.tier)) {
          continue;
        }
        rows.add(new Card(a.code, a.name, a.tier, null, Scorecard.of(inputs)));
      }
      rows.sort(
          Comparator.comparingDouble((Card k) -> -k.scorecard().points()).thenComparing(Card::key));
      List<Card> ranked = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Card k = rows.get(i);
        int rank =
            i > 0 && rows.get(i - 1).scorecard().points() == k.scorecard().points()
                ? ranked.get(i - 1).rank()
                : i + 1;
        ranked.add(new Card(k.key, k.name, k.tier, rank, k.scorecard));
      }
      AgencyRow root =
          q.agencyCode() == null
              ? null
              : agencies.values().stream()
                  .filter(a -> a.code.equals(q.agencyCode()))
                  .findFirst()
                  .orElseThrow();
      Card scopeCard =
          new Card(
              root == null ? null : root.code,
              root == null ? null : root.name,
              root == null ? null : root.tier,
              null,
              Scorecard.of(total));
      return new League(q.from(), q.to(), q.agencyCode(), onlyTier, scopeCard, ranked);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the scorecard's figures failed", e);
    }
  }

  /** An agency's average Circular 01 evaluation over the dossiers it finished in the period. */
  @jakarta.json.bind.annotation.JsonbNillable
  public record Evaluations(
      String key,
      String name,
      String tier,
      long dossiers,
      Double averagePoints,
      Double averageMeasuredMax) {}

  /** The Circular 01 averages of a period: per agency with dossiers finished, and the total. */
  public record EvaluationReport(
      LocalDate from, LocalDate to, String agency, List<Evaluations> rows, Evaluations total) {}

  private static final String EVALUATION_FACTS =
      "SELECT d.agency_id, d.outcome,"
          + " (SELECT COUNT(*) FROM dossier_history h WHERE h.dossier_id = d.id"
          + "   AND h.action = 'TRANSFER'),"
          + " d.supplement_requests, d.procedure_id, o.level, r.score_officer,"
          + " (SELECT COUNT(*) FROM feedback fb WHERE fb.dossier_id = d.id),"
          + " (SELECT COUNT(*) FROM feedback fb WHERE fb.dossier_id = d.id AND "
          + ScorecardService.FEEDBACK_LATE
          + ")"
          + " FROM dossier d"
          + " LEFT JOIN offering o ON o.procedure_id = d.procedure_id"
          + "   AND o.agency_id = d.receiving_agency_id"
          + " LEFT JOIN dossier_rating r ON r.dossier_id = d.id";

  /**
   * The Circular 01 evaluation of a finished dossier (empty while it is not finished after
   * acceptance); who may see it is the caller's business.
   */
  public java.util.Optional<Circular01> evaluation(String dossierCode) {
    try (Connection c = dataSource.getConnection()) {
      refreshFacts(c);
      try (PreparedStatement s =
          c.prepareStatement(EVALUATION_FACTS + " WHERE d.code = ? AND d.outcome IS NOT NULL")) {
        s.setObject(1, now());
        s.setObject(2, now());
        s.setString(3, dossierCode);
        try (ResultSet r = s.executeQuery()) {
          return r.next()
              ? java.util.Optional.of(Circular01.of(evaluationFacts(r)))
              : java.util.Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the dossier's evaluation failed", e);
    }
  }

  /** The average evaluations of the dossiers finished in the query's period, per agency. */
  public EvaluationReport evaluations(StatisticsQuery q) {
    try (Connection c = dataSource.getConnection()) {
      refreshFacts(c);
      Map<Long, AgencyRow> agencies = agencies(c);
      Set<Long> scope = scope(agencies, q.agencyCode());
      Map<Long, double[]> sums = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              EVALUATION_FACTS
                  + " WHERE d.finished_at >= ? AND d.finished_at < ? AND d.outcome IS NOT NULL")) {
        s.setObject(1, now());
        s.setObject(2, now());
        s.setObject(3, utc(q.from()));
        s.setObject(4, utc(q.to().plusDays(1)));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (!scope.contains(r.getLong(1))) {
              continue;
            }
            Circular01 e = Circular01.of(evaluationFacts(r));
            double[] sum = sums.computeIfAbsent(r.getLong(1), k -> new double[3]);
            sum[0]++;
            sum[1] += e.points();
            sum[2] += e.measuredMax();
          }
        }
      }
      List<Evaluations> rows = new ArrayList<>();
      double[] all = new double[3];
      for (AgencyRow a : agencies.values()) {
        double[] sum = sums.get(a.id);
        if (sum == null) {
          continue;
        }
        for (int i = 0; i < 3; i++) {
          all[i] += sum[i];
        }
        rows.add(averages(a.code, a.name, a.tier, sum));
      }
      return new EvaluationReport(
          q.from(), q.to(), q.agencyCode(), rows, averages(null, null, null, all));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the evaluations failed", e);
    }
  }

  private static Evaluations averages(String code, String name, String tier, double[] sum) {
    long n = (long) sum[0];
    return new Evaluations(
        code,
        name,
        tier,
        n,
        n == 0 ? null : round2(sum[1] / n),
        n == 0 ? null : round2(sum[2] / n));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private Circular01.Facts evaluationFacts(ResultSet r) throws SQLException {
    Facts procedure = facts.get(r.getLong(5));
    int level = r.getInt(6);
    if (r.wasNull()) {
      level = 2;
    }
    int officer = r.getInt(7);
    Integer officerScore = r.wasNull() ? null : officer;
    return new Circular01.Facts(
        r.getString(2),
        r.getInt(3),
        r.getInt(4),
        true,
        procedure != null && procedure.complete,
        officerScore,
        level,
        r.getInt(8),
        r.getInt(9));
  }

  private static ScoreInputs inputs(long[] v) {
    return new ScoreInputs(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15], v[16], v[17]);
  }

  private static Map<Long, AgencyRow> agencies(Connection c) throws SQLException {
    Map<Long, AgencyRow> out = new LinkedHashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT id, code, name, tier, parent_id FROM agency ORDER BY code");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long parent = r.getLong(5);
        out.put(
            r.getLong(1),
            new AgencyRow(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.wasNull() ? null : parent));
      }
    }
    return out;
  }

  /** The agency and every unit under it, or every agency. */
  private static Set<Long> scope(Map<Long, AgencyRow> agencies, String code) {
    if (code == null) {
      return agencies.keySet();
    }
    AgencyRow root =
        agencies.values().stream()
            .filter(a -> a.code.equals(code))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("agency.notFound", code));
    Map<Long, List<Long>> children = new HashMap<>();
    agencies.values().stream()
        .filter(a -> a.parent != null)
        .forEach(a -> children.computeIfAbsent(a.parent, k -> new ArrayList<>()).add(a.id));
    Set<Long> out = new java.util.HashSet<>();
    List<Long> todo = new ArrayList<>(List.of(root.id));
    while (!todo.isEmpty()) {
      long id = todo.remove(todo.size() - 1);
      if (out.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return out;
  }

  private Offered readOffered() {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, long[]> inputs = new HashMap<>();
      offerings(c, inputs);
      return new Offered(agencies(c), inputs);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the catalogue's offerings failed", e);
    }
  }

  /** Offerings, complete, online, with a fee, with a fee payable online (indexes 0 to 4). */
  private void offerings(Connection c, Map<Long, long[]> in) throws SQLException {
    refreshFacts(c);
    try (PreparedStatement s =
            c.prepareStatement("SELECT agency_id, procedure_id, level FROM offering");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long[] v = in.computeIfAbsent(r.getLong(1), k -> new long[18]);
        Facts f = facts.get(r.getLong(2));
        int level = r.getInt(3);
        v[0]++;
        if (f != null && f.complete) {
          v[1]++;
        }
        if (level >= 3) {
          v[2]++;
        }
        if (f != null && f.fee) {
          v[3]++;
          if (level == 4) {
            v[4]++;
          }
        }
      }
    }
  }

  /** Reads again the published information of the procedures changed since last time. */
  private void refreshFacts(Connection c) throws SQLException {
    Map<Long, Timestamp> changed = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT id, updated_at FROM catalogue_procedure");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Facts known = facts.get(r.getLong(1));
        if (known == null || !Objects.equals(known.updatedAt, r.getTimestamp(2))) {
          changed.put(r.getLong(1), r.getTimestamp(2));
        }
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT id, details FROM catalogue_procedure WHERE id = ?")) {
      for (Map.Entry<Long, Timestamp> e : changed.entrySet()) {
        s.setLong(1, e.getKey());
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            facts.put(e.getKey(), facts(e.getValue(), r.getString(2)));
          }
        }
      }
    }
  }

  /**
   * Complete: the steps, the papers to submit, a time limit and a legal basis are published. A fee:
   * any time limit of any channel names a fee above zero.
   */
  static Facts facts(Timestamp updatedAt, String json) {
    ProcedureDetails d;
    try {
      d = ProcedureDetailsConverter.fromJson(json);
    } catch (RuntimeException unreadable) {
      return new Facts(updatedAt, false, false);
    }
    if (d == null) {
      return new Facts(updatedAt, false, false);
    }
    boolean timeLimit = d.channels().stream().anyMatch(ch -> !ch.timeLimits().isEmpty());
    boolean complete =
        !d.steps().isEmpty() && !d.components().isEmpty() && timeLimit && !d.legalBases().isEmpty();
    boolean fee =
        d.channels().stream()
            .flatMap(ch -> ch.timeLimits().stream())
            .flatMap(t -> t.fees() == null ? java.util.stream.Stream.empty() : t.fees().stream())
            .anyMatch(f -> f.amount() != null && f.amount().signum() > 0);
    return new Facts(updatedAt, complete, fee);
  }

  /**
   * Dossiers accepted in the period (5), with an uploaded paper (6), asked to pay a fee (13) and
   * paid online (14).
   */
  private static void accepted(Connection c, StatisticsQuery q, Map<Long, long[]> in)
      throws SQLException {
    String sql =
        "SELECT d.agency_id, COUNT(*),"
            + " SUM(CASE WHEN EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = d.id"
            + "   AND f.kind = 'COMPONENT') THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN d.payment_amount IS NOT NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN EXISTS (SELECT 1 FROM payment p WHERE p.dossier_id = d.id"
            + "   AND p.status = 'PAID') THEN 1 ELSE 0 END)"
            + " FROM dossier d WHERE d.accepted_at >= ? AND d.accepted_at < ? GROUP BY d.agency_id";
    period(
        c,
        sql,
        q,
        (r, v) -> {
          v[5] += r.getLong(2);
          v[6] += r.getLong(3);
          v[13] += r.getLong(4);
          v[14] += r.getLong(5);
        },
        in);
  }

  /**
   * Dossiers whose processing ended in the period after acceptance (9), early or on time (10), late
   * (11), with a result document as a file (12).
   */
  private static void finished(Connection c, StatisticsQuery q, Map<Long, long[]> in)
      throws SQLException {
    String sql =
        "SELECT d.agency_id, COUNT(*),"
            + " SUM(CASE WHEN d.outcome IN ('EARLY', 'ON_TIME') THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN d.outcome = 'LATE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = d.id"
            + "   AND f.kind = 'RESULT') THEN 1 ELSE 0 END)"
            + " FROM dossier d WHERE d.finished_at >= ? AND d.finished_at < ?"
            + " AND d.outcome IS NOT NULL GROUP BY d.agency_id";
    period(
        c,
        sql,
        q,
        (r, v) -> {
          v[9] += r.getLong(2);
          v[10] += r.getLong(3);
          v[11] += r.getLong(4);
          v[12] += r.getLong(5);
        },
        in);
  }

  /** Ratings of the period whose five scores average below 3 (15). */
  private static void dislikes(Connection c, StatisticsQuery q, Map<Long, long[]> in)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT agency_id, COUNT(*) FROM dossier_rating"
                + " WHERE rated_on BETWEEN ? AND ? AND score_access + score_procedure + score_officer"
                + " + score_result + score_feedback < 15 GROUP BY agency_id")) {
      s.setObject(1, q.from());
      s.setObject(2, q.to());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          in.computeIfAbsent(r.getLong(1), k -> new long[18])[15] += r.getLong(2);
        }
      }
    }
  }

  /**
   * Whether a feedback was or is late, in SQL, as {@code Feedback.late}: refused after its
   * deadline, answered after its deadline, published late, or still waiting past a deadline.
   */
  static final String FEEDBACK_LATE =
      "(CASE fb.status"
          + " WHEN 'RECEIVED' THEN fb.resolve_by < ?"
          + " WHEN 'REFUSED' THEN fb.answered_at > fb.refuse_by"
          + " WHEN 'ANSWERED' THEN fb.answered_at > fb.resolve_by OR fb.publish_by < ?"
          + " ELSE fb.answered_at > fb.resolve_by OR fb.published_at > fb.publish_by END)";

  /** Feedback received in the period (16), and handled within its deadlines so far (17). */
  private void feedback(Connection c, StatisticsQuery q, Map<Long, long[]> in) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT fb.agency_id, COUNT(*),"
                + " SUM(CASE WHEN "
                + FEEDBACK_LATE
                + " THEN 0 ELSE 1 END) FROM feedback fb"
                + " WHERE fb.received_at >= ? AND fb.received_at < ? GROUP BY fb.agency_id")) {
      LocalDateTime now = now();
      s.setObject(1, now);
      s.setObject(2, now);
      s.setObject(3, utc(q.from()));
      s.setObject(4, utc(q.to().plusDays(1)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long[] v = in.computeIfAbsent(r.getLong(1), k -> new long[18]);
          v[16] += r.getLong(2);
          v[17] += r.getLong(3);
        }
      }
    }
  }

  private interface RowReader {
    void read(ResultSet r, long[] v) throws SQLException;
  }

  /** Runs a query over the period's moments (local days, as UTC instants) per agency. */
  private static void period(
      Connection c, String sql, StatisticsQuery q, RowReader reader, Map<Long, long[]> in)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, utc(q.from()));
      s.setObject(2, utc(q.to().plusDays(1)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          reader.read(r, in.computeIfAbsent(r.getLong(1), k -> new long[18]));
        }
      }
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static LocalDateTime utc(LocalDate day) {
    return LocalDateTime.ofInstant(
        day.atStartOfDay(WorkingCalendar.ZONE).toInstant(), ZoneOffset.UTC);
  }
}
