package org.opendvc.portal.infrastructure.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.NationalFeedReader;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.TimeLimitRule;
import org.opendvc.portal.dossier.Timeliness;

/** The demo dossiers, checked without a database: valid paths, due moments, codes, counters. */
class DemoDossiersTest {

  /** Friday 27 November 2026, 10:20 in Vietnam. */
  static final Instant NOW = Instant.parse("2026-11-27T03:20:00Z");

  private static final Pattern CODE = Pattern.compile("(.+)-(\\d{6})-(\\d{4})");
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private static DemoData data;
  private static WorkingCalendar calendar;
  private static DemoDossiers.Result result;
  private static Map<String, DemoProcedure> procedures;
  private static Map<String, Integer> levels;

  @BeforeAll
  static void build() {
    data = DemoData.build();
    calendar = new WorkingCalendar(Set.of(), Set.of());
    long started = System.nanoTime();
    result = DemoDossiers.generate(data, NOW, calendar);
    System.out.printf(
        "%d demo dossiers generated in %d ms%n",
        result.dossiers().size(), (System.nanoTime() - started) / 1_000_000);
    procedures = new HashMap<>();
    data.procedures().forEach(p -> procedures.put(p.code(), p));
    levels = new HashMap<>();
    data.offerings().forEach(o -> levels.put(o.procedureCode() + "@" + o.agencyCode(), o.level()));
  }

  @Test
  void aFewThousandOverTheLastMonths() {
    List<DemoDossier> all = result.dossiers();
    assertEquals(DemoDossiers.TOTAL, all.size());
    Instant first = all.get(0).receivedAt();
    assertTrue(
        first.isAfter(NOW.minus(java.time.Duration.ofDays(DemoDossiers.DAYS + 3))), "" + first);
    assertTrue(
        first.isBefore(NOW.minus(java.time.Duration.ofDays(DemoDossiers.DAYS - 5))), "" + first);
    int steps = all.stream().mapToInt(d -> d.history().size()).sum();
    assertTrue(steps > 3 * all.size(), "history steps: " + steps);
  }

  @Test
  void everyHistoryIsAValidPathWithDueMomentsByTheCalendar() {
    for (DemoDossier d : result.dossiers()) {
      checkPath(d, NOW);
    }
  }

  @Test
  void aWeekendLoadGivesValidDossiersToo() {
    Instant sunday = Instant.parse("2026-11-29T13:00:00Z");
    DemoDossiers.Result r = DemoDossiers.generate(data, sunday, calendar);
    r.dossiers().forEach(d -> checkPath(d, sunday));
    checkCounters(r);
  }

