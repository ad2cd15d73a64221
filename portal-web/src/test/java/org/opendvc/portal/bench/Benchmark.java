package org.opendvc.portal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.TextFolding;

/**
 * The benchmark harness, run by hand with {@code mvn -Pbench} (never part of the tests). In one run
 * against a real Payara Micro and database it measures start-up, the import of the real national
 * catalogue and search latency, each with a baseline measured in the same run, and prints a table
 * (also written to {@code portal-web/target/bench-results.md}).
 *
 * <p>Database: {@code PORTAL_BENCH_DB_URL} (a JDBC URL whose database is dropped and recreated),
 * else a fresh database on the MariaDB/MySQL at 127.0.0.1:3306 (root, empty password).
 */
public class Benchmark {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern NAME =
      Pattern.compile("\"TENTTHC\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern DUR = Pattern.compile("dur=([0-9.]+)");

  final List<String> report = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    String mode = System.getProperty("portal.bench.mode", "catalogue");
    switch (mode) {
      case "catalogue" -> new Benchmark().run();
      case "tracking" -> new TrackingBenchmark().run();
      case "statistics" -> new StatisticsBenchmark().run();
      default -> {
        System.err.println(
            "Unknown benchmark '" + mode + "': use catalogue, tracking or statistics.");
        System.exit(2);
      }
    }
  }

