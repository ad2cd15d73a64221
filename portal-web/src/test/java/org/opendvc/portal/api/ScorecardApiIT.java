package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.PortalWideFigures;
import org.opendvc.portal.testsupport.Submissions;

/**
 * The scorecard (docs/scorecard.md) moves by exactly what known dossiers add to each indicator,
 * agrees with the statistics, adds up, ranks the league, and never grants points without data.
 */
@PortalWideFigures
class ScorecardApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Http officer = portal.demo("canbo.xa");
  private final Http applicant = portal.demo("congdan");

  @Test
  void knownDossiersMoveEachIndicatorByExactlyWhatTheyAdd() {
    JsonObject before = card();

    String counter = submit(officer, "COUNTER");
    act(counter, "{\"action\":\"START_PROCESSING\"}");
    act(counter, "{\"action\":\"RESOLVE\"}");
    String online = submit(applicant, "ONLINE");
    act(online, "{\"action\":\"ACCEPT\"}");
    act(online, "{\"action\":\"START_PROCESSING\"}");
    Http.Response result =
        officer.postMultipart(
            "/api/v1/dossiers/" + online + "/attachments",
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "ket-qua.pdf", "application/pdf", Multipart.pdf("Kết quả")));
    assertEquals(201, result.status(), result.toString());
    act(online, "{\"action\":\"RESOLVE\"}");
    Http.Response disliked =
        applicant.postJson(
            "/api/v1/dossiers/" + online + "/rating",
            "{\"scores\":{\"access\":1,\"procedure\":2,\"officer\":1,\"result\":3,\"feedback\":2}}");
    assertEquals(201, disliked.status(), disliked.toString());

    JsonObject after = card();
    assertMoved(before, after, "onTime", 2, 2);
    assertMoved(before, after, "electronicResults", 1, 2);
    assertMoved(before, after, "digitisedPapers", 0, 2);
    assertMoved(before, after, "filedOnline", 1, 2);
    assertMoved(before, after, "handlingSatisfaction", 1, 2); // one dislike, none late
    assertMoved(before, after, "catalogueComplete", 0, 0);

    // the same figures as the statistics of the period
    LocalDate today = LocalDate.now(VIETNAM);
    JsonObject stats =
        portal
            .http()
            .get(
                "/api/v1/statistics?from="
                    + today.minusDays(1)
                    + "&to="
                    + today.plusDays(1)
                    + "&agency="
                    + COMMUNE)
            .json()
            .getJsonObject("total");
    JsonObject onTime = indicator(after, "onTime");
    assertEquals(stats.getInt("resolved"), onTime.getInt("denominator"));
    assertEquals(
        stats.getInt("resolvedEarly") + stats.getInt("resolvedOnTime"), onTime.getInt("numerator"));
    assertEquals(
        20.0 * onTime.getInt("numerator") / onTime.getInt("denominator"),
        onTime.getJsonNumber("points").doubleValue(),
        0.01);
  }

  @Test
  void pointsAddUpTheLeagueIsRankedAndNothingIsGrantedWithoutData() {
    JsonObject league = get("/api/v1/scorecard?period=" + LocalDate.now(VIETNAM).getYear());
    JsonObject total = league.getJsonObject("total").getJsonObject("scorecard");
    double groups = 0;
    for (JsonObject g : total.getJsonArray("groups").getValuesAs(JsonObject.class)) {
      double indicators =
          g.getJsonArray("indicators").getValuesAs(JsonObject.class).stream()
              .mapToDouble(i -> i.getJsonNumber("points").doubleValue())
              .sum();
      assertEquals(indicators, g.getJsonNumber("points").doubleValue(), 0.011, g.toString());
      assertTrue(indicators <= g.getInt("max"));
      groups += indicators;
    }
    assertEquals(groups, total.getJsonNumber("points").doubleValue(), 0.06);
    assertTrue(total.getJsonNumber("points").doubleValue() <= 100);
    assertEquals(
        List.of(18, 20, 22, 22, 18),
        total.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
            .map(g -> g.getInt("max"))
            .toList());
    JsonObject sync = indicator(total, "nationalSync");
    assertEquals("NOT_MEASURED", sync.getString("status"));
    assertEquals(0, sync.getJsonNumber("points").doubleValue());

    List<JsonObject> rows = league.getJsonArray("rows").getValuesAs(JsonObject.class);
    assertTrue(rows.size() > 3, "the demo province has agencies with figures");
    for (int i = 1; i < rows.size(); i++) {
      double previous =
          rows.get(i - 1).getJsonObject("scorecard").getJsonNumber("points").doubleValue();
      double here = rows.get(i).getJsonObject("scorecard").getJsonNumber("points").doubleValue();
      assertTrue(previous >= here, "ranked by points");
      assertTrue(rows.get(i).getInt("rank") >= rows.get(i - 1).getInt("rank"));
    }
    assertEquals(1, rows.get(0).getInt("rank"));
    List<JsonObject> communes =
        get("/api/v1/scorecard?tier=commune").getJsonArray("rows").getValuesAs(JsonObject.class);
    assertTrue(communes.stream().allMatch(r -> r.getString("tier").equals("COMMUNE")));

    JsonObject empty =
        get("/api/v1/scorecard?period=2001&agency=" + COMMUNE)
            .getJsonObject("total")
            .getJsonObject("scorecard");
    JsonObject onTime = indicator(empty, "onTime");
    assertEquals("NO_DATA", onTime.getString("status"));
    assertEquals(JsonValue.ValueType.NULL, onTime.get("value").getValueType());
    assertEquals(
        "NO_DATA",
        indicator(empty, "handlingSatisfaction").getString("status"),
        "nothing resolved is not full satisfaction");
    assertEquals(0, onTime.getJsonNumber("points").doubleValue());

    Http.Response badTier = portal.http().get("/api/v1/scorecard?tier=village");
    assertEquals(400, badTier.status(), badTier.toString());
    assertTrue(badTier.errorFields().contains("tier"));
    assertEquals(400, portal.http().get("/api/v1/scorecard?period=2026-Q7").status());
    assertEquals(404, portal.http().get("/api/v1/scorecard?agency=khong-co").status());
  }

  @Test
  void eachFinishedDossierIsEvaluatedByTheNineCriteriaForItsAgency() {
    LocalDate today = LocalDate.now(VIETNAM);
    String averages =
        "/api/v1/scorecard/circular01?from="
            + today.minusDays(1)
            + "&to="
            + today.plusDays(1)
            + "&agency="
            + COMMUNE;
    int before = get(averages).getJsonObject("total").getInt("dossiers");
    String online = submit(applicant, "ONLINE");
    assertEquals(
        409,
        officer.get("/api/v1/dossiers/" + online + "/evaluation").status(),
        "not finished yet");
    act(online, "{\"action\":\"ACCEPT\"}");
    act(online, "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu bản sao\"}");
    Http.Response supplemented =
        applicant.postJson(
            "/api/v1/dossiers/" + online + "/actions",
            "{\"action\":\"SUPPLEMENT\",\"note\":\"Đã bổ sung\"}");
    assertEquals(200, supplemented.status(), supplemented.toString());
    act(online, "{\"action\":\"START_PROCESSING\"}");
    Http.Response result =
        officer.postMultipart(
            "/api/v1/dossiers/" + online + "/attachments",
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "ket-qua.pdf", "application/pdf", Multipart.pdf("Kết quả")));
    assertEquals(201, result.status(), result.toString());
    act(online, "{\"action\":\"RESOLVE\"}");
    assertEquals(
        201,
        applicant
            .postJson(
                "/api/v1/dossiers/" + online + "/rating",
                "{\"scores\":{\"access\":5,\"procedure\":5,\"officer\":3,\"result\":5,\"feedback\":5}}")
            .status());

    Http.Response evaluated = officer.get("/api/v1/dossiers/" + online + "/evaluation");
    assertEquals(200, evaluated.status(), evaluated.toString());
    JsonObject e = evaluated.json();
    assertEquals(9, e.getJsonArray("criteria").size());
    assertEquals(1, criterion(e, "supplementRequests").getInt("points"), "one supplement");
    assertEquals(1, criterion(e, "officerRating").getInt("points"), "the officer scored 3");
    assertEquals(2, criterion(e, "agenciesInvolved").getInt("points"), "no transfer");
    assertEquals(2, criterion(e, "feedbackHandled").getInt("points"), "no feedback about it");
    int sum =
        e.getJsonArray("criteria").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.get("points").getValueType() == JsonValue.ValueType.NUMBER)
            .mapToInt(c -> c.getInt("points"))
            .sum();
    assertEquals(sum, e.getJsonNumber("points").intValue());
    assertEquals(18, e.getInt("measuredMax"), "every criterion measured: no transfer");

    assertEquals(
        403,
        applicant.get("/api/v1/dossiers/" + online + "/evaluation").status(),
        "for the agency, not the applicant");
    assertEquals(
        404, portal.demo("doanhnghiep").get("/api/v1/dossiers/" + online + "/evaluation").status());
    JsonObject after = get(averages).getJsonObject("total");
    assertEquals(before + 1, after.getInt("dossiers"));
    assertTrue(after.getJsonNumber("averagePoints").doubleValue() <= 18);
  }

  private static JsonObject criterion(JsonObject evaluation, String key) {
    return evaluation.getJsonArray("criteria").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("key").equals(key))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject card() {
    LocalDate today = LocalDate.now(VIETNAM);
    return get("/api/v1/scorecard?from="
            + today.minusDays(1)
            + "&to="
            + today.plusDays(1)
            + "&agency="
            + COMMUNE)
        .getJsonObject("total")
        .getJsonObject("scorecard");
  }

  private static void assertMoved(
      JsonObject before, JsonObject after, String key, int numerator, int denominator) {
    JsonObject b = indicator(before, key);
    JsonObject a = indicator(after, key);
    assertEquals(numerator, a.getInt("numerator") - b.getInt("numerator"), key + " numerator");
    assertEquals(
        denominator, a.getInt("denominator") - b.getInt("denominator"), key + " denominator");
  }

  private static JsonObject indicator(JsonObject card, String key) {
    return card.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
        .flatMap(g -> g.getJsonArray("indicators").getValuesAs(JsonObject.class).stream())
        .filter(i -> i.getString("key").equals(key))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject get(String path) {
    Http.Response r = portal.http().get(path);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private void act(String code, String body) {
    Http.Response r = officer.postJson("/api/v1/dossiers/" + code + "/actions", body);
    assertEquals(200, r.status(), body + " -> " + r);
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
                + "\"applicant\":{\"type\":\"CITIZEN\",\"fullName\":\"Đỗ Thị Điểm Số\","
                + "\"idNumber\":\"001099011223\"},\"form\":{\"tenTre\":\"Đỗ Văn Trăm\","
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }
}