  private static void checkPath(DemoDossier d, Instant now) {
    String c = d.code();
    List<DemoDossier.Step> h = d.history();
    assertFalse(h.isEmpty(), c);
    assertEquals(h.size(), d.version(), c);
    DemoProcedure p = procedures.get(d.procedureCode());
    assertNotNull(p, c);
    TimeLimitRule rule = DemoDossiers.rule(p);
    Integer level = levels.get(d.procedureCode() + "@" + d.receivingAgencyCode());
    assertNotNull(level, c + ": the receiving agency offers the procedure");
    DemoDossier.Step first = h.get(0);
    assertNull(first.fromStatus(), c);
    assertEquals(d.receivedAt(), first.at(), c);
    DossierStatus status;
    Instant due = null;
    Instant accepted = null;
    Instant paused = null;
    Instant finished = null;
    int supplements = 0;
    if (d.channel().equals("ONLINE")) {
      assertTrue(level >= 3, c + ": online only from level 3");
      assertEquals("SUBMIT", first.action(), c);
      status = DossierStatus.RECEIVING;
    } else {
      assertEquals("RECEIVE", first.action(), c);
      status = DossierStatus.NEW;
      accepted = first.at();
      due = calendar.due(first.at(), rule.amount(), rule.unit());
    }
    assertEquals(status.code(), first.toStatus(), c);
    assertEquals(due, first.dueAt(), c);
    DossierStatus before = null;
    Instant last = null;
    for (DemoDossier.Step s : h) {
      assertTrue(calendar.isOfficeTime(s.at()), c + " step " + s.seq() + " at " + s.at());
      assertFalse(s.at().isAfter(now), c);
      if (last != null) {
        assertTrue(s.at().isAfter(last), c + ": steps in time order");
      }
      last = s.at();
      assertEquals(h.indexOf(s) + 1, s.seq(), c);
      assertNotNull(s.actor(), c);
      if (s.seq() == 1) {
        continue;
      }
      DossierAction a = DossierAction.valueOf(s.action());
      assertEquals(status.code(), s.fromStatus(), c + " step " + s.seq());
      DossierStatus next =
          a.next(status, before)
              .orElseThrow(
                  () -> new AssertionError(c + ": " + a + " not allowed in " + s.fromStatus()));
      assertEquals(next.code(), s.toStatus(), c + " step " + s.seq());
      if (a.requiresReason()) {
        assertNotNull(s.note(), c + ": " + a + " needs a reason");
      }
      switch (a) {
        case ACCEPT -> {
          accepted = s.at();
          due = calendar.due(s.at(), rule.amount(), rule.unit());
        }
        case REQUEST_SUPPLEMENT -> {
          before = status;
          paused = s.at();
          supplements++;
        }
        case SUPPLEMENT -> {
          if (due != null) {
            due = calendar.afterPause(due, paused, s.at());
          }
          paused = null;
          before = null;
        }
        case REQUEST_PAYMENT -> before = status;
        case PAY -> before = null;
        case APOLOGIZE -> {
          assertTrue(s.dueAt().isAfter(due), c + ": an apology sets a later appointment");
          due = s.dueAt();
        }
        default -> {}
      }
      status = next;
      if (next.endsProcessing() && finished == null) {
        finished = s.at();
      }
      assertEquals(due, s.dueAt(), c + " step " + s.seq() + " due moment");
    }
    assertEquals(status.code(), d.status(), c);
    assertEquals(before == null ? null : before.code(), d.statusBeforeRequest(), c);
    assertEquals(due, d.dueAt(), c);
    assertEquals(accepted, d.acceptedAt(), c);
    assertEquals(paused, d.pausedAt(), c);
    assertEquals(finished, d.finishedAt(), c);
    assertEquals(supplements, d.supplementRequests(), c);
    // the code: receiving unit and receipt date
    Matcher m = CODE.matcher(c);
    assertTrue(m.matches(), c);
    assertEquals(d.receivingAgencyCode(), m.group(1), c);
    assertEquals(
        d.receivedAt().atZone(WorkingCalendar.ZONE).toLocalDate().format(YYMMDD), m.group(2), c);
    // the applicant
    assertTrue(
        d.applicantType().equals("CITIZEN")
            ? d.applicantIdNumber().matches("\\d{12}")
            : d.applicantIdNumber().matches("\\d{10}"),
        c);
    assertNotNull(d.applicantName(), c);
    if (d.applicantEmail() != null) {
      assertTrue(
          d.applicantEmail().endsWith(".example.org")
              || d.applicantEmail().endsWith("@example.org"),
          d.applicantEmail());
    }
    if (d.ownerUsername() != null) {
      assertTrue(Set.of("congdan", "doanhnghiep").contains(d.ownerUsername()), c);
      assertEquals("ONLINE", d.channel(), c);
    }
  }

  @Test
  void everyStatusOccurs() {
    Map<DossierStatus, Integer> by = new EnumMap<>(DossierStatus.class);
    result
        .dossiers()
        .forEach(d -> by.merge(DossierStatus.ofCode(d.status()).orElseThrow(), 1, Integer::sum));
    System.out.println("demo dossiers " + DemoDossiers.statusSummary(result.dossiers()));
    assertEquals(EnumSet.allOf(DossierStatus.class), by.keySet(), by.toString());
  }

  @Test
  void codesAreUniqueAndCountersHoldTheHighestSequences() {
    checkCounters(result);
  }

  private static void checkCounters(DemoDossiers.Result r) {
    Set<String> codes = new HashSet<>();
    Map<String, Set<Integer>> seqs = new TreeMap<>();
    for (DemoDossier d : r.dossiers()) {
      assertTrue(codes.add(d.code()), "duplicate " + d.code());
      Matcher m = CODE.matcher(d.code());
      assertTrue(m.matches());
      LocalDate day = LocalDate.parse(m.group(2), YYMMDD);
      seqs.computeIfAbsent(DemoDossiers.Result.key(m.group(1), day), k -> new HashSet<>())
          .add(Integer.parseInt(m.group(3)));
    }
    assertEquals(seqs.keySet(), r.counters().keySet());
    seqs.forEach(
        (key, used) -> {
          int max = used.stream().mapToInt(Integer::intValue).max().orElseThrow();
          assertEquals(max, r.counters().get(key), key);
          assertEquals(max, used.size(), key + ": sequences 1..n without gaps");
        });
  }