  private void run() throws Exception {
    Path micro = Path.of(System.getProperty("portal.micro.jar"));
    Path war = Path.of(System.getProperty("portal.war"));
    Path feed =
        Path.of(
            System.getProperty("portal.shared.data", "../shared/data"),
            "procedures_national_feed.jsonl");
    if (!Files.isReadable(feed)) {
      System.err.println(
          "The real catalogue is needed: "
              + feed.toAbsolutePath()
              + " not found. Put the shared data folder beside the repository.");
      System.exit(2);
    }
    String adminUrl = "jdbc:mysql://127.0.0.1:3306/";
    String db = "portal_bench_" + System.currentTimeMillis();
    String dbUrl = System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", adminUrl + db);
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    report.add("| measure | value | baseline in the same run | ratio |");
    report.add("|---|---|---|---|");
    try {
      // 1. start-up: on an empty database (migrations), then again on the same database
      Process first = startPortal(micro, war, dbUrl, port);
      double cold = awaitReady(base, first);
      stop(first);
      Process portal = startPortal(micro, war, dbUrl, port);
      double warm = awaitReady(base, portal);
      double baselineJvm = timeJavaVersion();
      row(
          "start-up, empty database (s)",
          cold,
          "`java -version`: " + fmt(baselineJvm),
          cold / baselineJvm);
      row(
          "start-up, existing database (s)",
          warm,
          "`java -version`: " + fmt(baselineJvm),
          warm / baselineJvm);
      try {
        String token = token(base);
        String body = Files.readString(feed, StandardCharsets.UTF_8);
        // 2. import: the whole national catalogue, created then updated
        long t0 = System.nanoTime();
        String created =
            post(base + "/api/v1/procedures/import", "application/x-ndjson", body, token);
        double importCreate = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        String updated =
            post(base + "/api/v1/procedures/import", "application/x-ndjson", body, token);
        double importUpdate = (System.nanoTime() - t0) / 1e9;
        double parse = timeParse(body);
        System.out.println(
            "import answers: "
                + created.substring(0, Math.min(80, created.length()))
                + " / "
                + updated.substring(0, Math.min(80, updated.length())));
        row(
            "import 2,642 records, new (s)",
            importCreate,
            "reading and checking the same records in this JVM: " + fmt(parse),
            importCreate / parse);
        row(
            "import 2,642 records, again (upsert) (s)",
            importUpdate,
            "reading and checking the same records in this JVM: " + fmt(parse),
            importUpdate / parse);
        // 3. search
        List<String> queries = queries(body, 400);
        for (String q : queries) {
          search(base, q);
        }
        List<Double> server = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        for (String q : queries) {
          double[] m = search(base, q);
          server.add(m[0]);
          roundTrip.add(m[1]);
        }
        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
          long s = System.nanoTime();
          get(base + "/health/live");
          baseline.add((System.nanoTime() - s) / 1e6);
        }
        double bp50 = pct(baseline, 50);
        double bp99 = pct(baseline, 99);
        List<Double> local = inProcessSearch(body, queries);
        row(
            "search server time p50 (ms), " + queries.size() + " queries",
            pct(server, 50),
            "same index and queries in this JVM p50: " + fmt(pct(local, 50)),
            pct(server, 50) / pct(local, 50));
        row(
            "search server time p99 (ms)",
            pct(server, 99),
            "same index and queries in this JVM p99: " + fmt(pct(local, 99)),
            pct(server, 99) / pct(local, 99));
        row(
            "search round trip p50 (ms)",
            pct(roundTrip, 50),
            "GET /health/live p50: " + fmt(bp50),
            pct(roundTrip, 50) / bp50);
        row(
            "search round trip p99 (ms)",
            pct(roundTrip, 99),
            "GET /health/live p99: " + fmt(bp99),
            pct(roundTrip, 99) / bp99);
      } finally {
        stop(portal);
      }
    } finally {
      if (System.getenv("PORTAL_BENCH_DB_URL") == null) {
        try (Connection c = DriverManager.getConnection(adminUrl, "root", "");
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + db);
        }
      }
    }
    write("bench-results.md");
  }

  void write(String file) throws IOException {
    String table = String.join("\n", report);
    System.out.println("\n" + table + "\n");
    Path out = Path.of(System.getProperty("portal.build.dir", "target"), file);
    Files.createDirectories(out.getParent());
    Files.writeString(out, table + "\n");
    System.out.println("written to " + out.toAbsolutePath());
  }

  void row(String what, double value, String baseline, double ratio) {
    report.add(
        "| "
            + what
            + " | "
            + fmt(value)
            + " | "
            + baseline
            + " | "
            + (Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio))
            + " |");
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
  }

  static Process startPortal(Path micro, Path war, String dbUrl, int port) throws IOException {
    return startPortal(micro, war, dbUrl, port, false);
  }

  static Process startPortal(Path micro, Path war, String dbUrl, int port, boolean demo)
      throws IOException {
    Path log = Files.createTempFile("bench-portal", ".log");
    System.out.println("starting Payara Micro on port " + port + " (log " + log + ")");
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
    // e.g. PORTAL_BENCH_JVM_OPTS=-XX:StartFlightRecording=filename=portal.jfr to profile the portal
    String extra = System.getenv("PORTAL_BENCH_JVM_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(Arrays.asList(extra.strip().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-Dportal.db.url=" + dbUrl,
            "-Dportal.demo.data=" + demo,
            "-Dportal.admin.password=bench-Admin1",
            "-jar",
            micro.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  static double awaitReady(String base, Process p) throws Exception {
    long started = System.nanoTime();
    while (System.nanoTime() - started < 300e9) {
      if (!p.isAlive()) {
        throw new IllegalStateException("Payara Micro exited with " + p.exitValue());
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not ready after 300 s");
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  private static double timeJavaVersion() throws Exception {
    long s = System.nanoTime();
    new ProcessBuilder("java", "-version")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    return (System.nanoTime() - s) / 1e9;
  }

  /**
   * The floor for a search: the same Lucene index built from the same records and the same queries,
   * called directly in this JVM (after the same warm-up), no server, no HTTP.
   */
  private static List<Double> inProcessSearch(String body, List<String> queries) {
    List<org.opendvc.portal.catalogue.ProcedureRecord> records = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        try (var reader =
            org.opendvc.portal.shared.JsonProviders.JSON.createReader(
                new java.io.StringReader(line))) {
          records.add(org.opendvc.portal.catalogue.NationalFeedReader.read(reader.readValue()));
        }
      }
    }
    var index =
        org.opendvc.portal.catalogue.search.ProcedureIndex.build(
            org.opendvc.portal.catalogue.search.SearchFixtures.indexed(records), 1);
    List<Double> times = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      times.clear();
      for (String q : queries) {
        long s = System.nanoTime();
        index.search(
            new org.opendvc.portal.catalogue.search.SearchQuery(q, null, null, null, null, 0, 10));
        times.add((System.nanoTime() - s) / 1e6);
      }
    }
    return times;
  }

  /**
   * The part of an import that needs no server or database: parsing every line, checking it as the
   * portal does and writing its details as JSON, here in the harness's JVM (best of three).
   */
  private static double timeParse(String body) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long s = System.nanoTime();
      for (String line : body.split("\n")) {
        if (!line.isBlank()) {
          try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
            var record = org.opendvc.portal.catalogue.NationalFeedReader.read(reader.readValue());
            org.opendvc.portal.catalogue.ProcedureDetailsConverter.toJson(record.details());
          }
        }
      }
      best = Math.min(best, (System.nanoTime() - s) / 1e9);
    }
    return best;
  }

  static String token(String base) throws Exception {
    String answer =
        post(
            base + "/api/v1/auth/token",
            "application/json",
            "{\"username\":\"admin\",\"password\":\"bench-Admin1\"}",
            null);
    Matcher m = TOKEN.matcher(answer);
    if (!m.find()) {
      throw new IllegalStateException("no token: " + answer);
    }
    return m.group(1);
  }

  private static double[] search(String base, String q) throws Exception {
    long s = System.nanoTime();
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/v1/procedures?size=10&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double rt = (System.nanoTime() - s) / 1e6;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search " + q + ": " + r.statusCode() + " " + r.body());
    }
    Matcher m = DUR.matcher(r.headers().firstValue("Server-Timing").orElse(""));
    return new double[] {m.find() ? Double.parseDouble(m.group(1)) : Double.NaN, rt};
  }

  private static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static String post(String url, String type, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /**
   * Queries typed as citizens type them: names and parts of names, without tones, some with a slip.
   */
  static List<String> queries(String feed, int n) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(feed);
    while (m.find()) {
      names.add(m.group(1).replace("\\\"", "\""));
    }
    Random random = new Random(42);
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String name = TextFolding.fold(names.get(random.nextInt(names.size())));
      String[] words = name.replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
      switch (out.size() % 3) {
        case 0 -> out.add(String.join(" ", Arrays.copyOf(words, Math.min(words.length, 8))));
        case 1 -> {
          int len = Math.min(words.length, 3 + random.nextInt(3));
          int start = random.nextInt(words.length - len + 1);
          out.add(String.join(" ", Arrays.copyOfRange(words, start, start + len)));
        }
        default -> {
          int len = Math.min(words.length, 4);
          String q = String.join(" ", Arrays.copyOf(words, len));
          int pos = q.length() / 2;
          out.add(q.substring(0, pos) + q.substring(pos + 1));
        }
      }
    }
    return out;
  }

  static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.removeIf(v -> v.isNaN());
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /**
   * Up to four offerings at level 3 or 4 of each of the first {@code units} agencies that have
   * some, grouped by agency; their codes are added to {@code unitCodes}.
   */
  static List<List<long[]>> offeringsOfUnits(
      java.sql.Connection c, int units, List<String> unitCodes) throws java.sql.SQLException {
    List<long[]> offerings = new ArrayList<>();
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT o.agency_id, o.procedure_id, a.code"
                    + " FROM offering o JOIN agency a ON a.id = o.agency_id WHERE o.level >= 3"
                    + " ORDER BY o.id")) {
      while (r.next() && offerings.size() < units * 4) {
        String unit = r.getString(3);
        if (!unitCodes.contains(unit)) {
          if (unitCodes.size() == units) {
            continue;
          }
          unitCodes.add(unit);
        }
        offerings.add(new long[] {r.getLong(1), r.getLong(2), unitCodes.indexOf(unit)});
      }
    }
    if (unitCodes.size() < units) {
      throw new IllegalStateException("the demo data has too few agencies with offerings");
    }
    List<List<long[]>> byUnit = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      byUnit.add(new ArrayList<>());
    }
    offerings.forEach(o -> byUnit.get((int) o[2]).add(o));
    return byUnit;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
