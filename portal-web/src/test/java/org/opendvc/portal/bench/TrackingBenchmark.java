package org.opendvc.portal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public tracking at scale ({@code mvn -Pbench -Dbench.mode=tracking}): bulk-loads {@code
 * bench.dossiers} dossiers (default 1,000,000) with their history straight into the database, then
 * measures, at the same concurrency and for the same time, tracking lookups through HTTP and the
 * raw JDBC selects of the same rows (the dossier by code with its procedure and agency, then its
 * history), and reports both rates, their p99 and the ratio. It does so for two mixes of codes,
 * always with the right ID numbers: uniform over all dossiers (the portal's cache holds a tenth of
 * them by default, and starts empty, so this is the cold figure), and a mix where {@value
 * #RECENT_SHARE} % of lookups are for the dossiers of the last {@value #RECENT_DAYS} days, as the
 * public tracks dossiers in progress. The cache's hit rate in each comes from the portal's
 * /metrics.
 */
public class TrackingBenchmark extends Benchmark {

  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final int UNITS = 50;
  private static final int DAYS = 365;

  private final int count = Integer.getInteger("bench.dossiers", 1_000_000);
  private final int threads = Integer.getInteger("bench.threads", 8);
  private final int seconds = Integer.getInteger("bench.seconds", 20);
  private final List<String> unitCodes = new ArrayList<>();
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
            + count
            + " dossiers, "
            + threads
            + " clients, "
            + seconds
            + " s each) | value | baseline in the same run | ratio |");
    report.add("|---|---|---|---|");
    Process portal = startPortal(micro, war, dbUrl, port, true);
    try {
      awaitReady(base, portal);
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
        load(c);
      }
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("loaded %,d dossiers with history in %.1f s%n", count, loadSeconds);
      row("bulk load of the dossiers and their history (s)", loadSeconds, "-", Double.NaN);
      String loadBefore = loadAverage();
      Pick uniform = r -> r.nextInt(count);
      Pick recent = this::recent;
      awaitCacheInUse(base, uniform);
      for (int i = 0; i < 2000; i++) {
        httpLookup(base, new Random(i), uniform);
      }
      // 1. every dossier equally likely: the cache (far smaller than N) rarely has the answer
      double[] cache0 = cacheCounters(base);
      double[] http = measure(r -> httpLookup(base, r, uniform), null, uniform);
      double[] cache1 = cacheCounters(base);
      double[] jdbc = measure(null, jdbcUrl, uniform);
      double uniformHits = hitRate(cache0, cache1);
      row(
          "tracking lookups per second, HTTP, codes uniform over all "
              + count
              + " (cache hit rate "
              + pct(uniformHits)
              + ")",
          http[0],
          "raw JDBC select per second: " + fmt(jdbc[0]),
          http[0] / jdbc[0]);
      row(
          "tracking p99 (ms), HTTP, uniform",
          http[1],
          "raw JDBC select p99: " + fmt(jdbc[1]),
          http[1] / jdbc[1]);
      // 2. as the public tracks: mostly dossiers received in the last week, sometimes any
      measure(r -> httpLookup(base, r, recent), null, recent); // warms the cache, not counted
      double[] cache2 = cacheCounters(base);
      double[] httpRecent = measure(r -> httpLookup(base, r, recent), null, recent);
      double[] cache3 = cacheCounters(base);
      double[] jdbcRecent = measure(null, jdbcUrl, recent);
      double recentHits = hitRate(cache2, cache3);
      row(
          "tracking lookups per second, HTTP, "
              + RECENT_SHARE
              + " % of lookups on the "
              + recentDossiers()
              + " dossiers of the last "
              + RECENT_DAYS
              + " days, the rest uniform"
              + " (cache hit rate "
              + pct(recentHits)
              + ")",
          httpRecent[0],
          "raw JDBC select per second, same mix: " + fmt(jdbcRecent[0]),
          httpRecent[0] / jdbcRecent[0]);
      row(
          "tracking p99 (ms), HTTP, recent mix",
          httpRecent[1],
          "raw JDBC select p99, same mix: " + fmt(jdbcRecent[1]),
          httpRecent[1] / jdbcRecent[1]);
      report.add(
          "| load average (1 min) before / after the measurements | "
              + loadBefore
              + " / "
              + loadAverage()
              + " | - | - |");
      System.out.printf(
          "cache hit rate: uniform %s, recent mix %s%n", pct(uniformHits), pct(recentHits));
    } finally {
      stop(portal);
      if (System.getenv("PORTAL_BENCH_DB_URL") == null) {
        try (Connection c = DriverManager.getConnection(adminUrl, "root", "");
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + db);
        }
      }
    }
    write("bench-tracking.md");
  }

  /** Dossier i: its receiving unit, day and daily sequence, so codes are unique and computable. */
  private String code(int i) {
    int unit = i % UNITS;
    int day = (i / UNITS) % DAYS;
    // daily sequences from 5001 keep clear of the demo dossiers of the same units and days
    int seq = 5001 + i / (UNITS * DAYS);
    return unitCodes.get(unit)
        + "-"
        + firstDay.plusDays(day).format(YYMMDD)
        + "-"
        + String.format("%04d", seq);
  }

  private static String idNumber(int i) {
    return String.format("%012d", 1_000_000_000L + i);
  }

  private void load(Connection c) throws Exception {
    List<List<long[]>> byUnit = offeringsOfUnits(c, UNITS, unitCodes);
    c.setAutoCommit(false);
    String insert =
        "INSERT INTO dossier (code, procedure_id, receiving_agency_id, agency_id,"
            + " channel, status, applicant_type, applicant_name, applicant_id_number, received_at,"
            + " accepted_at, due_at, supplement_requests, version) VALUES"
            + " (?, ?, ?, ?, 'COUNTER', 4, 'CITIZEN', ?, ?, ?, ?, ?, 0, 2)";
    try (PreparedStatement s = c.prepareStatement(insert)) {
      for (int i = 0; i < count; i++) {
        long[] o = byUnit.get(i % UNITS).get((i / UNITS) % byUnit.get(i % UNITS).size());
        LocalDateTime received =
            firstDay.plusDays((i / UNITS) % DAYS).atTime(8, 0).plusMinutes(i % 400);
        s.setString(1, code(i));
        s.setLong(2, o[1]);
        s.setLong(3, o[0]);
        s.setLong(4, o[0]);
        s.setString(5, "Người nộp " + i);
        s.setString(6, idNumber(i));
        s.setTimestamp(7, Timestamp.valueOf(received));
        s.setTimestamp(8, Timestamp.valueOf(received));
        s.setTimestamp(9, Timestamp.valueOf(received.plusDays(7)));
        s.addBatch();
        if ((i + 1) % 5000 == 0 || i == count - 1) {
          s.executeBatch();
          c.commit();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO dossier_history (dossier_id, seq, action, from_status,"
              + " to_status, at, actor, unit_code, due_at) SELECT d.id, 1, 'RECEIVE', NULL, 2,"
              + " d.received_at, 'bench', a.code, d.due_at FROM dossier d JOIN agency a"
              + " ON a.id = d.agency_id WHERE d.applicant_name LIKE 'Người nộp %'");
      s.executeUpdate(
          "INSERT INTO dossier_history (dossier_id, seq, action, from_status,"
              + " to_status, at, actor, unit_code, due_at) SELECT d.id, 2, 'START_PROCESSING', 2, 4,"
              + " d.received_at, 'bench', a.code, d.due_at FROM dossier d JOIN agency a"
              + " ON a.id = d.agency_id WHERE d.applicant_name LIKE 'Người nộp %'");
      c.commit();
    }
    c.setAutoCommit(true);
  }

  private interface Lookup {
    void run(Random random) throws Exception;
  }

  /** Which dossier the next lookup is for. */
  private interface Pick {
    int next(Random random);
  }

  static final int RECENT_SHARE = 90;
  static final int RECENT_DAYS = 7;

  /** Rounds of daily sequences that are complete for every unit and day. */
  private int rounds() {
    return Math.max(1, count / (UNITS * DAYS));
  }

  private int recentDossiers() {
    return rounds() * UNITS * Math.min(RECENT_DAYS, DAYS);
  }

  /** Mostly a dossier received in the last {@code RECENT_DAYS} days, sometimes any. */
  private int recent(Random r) {
    if (r.nextInt(100) >= RECENT_SHARE) {
      return r.nextInt(count);
    }
    int day = DAYS - 1 - r.nextInt(RECENT_DAYS);
    int i = r.nextInt(rounds()) * UNITS * DAYS + day * UNITS + r.nextInt(UNITS);
    return Math.min(i, count - 1);
  }

  private static final Pattern GAUGE =
      Pattern.compile(
          "(?m)^(tracking_cache_hits|tracking_cache_misses)(?:\\{[^}]*\\})?\\s+([0-9.eE+]+)");

  /** The portal's cache hits and misses so far, from /metrics (NaN when it has none). */
  private static double[] cacheCounters(String base) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    double[] out = {Double.NaN, Double.NaN};
    Matcher m = GAUGE.matcher(r.body());
    while (m.find()) {
      out[m.group(1).endsWith("hits") ? 0 : 1] = Double.parseDouble(m.group(2));
    }
    return out;
  }

  /**
   * Waits until the portal answers from its cache: after the bulk load its poller first reads the
   * new history rows, and the cache stays out of use until it has caught up.
   */
  private void awaitCacheInUse(String base, Pick pick) throws Exception {
    long start = System.nanoTime();
    Random random = new Random(-1);
    while (System.nanoTime() - start < 300e9) {
      double[] before = cacheCounters(base);
      httpLookup(base, random, pick);
      double[] after = cacheCounters(base);
      if (after[0] + after[1] > before[0] + before[1]) {
        System.out.printf("cache in use after %.1f s%n", (System.nanoTime() - start) / 1e9);
        return;
      }
      Thread.sleep(200);
    }
    System.out.println("the cache was not in use after 300 s");
  }

  private static double hitRate(double[] before, double[] after) {
    double hits = after[0] - before[0];
    double misses = after[1] - before[1];
    return hits / (hits + misses);
  }

  private static String pct(double rate) {
    return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  /** Rate and p99 of lookups by {@code threads} clients for {@code seconds}. */
  private double[] measure(Lookup http, String jdbcUrl, Pick pick) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<List<Double>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      futures.add(
          pool.submit(
              () -> {
                List<Double> times = new ArrayList<>();
                Random random = new Random(1000 + seed);
                Connection c =
                    jdbcUrl == null ? null : DriverManager.getConnection(jdbcUrl, "root", "");
                try {
                  while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    if (c == null) {
                      http.run(random);
                    } else {
                      jdbcLookup(c, random, pick);
                    }
                    times.add((System.nanoTime() - s) / 1e6);
                  }
                } finally {
                  if (c != null) {
                    c.close();
                  }
                }
                return times;
              }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    Collections.sort(all);
    return new double[] {all.size() / (double) seconds, pct(all, 99)};
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private void httpLookup(String base, Random random, Pick pick) throws Exception {
    int i = pick.next(random);
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/tracking/" + code(i) + "?idNumber=" + idNumber(i)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "tracking " + code(i) + ": " + r.statusCode() + " " + r.body());
    }
  }

  private void jdbcLookup(Connection c, Random random, Pick pick) throws Exception {
    int i = pick.next(random);
    long id;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT d.id, d.applicant_id_number, d.status,"
                + " d.received_at, d.due_at, d.finished_at, p.code, p.name, a.code, a.name FROM dossier d"
                + " JOIN catalogue_procedure p ON p.id = d.procedure_id JOIN agency a ON a.id = d.agency_id"
                + " WHERE d.code = ?")) {
      s.setString(1, code(i));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || !idNumber(i).equals(r.getString(2))) {
          throw new IllegalStateException("no dossier " + code(i));
        }
        id = r.getLong(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, to_status, at, unit_code, note"
                + " FROM dossier_history WHERE dossier_id = ? ORDER BY seq")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          r.getInt(1);
        }
      }
    }
  }
}