  @Test
  void mostlyOnTimeSomeLateSomeOverdue() {
    Map<Timeliness, Integer> by = new EnumMap<>(Timeliness.class);
    for (DemoDossier d : result.dossiers()) {
      DossierStatus s = DossierStatus.ofCode(d.status()).orElseThrow();
      if (s == DossierStatus.CANCELLED || s == DossierStatus.DENIED) {
        continue;
      }
      by.merge(
          Timeliness.of(d.dueAt(), d.finishedAt(), d.supplementRequests(), NOW), 1, Integer::sum);
    }
    System.out.println("demo dossiers by timeliness: " + by);
    int onTime = by.getOrDefault(Timeliness.EARLY, 0) + by.getOrDefault(Timeliness.ON_TIME, 0);
    int late = by.getOrDefault(Timeliness.LATE, 0);
    assertTrue(onTime > 5 * late, by.toString());
    double rate = onTime / (double) (onTime + late);
    assertTrue(rate > 0.85 && rate < 0.97, "on-time rate " + rate);
    assertTrue(late > 0 && by.getOrDefault(Timeliness.OVERDUE, 0) > 0, by.toString());
    assertTrue(by.getOrDefault(Timeliness.WITHIN_TIME, 0) > 0, by.toString());
    assertTrue(by.getOrDefault(Timeliness.ON_TIME, 0) > 0, by.toString());
    long moved =
        result.dossiers().stream()
            .filter(d -> d.history().stream().anyMatch(s -> s.action().equals("SUPPLEMENT")))
            .count();
    assertTrue(moved > 100, "supplement pauses: " + moved);
  }

  @Test
  void theDemoOfficersAgenciesAndApplicantsHaveDossiersInSeveralStatuses() {
    for (String agency : List.of(DemoDossiers.COMMUNE, DemoDossiers.JUSTICE, "000.00.31.H92")) {
      Set<Integer> statuses = new HashSet<>();
      long n =
          result.dossiers().stream()
              .filter(d -> d.agencyCode().equals(agency))
              .peek(d -> statuses.add(d.status()))
              .count();
      assertTrue(n >= 50, agency + ": " + n);
      assertTrue(statuses.size() >= 6, agency + ": " + statuses);
    }
    Set<Integer> own = new HashSet<>();
    long congdan =
        result.dossiers().stream()
            .filter(d -> "congdan".equals(d.ownerUsername()))
            .peek(d -> own.add(d.status()))
            .count();
    assertTrue(congdan >= 5 && congdan <= 10, "congdan: " + congdan);
    assertTrue(own.size() >= 5, own.toString());
    assertTrue(result.dossiers().stream().anyMatch(d -> "doanhnghiep".equals(d.ownerUsername())));
    result.dossiers().stream()
        .filter(d -> "congdan".equals(d.ownerUsername()))
        .forEach(d -> assertEquals(DemoDossiers.CONGDAN_ID, d.applicantIdNumber()));
    // the featured ones for tracking are there, with the documented ID numbers
    assertEquals(DemoDossiers.FEATURED.size(), result.featured().size());
    for (int i = 0; i < result.featured().size(); i++) {
      DemoDossier d = result.featured().get(i);
      assertEquals(DemoDossiers.FEATURED.get(i).idNumber(), d.applicantIdNumber());
      assertEquals(
          DemoDossiers.FEATURED.get(i).script().size() + 1,
          d.history().size(),
          d.code() + ": the whole script ran");
    }
    System.out.println("try tracking: " + DemoDossiers.tryTracking(result));
  }

  @Test
  void twoRunsGiveTheSameDossiers() {
    DemoDossiers.Result again = DemoDossiers.generate(data, NOW, calendar);
    assertEquals(result.dossiers(), again.dossiers());
    assertEquals(result.counters(), again.counters());
    // the applicants' ID numbers do not depend on the load moment
    DemoDossiers.Result later =
        DemoDossiers.generate(data, NOW.plus(java.time.Duration.ofDays(9)), calendar);
    assertEquals(
        result.featured().stream().map(DemoDossier::applicantIdNumber).toList(),
        later.featured().stream().map(DemoDossier::applicantIdNumber).toList());
  }

  /** The demo's time limits are the ones the dossier service gives the imported procedures. */
  @Test
  void timeLimitsFollowTheDossierServiceRule() {
    for (DemoProcedure p : data.procedures()) {
      var imported = NationalFeedReader.read(DemoCatalogue.toFeedRecord(p)).details();
      assertEquals(TimeLimitRule.of(imported), DemoDossiers.rule(p), p.code());
    }
  }
}
