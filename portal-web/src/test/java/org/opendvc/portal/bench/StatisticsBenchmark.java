package org.opendvc.portal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics and the results board at two sizes in one run ({@code mvn -Pbench
 * -Dbench.mode=statistics [-Dbench.dossiers=1000000] [-Dbench.small=10000]}): the portal with the
 * demo data, then N small dossiers bulk-loaded over the last year with their history, the kept
 * figures rebuilt by the recount, the requests timed; then the rest up to N large, rebuilt and
 * timed again. The ratio large / small of each figure says whether the cost grows with the number
 * of dossiers; {@code GET /health/live} is the baseline of a request in the same run.
 */
public class StatisticsBenchmark extends Benchmark {

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final int UNITS = 50;
  private static final int DAYS = 365;
  private static final int REQUESTS = 200;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int large = Integer.getInteger("bench.dossiers", 1_000_000);
  private final int small = Integer.getInteger("bench.small", 10_000);
  private final List<String> unitCodes = new ArrayList<>();
  private final List<List<long[]>> byUnit = new ArrayList<>();
  private final LocalDate firstDay = LocalDate.now().minusDays(DAYS);

  void run() throws Exception {
    Path micro = Path.of(System.getProperty("portal.micro.jar"));
    Path war = Path.of(System.getProperty("portal.war"));
    String adminUrl = "jdbc:mysql://127.0.0.1:3306/";
    String db = "portal_bench_" + System.currentTimeMillis();
    String dbUrl = System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", adminUrl + db);
    String jdbcUrl = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    report.add(
        "| measure ("
            + REQUESTS
            + " requests each) | at "
            + small
            + " dossiers | at "
            + large
            + " | ratio large / small |");
    report.add("|---|---|---|---|");
    Process portal = startPortal(micro, war, dbUrl, port, true);
    try {
      awaitReady(base, portal);
      String token = token(base);
      double[][] at = new double[2][];
      double[] rebuild = new double[2];
      try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
        units(c);
        load(c, 0, small);
        rebuild[0] = rebuild(base, token);
        at[0] = measure(base);
        load(c, small, large);
        rebuild[1] = rebuild(base, token);
        at[1] = measure(base);
      }
      String[] names = {
        "statistics API, a month by agency, p50 (ms)",
        "statistics API, a month by agency, p99 (ms)",
        "statistics API, a year by field, p50 (ms)",
        "statistics API, a year by field, p99 (ms)",
        "statistics API, a year by month (trend), p50 (ms)",
        "statistics API, a year by month (trend), p99 (ms)",
        "results board, first page, p50 (ms)",
        "results board, first page, p99 (ms)",
        "results board, one agency and late only, p50 (ms)",
        "results board, one agency and late only, p99 (ms)",
        "statistics page, a month by agency (table, charts, trend, uptake), p50 (ms)",
        "statistics page, a month by agency (table, charts, trend, uptake), p99 (ms)",
        "results board page, first page, p50 (ms)",
        "results board page, first page, p99 (ms)",
        "online uptake API, a month by agency, p50 (ms)",
        "online uptake API, a month by agency, p99 (ms)",
        "scorecard API, a month, p50 (ms)",
        "scorecard API, a month, p99 (ms)",
        "scorecard page `/scorecard`, a month (league and six months' history), p50 (ms)",
        "scorecard page, p99 (ms)",
        "baseline: GET /health/live p50 (ms)",
        "baseline: GET /health/live p99 (ms)"
      };
      for (int i = 0; i < names.length; i++) {
        report.add(
            "| "
                + names[i]
                + " | "
                + fmt(at[0][i])
                + " | "
                + fmt(at[1][i])
                + " | "
                + fmt(at[1][i] / at[0][i])
                + " |");
      }
      report.add(
          "| recount and rebuild of the kept figures (s) | "
              + fmt(rebuild[0])
              + " | "
              + fmt(rebuild[1])
              + " | "
              + fmt(rebuild[1] / rebuild[0])
              + " |");
    } finally {
      stop(portal);
      if (System.getenv("PORTAL_BENCH_DB_URL") == null) {
        try (Connection c = DriverManager.getConnection(adminUrl, "root", "");
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + db);
        }
      }
    }
    write("bench-statistics.md");
  }

  private double rebuild(String base, String token) throws Exception {
    long t0 = System.nanoTime();
    String answer =
        post(base + "/api/v1/admin/statistics/recount?repair=true", "application/json", "", token);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("rebuilt in %.1f s: %s%n", s, answer);
    return s;
  }

  /** p50 and p99 of each request kind, in the order of the report's names. */
  private double[] measure(String base) throws Exception {
    YearMonth lastMonth = YearMonth.now().minusMonths(1);
    int year = LocalDate.now().getYear();
    String agency = unitCodes.get(0);
    String[] paths = {
      "/api/v1/statistics?period=" + lastMonth + "&groupBy=agency",
      "/api/v1/statistics?period=" + year + "&groupBy=field",
      "/api/v1/statistics?period=" + year + "&groupBy=month",
      "/api/v1/results?size=20",
      "/api/v1/results?size=20&timeliness=LATE&agency=" + agency,
      "/statistics?period=" + lastMonth,
      "/results",
      "/api/v1/statistics/online-uptake?period=" + lastMonth,
      "/api/v1/scorecard?period=" + lastMonth,
      "/scorecard?period=" + lastMonth,
      "/health/live"
    };
    double[] out = new double[paths.length * 2];
    for (int p = 0; p < paths.length; p++) {
      for (int i = 0; i < 20; i++) {
        time(base + paths[p]); // warm-up
      }
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        ms.add(time(base + paths[p]));
      }
      out[2 * p] = pct(ms, 50);
      out[2 * p + 1] = pct(ms, 99);
      System.out.printf("%s: p50 %.1f ms, p99 %.1f ms%n", paths[p], out[2 * p], out[2 * p + 1]);
    }
    return out;
  }

  private static double time(String url) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private void units(Connection c) throws Exception {
    byUnit.addAll(offeringsOfUnits(c, UNITS, unitCodes));
  }

  /**
   * Dossiers {@code from} to {@code to} − 1: received at the counter over the last year, due a week
   * later; nine in ten resolved within 0 to 9 days (early, on time or late), the rest still in
   * progress; with their history (received, processing, resolved).
   */
  private void load(Connection c, int from, int to) throws Exception {
    long t0 = System.nanoTime();
    long lastId;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM dossier")) {
      r.next();
      lastId = r.getLong(1);
    }
    c.setAutoCommit(false);
    String insert =
        "INSERT INTO dossier (code, procedure_id, receiving_agency_id, agency_id,"
            + " channel, status, applicant_type, applicant_name, applicant_id_number, received_at,"
            + " accepted_at, due_at, finished_at, outcome, supplement_requests, version) VALUES"
            + " (?, ?, ?, ?, 'COUNTER', ?, 'CITIZEN', ?, ?, ?, ?, ?, ?, ?, 0, ?)";
    try (PreparedStatement s = c.prepareStatement(insert)) {
      for (int i = from; i < to; i++) {
        long[] o = byUnit.get(i % UNITS).get((i / UNITS) % byUnit.get(i % UNITS).size());
        int day = (i / UNITS) % DAYS;
        LocalDateTime received = firstDay.plusDays(day).atTime(8, 0).plusMinutes(i % 400);
        LocalDateTime due = received.plusDays(7);
        boolean resolved = i % 10 != 0 && day + i % 10 < DAYS;
        LocalDateTime finished = received.plusDays(i % 10);
        s.setString(
            1,
            unitCodes.get(i % UNITS)
                + "-"
                + firstDay.plusDays(day).format(YYMMDD)
                + "-"
                + String.format("%04d", 7001 + i / (UNITS * DAYS)));
        s.setLong(2, o[1]);
        s.setLong(3, o[0]);
        s.setLong(4, o[0]);
        s.setInt(5, resolved ? 9 : 4);
        s.setString(6, "Thống kê " + i);
        s.setString(7, String.format("%012d", 2_000_000_000L + i));
        s.setTimestamp(8, Timestamp.valueOf(received));
        s.setTimestamp(9, Timestamp.valueOf(received));
        s.setTimestamp(10, Timestamp.valueOf(due));
        s.setTimestamp(11, resolved ? Timestamp.valueOf(finished) : null);
        s.setString(12, !resolved ? null : i % 10 < 7 ? "EARLY" : i % 10 == 7 ? "ON_TIME" : "LATE");
        s.setInt(13, resolved ? 3 : 2);
        s.addBatch();
        if ((i + 1) % 5000 == 0 || i == to - 1) {
          s.executeBatch();
          c.commit();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      String select = " FROM dossier d JOIN agency a ON a.id = d.agency_id WHERE d.id > " + lastId;
      s.executeUpdate(
          "INSERT INTO dossier_history (dossier_id, seq, action, from_status,"
              + " to_status, at, actor, unit_code, due_at, agency_id) SELECT d.id, 1, 'RECEIVE', NULL,"
              + " 2, d.received_at, 'bench', a.code, d.due_at, d.agency_id"
              + select);
      s.executeUpdate(
          "INSERT INTO dossier_history (dossier_id, seq, action, from_status,"
              + " to_status, at, actor, unit_code, due_at, agency_id) SELECT d.id, 2,"
              + " 'START_PROCESSING', 2, 4, d.received_at, 'bench', a.code, d.due_at, d.agency_id"
              + select);
      s.executeUpdate(
          "INSERT INTO dossier_history (dossier_id, seq, action, from_status,"
              + " to_status, at, actor, unit_code, due_at, agency_id) SELECT d.id, 3, 'RESOLVE', 4, 9,"
              + " d.finished_at, 'bench', a.code, d.due_at, d.agency_id"
              + select
              + " AND d.finished_at IS NOT NULL");
      c.commit();
    }
    c.setAutoCommit(true);
    System.out.printf(
        "loaded dossiers %,d to %,d in %.1f s%n", from, to, (System.nanoTime() - t0) / 1e9);
  }
}
