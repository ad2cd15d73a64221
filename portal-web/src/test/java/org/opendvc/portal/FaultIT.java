package org.opendvc.portal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.opendvc.portal.testsupport.DatabaseProxy;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalProcess;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * The fault suite: the portal on a Payara Micro of its own, on a database of its own reached
 * through a {@link DatabaseProxy}, is killed with {@code kill -9} in the middle of concurrent
 * submissions and uploads and restarted, and its database is taken away and frozen under load.
 * Whatever the portal acknowledged must survive with its rows and bytes, what the crash left
 * half-done must be recognisably nobody's (and swept), and while the database is out of reach
 * callers must get a quick 503 with {@code Retry-After}, never a 500 or a wait, until the portal
 * recovers by itself.
 *
 * <p>It shares nothing with the other integration tests (not their portal, database or accounts)
 * and half of its time is waiting (for its portal to start, for an outage to last), so it runs
 * beside them rather than after them ({@link ExecutionMode#CONCURRENT}), and first ({@link
 * org.opendvc.portal.testsupport.PortalClassOrder}). Its own two tests share its portal and run one
 * after the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class FaultIT {

  private static final String PROCEDURE = "9.001001";
  private static final String COMMUNE = "000.01.31.H91";
  private static final String APPLICANT = "congdan";
  private static final String PASSWORD = "Demo@2026";
  private static final String ADMIN_PASSWORD = "fault-admin-Secret1";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long each outage lasts. */
  private static final long OUTAGE_MILLIS = 8_000;

  /** By when the portal has noticed an outage: from then on every request gets a quick 503. */
  private static final long NOTICED_NANOS = 5_000_000_000L;

  private String databaseUrl;
  private DatabaseProxy proxy;
  private PortalProcess portal;
  private Path dataDir;

  @BeforeAll
  void startPortalOnItsOwnDatabase() throws Exception {
    databaseUrl = TestDatabase.freshSibling().orElse(null);
    Assumptions.assumeTrue(
        databaseUrl != null,
        "the fault suite needs a database server it can create a database on; PORTAL_TEST_DB_URL gives only one");
    Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(databaseUrl);
    assertTrue(hostPort.find(), databaseUrl);
    proxy = DatabaseProxy.to(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
    String proxied = databaseUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    dataDir =
        Path.of(System.getProperty("portal.build.dir", "target"), "fault-data").toAbsolutePath();
    deleteTree(dataDir);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("portal.db.url", proxied);
    settings.put("portal.db.user", TestDatabase.user());
    settings.put("portal.db.password", TestDatabase.password());
    TestDatabase.ownerUser()
        .ifPresent(
            owner -> {
              settings.put("portal.db.owner.user", owner);
              settings.put("portal.db.owner.password", TestDatabase.select().ownerPassword());
            });
    settings.put("portal.demo.data", "true");
    settings.put("portal.admin.password", ADMIN_PASSWORD);
    settings.put("portal.password.iterations", Integer.toString(Portal.PASSWORD_ITERATIONS));
    settings.put("portal.data.dir", dataDir.toString());
    settings.put("portal.upload.rate.max.failures", "100000");
    portal = PortalProcess.with("fault-portal", settings).start();
    theFirstSignInsAtOnceAllGetATokenSignedWithTheOneKey();
  }

  /**
   * The signing key is made by the first sign-in of a new database: several at once must all get a
   * token (one of them used to get a 500, reading back the key another had just stored), and every
   * token must pass on every later call, i.e. all were signed with the one stored key.
   */
  private void theFirstSignInsAtOnceAllGetATokenSignedWithTheOneKey() throws Exception {
    Http http = Http.at(portal.base()).withTimeout(Duration.ofSeconds(60));
    ExecutorService at = Executors.newFixedThreadPool(4);
    try {
      List<Future<Http>> signIns = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        signIns.add(at.submit(() -> http.signedInAs(APPLICANT, PASSWORD)));
      }
      for (Future<Http> signIn : signIns) {
        Http.Response me = signIn.get(2, TimeUnit.MINUTES).getJson("/api/v1/dossiers?size=1");
        assertEquals(200, me.status(), me::toString);
      }
    } finally {
      at.shutdownNow();
    }
  }

  @AfterAll
  void stop() {
    if (portal != null) {
      portal.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  // ---------------------------------------------------------------- kill -9

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void killedInTheMiddleOfSubmissionsAndUploadsItLosesNothingItAcknowledged() throws Exception {
    running();
    Http http = Http.at(portal.base()).withTimeout(Duration.ofSeconds(60));
    Http applicant = http.signedInAs(APPLICANT, PASSWORD);
    Queue<String> dossiers = new ConcurrentLinkedQueue<>();
    Queue<StoredFile> files = new ConcurrentLinkedQueue<>();
    Queue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      load.submit(
          () -> {
            while (!killed.get()) {
              try {
                Http.Response submitted = submit(applicant);
                if (submitted.status() != 201) {
                  wrongAnswers.add(submitted.toString());
                  continue;
                }
                String code = submitted.json().getString("code");
                dossiers.add(code);
                byte[] content = pdf(256 * 1024 + RANDOM.nextInt(512 * 1024));
                Http.Response uploaded =
                    applicant.postMultipart(
                        "/api/v1/dossiers/" + code + "/attachments",
                        new Multipart()
                            .field("component", "1")
                            .file("file", "giay-to.pdf", "application/pdf", content));
                if (uploaded.status() == 201) {
                  files.add(
                      new StoredFile(code, uploaded.json().getString("url"), sha256(content)));
                } else {
                  wrongAnswers.add(uploaded.toString());
                }
              } catch (RuntimeException connectionLost) {
                if (!killed.get()) {
                  wrongAnswers.add(connectionLost.toString());
                }
              }
            }
          });
    }
    await("acknowledged submissions and uploads")
        .atMost(Duration.ofMinutes(3))
        .until(() -> (dossiers.size() >= 16 && files.size() >= 16) || !wrongAnswers.isEmpty());
    killed.set(true);
    portal.kill();
    load.shutdown();
    assertTrue(load.awaitTermination(2, TimeUnit.MINUTES), "the load did not stop");
    assertTrue(wrongAnswers.isEmpty(), () -> "answers before the kill: " + wrongAnswers);

    portal.start();

    // every acknowledged dossier and file is there, through the API and in the database
    Http afterwards = Http.at(portal.base()).signedInAs(APPLICANT, PASSWORD);
    for (String code : dossiers) {
      Http.Response r = afterwards.getJson("/api/v1/dossiers/" + code);
      assertEquals(
          200, r.status(), () -> "acknowledged dossier " + code + " after the restart: " + r);
    }
    for (StoredFile f : files) {
      Http.Response r = afterwards.get(URI.create(f.url()).getPath());
      assertEquals(200, r.status(), () -> "acknowledged file " + f + " after the restart: " + r);
      assertEquals(f.sha256(), sha256(r.bytes()), () -> "bytes of " + f);
    }
    try (Connection c = database()) {
      assertEquals(
          0,
          count(
              c,
              "SELECT COUNT(*) FROM dossier d WHERE NOT EXISTS"
                  + " (SELECT 1 FROM dossier_history h WHERE h.dossier_id = d.id)"),
          "dossiers without history");
      Map<String, String> rows = fileRows(c);
      for (StoredFile f : files) {
        assertTrue(rows.containsValue(f.sha256()), () -> "no row with the digest of " + f);
      }
      // every row has its file, with the bytes its digest says
      for (Map.Entry<String, String> row : rows.entrySet()) {
        Path stored = storedFile(row.getKey());
        assertTrue(Files.isRegularFile(stored), () -> "row without its file: " + stored);
        assertEquals(
            row.getValue(), sha256(Files.readAllBytes(stored)), () -> "digest of " + stored);
      }

      // what the crash left half-done is nobody's: the sweep removes exactly that once it is old
      Set<Path> orphans = orphanFiles(rows.keySet());
      Set<Path> parts = partFiles();
      Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
      try (Stream<Path> all = Files.walk(dataDir.resolve("files"))) {
        for (Path p : all.filter(Files::isRegularFile).toList()) {
          Files.setLastModifiedTime(p, FileTime.from(twoHoursAgo));
        }
      }
      Http admin = Http.at(portal.base()).signedInAs("admin", ADMIN_PASSWORD);
      Http.Response swept = admin.post("/api/v1/admin/files/sweep", "application/json", "");
      assertEquals(200, swept.status(), swept::toString);
      assertEquals(
          orphans.size(),
          swept.json().getInt("orphanFiles"),
          () -> "orphans " + orphans + ": " + swept);
      assertEquals(
          parts.size(),
          swept.json().getInt("tempFiles"),
          () -> "temporary files " + parts + ": " + swept);
      assertEquals(Set.of(), orphanFiles(rows.keySet()), "files without a row after the sweep");
      assertEquals(Set.of(), partFiles(), "temporary files after the sweep");
      for (String key : fileRows(c).keySet()) {
        assertTrue(
            Files.isRegularFile(storedFile(key)),
            () -> "the sweep removed a file with a row: " + key);
      }
    }
  }

  // ---------------------------------------------------------------- the database out of reach

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void withTheDatabaseDownOrFrozenCallersGetAQuick503AndThePortalRecoversByItself()
      throws Exception {
    running();
    Http http = Http.at(portal.base()).withTimeout(Duration.ofSeconds(90));
    Http applicant = http.signedInAs(APPLICANT, PASSWORD);
    String known = submit(applicant).json().getString("code");
    Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    // an open load, as on a real portal: a request every 100 ms whatever the earlier ones do, so
    // that requests stuck on a frozen database do not stop new ones from arriving
    AtomicInteger turn = new AtomicInteger();
    ExecutorService clients = Executors.newCachedThreadPool();
    java.util.concurrent.ScheduledExecutorService arrivals =
        Executors.newSingleThreadScheduledExecutor();
    arrivals.scheduleAtFixedRate(
        () ->
            clients.submit(
                () -> {
                  int op = turn.getAndIncrement() % 3;
                  long start = System.nanoTime();
                  try {
                    Http.Response r =
                        switch (op) {
                          case 0 -> submit(applicant);
                          case 1 -> applicant.getJson("/api/v1/dossiers/" + known);
                          default -> http.getJson("/api/v1/procedures?q=khai%20sinh&size=5");
                        };
                    if (op == 0 && r.status() == 201) {
                      acknowledged.add(r.json().getString("code"));
                    }
                    samples.add(
                        new Sample(
                            op,
                            start,
                            System.nanoTime(),
                            r.status(),
                            r.header("Retry-After").orElse(null),
                            r.mediaType(),
                            r.body(),
                            null));
                  } catch (RuntimeException e) {
                    samples.add(
                        new Sample(
                            op, start, System.nanoTime(), 0, null, null, null, e.toString()));
                  }
                }),
        0,
        100,
        TimeUnit.MILLISECONDS);
    long origin = System.nanoTime();
    try {
      // each outage lasts 8 s: the portal notices within 4 s (a probe every second, given 3 s to
      // answer), and the last 3 s, some 30 requests, must all get a quick 503
      sleep(1_000);
      long down = System.nanoTime();
      proxy.down();
      sleep(OUTAGE_MILLIS);
      assertQuickUnavailable(http.withTimeout(Duration.ofSeconds(10)), "down");
      long up = System.nanoTime();
      proxy.open();
      awaitRecovery(http, applicant);
      sleep(1_000);
      long frozen = System.nanoTime();
      proxy.freeze();
      sleep(OUTAGE_MILLIS);
      assertQuickUnavailable(http.withTimeout(Duration.ofSeconds(10)), "frozen");
      long thawed = System.nanoTime();
      proxy.open();
      long recovered = awaitRecovery(http, applicant);
      sleep(2_000);
      arrivals.shutdown();
      clients.shutdown();
      assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "the load did not stop");

      List<Sample> all = new ArrayList<>(samples);
      List<Sample> wrong =
          all.stream()
              .filter(
                  s ->
                      s.status() != 503 && (s.status() < 200 || s.status() >= 300)
                          || s.body() != null
                              && (s.body().contains("Exception") || s.body().contains("\tat ")))
              .toList();
      assertEquals(List.of(), wrong, "answers other than a success or a clean 503");
      for (long[] window : new long[][] {{down, up}, {frozen, thawed}}) {
        List<Sample> outage =
            all.stream()
                .filter(s -> s.start() > window[0] + NOTICED_NANOS && s.start() < window[1])
                .toList();
        assertTrue(
            outage.size() >= 10,
            () ->
                "too few requests during the outage "
                    + (window[0] - origin) / 1_000_000
                    + ".."
                    + (window[1] - origin) / 1_000_000
                    + " ms: "
                    + timeline(all, origin));
        for (Sample s : outage) {
          assertEquals(503, s.status(), s::toString);
          assertTrue(s.retryAfter() != null && Integer.parseInt(s.retryAfter()) > 0, s::toString);
          assertEquals("application/problem+json", s.mediaType(), s::toString);
          assertTrue(s.millis() < 2_000, () -> "slow 503: " + s);
        }
      }
      // a database that is down refuses at once: no request waits for it, not even those under
      // way as it went
      List<Sample> slow =
          all.stream()
              .filter(s -> s.start() > down && s.start() < up && s.millis() > 3_500)
              .toList();
      assertEquals(List.of(), slow, "requests that waited with the database down");
      List<Sample> after = all.stream().filter(s -> s.start() > recovered).toList();
      assertTrue(
          !after.isEmpty() && after.stream().allMatch(s -> s.status() / 100 == 2),
          () -> "after recovery: " + after);
    } finally {
      arrivals.shutdownNow();
      clients.shutdownNow();
      proxy.open();
    }
    try (Connection c = database()) {
      Set<String> stored = new HashSet<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT code FROM dossier")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      List<String> lost = acknowledged.stream().filter(code -> !stored.contains(code)).toList();
      assertEquals(List.of(), lost, "acknowledged submissions missing");
      assertTrue(
          acknowledged.size() >= 3, () -> "too few submissions acknowledged: " + acknowledged);
      assertEquals(
          0,
          count(
              c,
              "SELECT COUNT(*) FROM dossier d WHERE NOT EXISTS"
                  + " (SELECT 1 FROM dossier_history h WHERE h.dossier_id = d.id)"),
          "dossiers without history");
    }
  }

  private static String timeline(List<Sample> samples, long origin) {
    return samples.stream()
        .sorted(java.util.Comparator.comparingLong(Sample::start))
        .map(s -> "\n  " + (s.start() - origin) / 1_000_000 + " ms " + s)
        .collect(Collectors.joining());
  }

  private void assertQuickUnavailable(Http http, String state) {
    long start = System.nanoTime();
    Http.Response ready = http.getJson("/health/ready");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, ready.status(), () -> "readiness with the database " + state + ": " + ready);
    assertTrue(millis < 2_000, () -> "readiness took " + millis + " ms with the database " + state);
    long t = System.nanoTime();
    Http.Response page = http.get("/procedures", "Accept", "text/html");
    long pageMillis = (System.nanoTime() - t) / 1_000_000;
    assertEquals(503, page.status(), () -> "a page with the database " + state + ": " + page);
    assertTrue(page.header("Retry-After").isPresent(), page::toString);
    assertTrue(
        pageMillis < 2_000, () -> "the page took " + pageMillis + " ms with the database " + state);
  }

  /** Waits until the portal is ready and takes a submission again; when that was seen. */
  private long awaitRecovery(Http http, Http applicant) {
    await("recovery")
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                http.getJson("/health/ready").status() == 200 && submit(applicant).status() == 201);
    return System.nanoTime();
  }

  // ---------------------------------------------------------------- support

  private void running() {
    proxy.open();
    if (!portal.running()) {
      portal.start();
    }
  }

  private static Http.Response submit(Http applicant) {
    return applicant.postJson(
        "/api/v1/dossiers",
        "{\"procedureCode\":\""
            + PROCEDURE
            + "\",\"agencyCode\":\""
            + COMMUNE
            + "\","
            + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
            + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\"},"
            + "\"form\":{"
            + Submissions.BIRTH
            + "},"
            + Submissions.PROMISED_BIRTH
            + "}");
  }

  /** The fault suite's database, as the schema's owner when there is one. */
  private Connection database() throws SQLException {
    TestDatabase.Selection s = TestDatabase.select();
    return s.ownerUser().isPresent()
        ? DriverManager.getConnection(databaseUrl, s.ownerUser().get(), s.ownerPassword())
        : DriverManager.getConnection(databaseUrl, s.user(), s.password());
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** storage key → digest of every file row. */
  private static Map<String, String> fileRows(Connection c) throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT storage_key, sha256 FROM dossier_file")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  private Path storedFile(String key) {
    return dataDir.resolve("files").resolve(key.substring(0, 2)).resolve(key);
  }

  private Set<Path> orphanFiles(Set<String> keys) throws Exception {
    Path files = dataDir.resolve("files");
    try (Stream<Path> all = Files.walk(files)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(files.resolve("tmp")))
          .filter(p -> !keys.contains(p.getFileName().toString()))
          .collect(Collectors.toSet());
    }
  }

  private Set<Path> partFiles() throws Exception {
    Path tmp = dataDir.resolve("files").resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return Set.of();
    }
    try (Stream<Path> all = Files.list(tmp)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".part"))
          .collect(Collectors.toSet());
    }
  }

  private static byte[] pdf(int size) {
    byte[] head = Multipart.pdf("giấy tờ");
    byte[] content = new byte[head.length + size];
    System.arraycopy(head, 0, content, 0, head.length);
    byte[] noise = new byte[size];
    RANDOM.nextBytes(noise);
    for (int i = 0; i < size; i++) {
      content[head.length + i] = (byte) ('a' + (noise[i] & 0x0f));
    }
    return content;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record StoredFile(String code, String url, String sha256) {}

  private record Sample(
      int op,
      long start,
      long end,
      int status,
      String retryAfter,
      String mediaType,
      String body,
      String failure) {
    long millis() {
      return (end - start) / 1_000_000;
    }

    @Override
    public String toString() {
      return "op "
          + op
          + ": "
          + (failure != null
              ? failure
              : status
                  + " "
                  + mediaType
                  + " Retry-After="
                  + retryAfter
                  + " in "
                  + millis()
                  + " ms: "
                  + (body == null ? "" : body.substring(0, Math.min(300, body.length()))));
    }
  }
}
