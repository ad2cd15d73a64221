package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Ratings of finished dossiers (docs/satisfaction.md): once per dossier, only by its applicant,
 * only once it is finished; a rating moves the agency's satisfaction index by exactly its scores;
 * the comment is never published.
 */
@PortalWideFigures
class RatingApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final String ID_NUMBER = "001099067890";
  static final String[] ELEMENTS = {"access", "procedure", "officer", "result", "feedback"};
  static final String COMMENT = "Cán bộ Lê Thị Góp Ý hướng dẫn tận tình";

  private final Http officer = portal.demo("canbo.xa");
  private final Http owner = portal.demo("congdan");
  private final Http stranger = portal.demo("doanhnghiep");

  @Test
  void theOwnerRatesAFinishedDossierOnceAndTheIndexMovesByExactlyItsScores() {
    JsonObject before = total();
    String code = online();
    Http.Response early = owner.postJson(rating(code), scores(5, 4, 3, 2, 1, COMMENT));
    assertEquals(409, early.status(), "not finished yet: " + early);
    resolveOnline(code);

    Http.Response outOfRange = owner.postJson(rating(code), scores(6, 4, 3, 2, 0, null));
    assertEquals(400, outOfRange.status(), outOfRange.toString());
    assertEquals(java.util.Set.of("scores.access", "scores.feedback"), outOfRange.errorFields());
    Http.Response missing = owner.postJson(rating(code), "{\"scores\":{\"access\":5}}");
    assertEquals(400, missing.status(), missing.toString());
    assertTrue(missing.errorFields().contains("scores.result"), missing.toString());
    assertEquals(400, owner.postJson(rating(code), "{\"scores\":{\"access\":\"năm\"}}").status());
    assertEquals(
        404,
        stranger.postJson(rating(code), scores(1, 1, 1, 1, 1, null)).status(),
        "another applicant cannot see the dossier");
    assertEquals(
        403,
        officer.postJson(rating(code), scores(5, 5, 5, 5, 5, null)).status(),
        "the agency cannot rate itself");
    assertEquals(401, portal.http().postJson(rating(code), scores(5, 5, 5, 5, 5, null)).status());
    assertEquals(before, total(), "refused ratings leave nothing behind");

    Http.Response rated = owner.postJson(rating(code), scores(5, 4, 3, 2, 1, COMMENT));
    assertEquals(201, rated.status(), rated.toString());
    Http.Response again = owner.postJson(rating(code), scores(5, 5, 5, 5, 5, null));
    assertEquals(409, again.status(), again.toString());

    JsonObject after = total();
    assertEquals(before.getInt("responses") + 1, after.getInt("responses"));
    int[] given = {5, 4, 3, 2, 1};
    for (int e = 0; e < ELEMENTS.length; e++) {
      JsonObject was = element(before, ELEMENTS[e]);
      JsonObject now = element(after, ELEMENTS[e]);
      for (int score = 1; score <= 5; score++) {
        int moved =
            now.getJsonArray("counts").getInt(score - 1)
                - was.getJsonArray("counts").getInt(score - 1);
        assertEquals(score == given[e] ? 1 : 0, moved, ELEMENTS[e] + " score " + score);
      }
      assertEquals(
          given[e] >= 4 ? 1 : 0,
          now.getJsonObject("satisfied").getInt("count")
              - was.getJsonObject("satisfied").getInt("count"),
          ELEMENTS[e]);
      assertEquals(after.getInt("responses"), now.getJsonObject("satisfied").getInt("of"));
    }
    JsonObject overall = after.getJsonObject("overall");
    assertEquals(before.getJsonObject("overall").getInt("count") + 2, overall.getInt("count"));
    assertEquals(after.getInt("responses") * 5, overall.getInt("of"));
    assertEquals(
        (double) overall.getInt("count") / overall.getInt("of"),
        overall.getJsonNumber("share").doubleValue(),
        1e-9);

    JsonObject seen = officer.get(rating(code)).json();
    assertEquals(COMMENT, seen.getString("comment"), "the agency reads the comment");
    assertEquals(3, seen.getJsonObject("scores").getInt("officer"));
    String published = portal.http().get("/api/v1/satisfaction?agency=" + COMMUNE).body();
    assertFalse(published.contains("Góp Ý"), "comments are never published");
  }

  @Test
  void twoConcurrentRatingsOfOneDossierKeepExactlyOne() throws Exception {
    String code = online();
    resolveOnline(code);
    JsonObject before = total();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int score = i + 1;
        Callable<Integer> post =
            () -> {
              start.await();
              return owner
                  .postJson(rating(code), scores(score, score, score, score, score, null))
                  .status();
            };
        posts.add(pool.submit(post));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : posts) {
        statuses.add(f.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(before.getInt("responses") + 1, total().getInt("responses"));
  }

  @Test
  void anApplicantWithoutAnAccountRatesWithTheCodeAndTheIdNumber() {
    String code = counter();
    String path = "/api/v1/tracking/" + code + "/rating";
    assertEquals(409, portal.http().postJson(path, withId(ID_NUMBER)).status(), "not finished");
    act(officer, code, "{\"action\":\"START_PROCESSING\"}");
    act(officer, code, "{\"action\":\"RESOLVE\"}");
    Http.Response wrong = portal.http().postJson(path, withId("079000000001"));
    assertEquals(404, wrong.status(), wrong.toString());
    Http.Response unknown =
        portal.http().postJson("/api/v1/tracking/H91-000000-9999/rating", withId(ID_NUMBER));
    assertEquals(404, unknown.status());
    assertEquals(
        wrong.json().getString("detail"),
        unknown.json().getString("detail"),
        "a wrong ID number tells nothing more than an unknown code");
    JsonObject before = total();
    Http.Response rated = portal.http().postJson(path, withId(ID_NUMBER));
    assertEquals(201, rated.status(), rated.toString());
    assertEquals("TRACKING", rated.json().getString("through"));
    assertEquals(409, portal.http().postJson(path, withId(ID_NUMBER)).status());
    assertEquals(before.getInt("responses") + 1, total().getInt("responses"));
  }

  @Test
  void anEmptyPeriodHasNoShareAndBadRequestsAreExplained() {
    JsonObject empty = portal.http().get("/api/v1/satisfaction?period=2001").json();
    JsonObject total = empty.getJsonObject("total");
    assertEquals(0, total.getInt("responses"));
    assertFalse(total.getBoolean("significant"));
    assertEquals(
        JsonValue.ValueType.NULL,
        total.getJsonObject("overall").get("share").getValueType(),
        "no response, no share: never 100 %");
    assertEquals(30, empty.getInt("minResponses"));
    Http.Response badPeriod = portal.http().get("/api/v1/satisfaction?period=2026-13");
    assertEquals(400, badPeriod.status(), badPeriod.toString());
    assertTrue(badPeriod.errorFields().contains("period"), badPeriod.toString());
    assertEquals(404, portal.http().get("/api/v1/satisfaction?agency=khong-co").status());
  }

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The commune's satisfaction total from yesterday to tomorrow. */
  private JsonObject total() {
    LocalDate today = LocalDate.now(VIETNAM);
    Http.Response r =
        portal
            .http()
            .get(
                "/api/v1/satisfaction?from="
                    + today.minusDays(1)
                    + "&to="
                    + today.plusDays(1)
                    + "&agency="
                    + COMMUNE);
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonObject("total");
  }

  private static JsonObject element(JsonObject row, String name) {
    return row.getJsonArray("elements").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("element").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String rating(String code) {
    return "/api/v1/dossiers/" + code + "/rating";
  }

  private static String scores(
      int access, int procedure, int officer, int result, int feedback, String comment) {
    return "{\"scores\":{\"access\":"
        + access
        + ",\"procedure\":"
        + procedure
        + ",\"officer\":"
        + officer
        + ",\"result\":"
        + result
        + ",\"feedback\":"
        + feedback
        + "}"
        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
        + "}";
  }

  private static String withId(String idNumber) {
    return "{\"idNumber\":\""
        + idNumber
        + "\",\"scores\":{\"access\":4,\"procedure\":4,"
        + "\"officer\":5,\"result\":5,\"feedback\":3}}";
  }

  private void resolveOnline(String code) {
    act(officer, code, "{\"action\":\"ACCEPT\"}");
    act(officer, code, "{\"action\":\"START_PROCESSING\"}");
    Http.Response result =
        officer.postMultipart(
            "/api/v1/dossiers/" + code + "/attachments",
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "ket-qua.pdf", "application/pdf", Multipart.pdf("Kết quả")));
    assertEquals(201, result.status(), result.toString());
    act(officer, code, "{\"action\":\"RESOLVE\"}");
  }

  private String counter() {
    return submit(officer, "COUNTER");
  }

  private String online() {
    return submit(owner, "ONLINE");
  }

  private static String submit(Http who, String channel) {
    Http.Response r =
        who.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\""
                + PROCEDURE
                + "\",\"agencyCode\":\""
                + COMMUNE
                + "\",\"channel\":\""
                + channel
                + "\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Phạm Thị Đánh Giá\","
                + "\"idNumber\":\""
                + ID_NUMBER
                + "\"},\"form\":{\"tenTre\":\"Phạm Văn Hài Lòng\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static void act(Http who, String code, String body) {
    Http.Response r = who.postJson("/api/v1/dossiers/" + code + "/actions", body);
    assertEquals(200, r.status(), body + " -> " + r);
  }
}
