package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.LongRunning;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * Generated malformed and hostile requests over every operation that {@code /openapi} lists and
 * every page address, as anonymous, admin, officer and applicant, four at a time: none may be
 * answered with a 5xx, show a stack trace, or give back an injected script unescaped in a page. At
 * least 5,000 requests per run; {@code -Dhostile.rounds=N} sends N rounds over the API (default
 * 18), and {@code -Dhostile.seed=S} repeats a run (the seed is printed).
 */
@LongRunning
class HostileInputIT extends PortalIntegrationTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final List<String> VALUES =
      List.of(
          "",
          " ",
          "0",
          "-1",
          "2147483648",
          "99999999999999999999",
          "1e309",
          "NaN",
          "abc",
          "\u0000",
          "'; DROP TABLE agency;--",
          SCRIPT,
          "\"><img src=x onerror=alert(1)>",
          "a".repeat(3000),
          "../../etc/passwd",
          "đỏ khai sinh",
          "{{7*7}}",
          "${7*7}",
          "2026-13-45",
          "2026-02-30T25:61",
          "true",
          "null",
          "[]",
          "%",
          "\\",
          "A".repeat(201),
          "000.01.31.H91",
          "9.001001",
          "000.01.31.H91-261201-0001",
          "😀",
          "\uFFFF");
  private static final List<String> BODIES =
      List.of(
          "",
          "{}",
          "[]",
          "null",
          "\"s\"",
          "{\"a\":",
          "{\"username\":1}",
          "{\"x\":\"" + "y".repeat(100_000) + "\"}",
          "[".repeat(2000),
          "{\"action\":\"ACCEPT\",\"expectedVersion\":\"x\"}",
          "{\"scores\":{\"access\":9}}",
          "{\"idNumber\":[]}",
          "{\"form\":{\"a\":{\"b\":1}}}",
          "{\"applicant\":\"x\"}",
          "{\"enabled\":1}",
          "{\"kind\":\"SYNONYM\",\"phrase\":\"" + SCRIPT + "\"}");
  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/json",
          "text/plain",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded");
  private static final List<String> PAGES =
      List.of(
          "/",
          "/procedures",
          "/procedures/9.001001",
          "/agencies",
          "/agencies/000.01.31.H91",
          "/tracking",
          "/tracking/000.01.31.H91-261201-0001",
          "/results",
          "/statistics",
          "/open-data",
          "/satisfaction",
          "/scorecard",
          "/feedback",
          "/login",
          "/register",
          "/register/verify",
          "/search/open",
          "/forms/9.001001/1",
          "/my/dossiers",
          "/officer/dossiers",
          "/admin/calendar/2026",
          "/admin/search",
          "/kiosk/1");
  private static final List<String> PAGE_PARAMS =
      List.of(
          "q",
          "page",
          "level",
          "tier",
          "agency",
          "field",
          "period",
          "from",
          "to",
          "groupBy",
          "province",
          "unit",
          "lang",
          "status",
          "scope",
          "code",
          "idNumber",
          "year",
          "next");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+\\}");
  private static final Pattern TRACE = Pattern.compile("\\bjava\\.[a-z]+\\.[A-Z]\\w*Exception");

  /** How many requests are in flight at once: the hostile input also arrives concurrently. */
  private static final int IN_FLIGHT = 4;

  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger sent = new AtomicInteger();

  /** One generated request and who sends it. */
  private record Hostile(Http caller, String method, String target, String body, String type) {}

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static <T> T any(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void check(String method, String target, Http.Response r) {
    sent.incrementAndGet();
    String body = r.body();
    String type = r.header("Content-Type").orElse("");
    if (r.status() >= 500) {
      // the whole problem, up to its reference, which names the failure's stack trace in the log
      problems.add(r.status() + " " + method + " " + shorten(target) + ": " + shorten(body, 600));
    } else if (body.contains("\tat ") || TRACE.matcher(body).find()) {
      problems.add("stack trace " + method + " " + shorten(target));
    } else if (type.startsWith("text/html") && body.contains(SCRIPT)) {
      problems.add("script given back unescaped " + method + " " + shorten(target));
    }
  }

  private static String shorten(String s) {
    return shorten(s, 160);
  }

  private static String shorten(String s, int most) {
    return s.length() > most ? s.substring(0, most) + "…" : s;
  }

  private void send(Hostile h) {
    HttpRequest.Builder b =
        h.type() == null
            ? h.caller().request(h.target())
            : h.caller().request(h.target(), "Content-Type", h.type());
    HttpRequest.BodyPublisher publisher =
        h.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(h.body());
    try {
      check(h.method(), h.target(), h.caller().send(b.method(h.method(), publisher)));
    } catch (RuntimeException e) {
      problems.add("no answer " + h.method() + " " + shorten(h.target()) + ": " + e.getMessage());
    }
  }

  @Test
  void noHostileRequestGetsAServerErrorATraceOrItsScriptBack() throws InterruptedException {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    int rounds = Integer.getInteger("hostile.rounds", 18);
    System.out.println("HostileInputIT seed " + seed + ", " + rounds + " rounds");
    Random random = new Random(seed);
    JsonObject paths =
        portal.http().get("/openapi", "Accept", "application/json").json().getJsonObject("paths");
    List<Http> callers =
        List.of(portal.http(), portal.admin(), portal.demo("canbo.xa"), portal.demo("congdan"));
    List<Hostile> requests = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
        for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
          String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
          List<String> query = new ArrayList<>();
          JsonValue params = op.getValue().asJsonObject().get("parameters");
          if (params != null && params.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue p : params.asJsonArray()) {
              if ("query".equals(p.asJsonObject().getString("in", ""))) {
                query.add(p.asJsonObject().getString("name") + "=" + q(any(random, VALUES)));
              }
            }
          }
          for (Http caller : callers) {
            if (caller == callers.get(1) && path.getKey().startsWith("/api/v1/admin/summaries")) {
              continue; // an admin's valid call there mails every agency: not what this is for
            }
            Matcher m = PATH_PARAM.matcher(path.getKey());
            StringBuilder target = new StringBuilder();
            while (m.find()) {
              String v = q(any(random, VALUES));
              m.appendReplacement(target, Matcher.quoteReplacement(v.isEmpty() ? "x" : v));
            }
            m.appendTail(target);
            if (!query.isEmpty()) {
              target.append('?').append(String.join("&", query));
            }
            boolean withBody = List.of("POST", "PUT", "PATCH").contains(method);
            requests.add(
                new Hostile(
                    caller,
                    method,
                    target.toString(),
                    withBody ? any(random, BODIES) : null,
                    withBody ? any(random, TYPES) : null));
          }
        }
      }
    }
    for (int i = 0; i < 600; i++) {
      StringBuilder target = new StringBuilder(any(random, PAGES)).append('?');
      for (int k = random.nextInt(4); k >= 0; k--) {
        target
            .append(any(random, PAGE_PARAMS))
            .append('=')
            .append(q(any(random, VALUES)))
            .append('&');
      }
      String method = any(random, List.of("GET", "GET", "POST", "HEAD"));
      requests.add(
          new Hostile(
              any(random, callers),
              method,
              target.toString(),
              method.equals("POST") ? "a=" + q(any(random, VALUES)) : null,
              method.equals("POST") ? "application/x-www-form-urlencoded" : null));
    }
    // the requests follow from the seed alone; they are sent IN_FLIGHT at a time
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      senders.invokeAll(requests.stream().map(h -> Executors.callable(() -> send(h))).toList());
    } finally {
      senders.shutdownNow();
    }
    System.out.println("HostileInputIT sent " + sent + " requests");
    assertTrue(sent.get() >= 5000 || rounds < 18, "only " + sent + " requests were sent");
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " of "
            + sent
            + " requests went wrong (seed "
            + seed
            + "):\n"
            + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
  }
}
