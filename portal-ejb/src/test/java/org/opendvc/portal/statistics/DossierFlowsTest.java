package org.opendvc.portal.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.DossierStatus.CANCELLED;
import static org.opendvc.portal.dossier.DossierStatus.DENIED;
import static org.opendvc.portal.dossier.DossierStatus.DONE;
import static org.opendvc.portal.dossier.DossierStatus.NEW;
import static org.opendvc.portal.dossier.DossierStatus.PROCESSING;
import static org.opendvc.portal.dossier.DossierStatus.RECEIVING;
import static org.opendvc.portal.dossier.DossierStatus.RELEASING;
import static org.opendvc.portal.dossier.DossierStatus.WAITING;
import static org.opendvc.portal.statistics.DossierFlows.Counter.OVERDUE_CHANGE;
import static org.opendvc.portal.statistics.DossierFlows.Counter.RECEIVED_OFFLINE;
import static org.opendvc.portal.statistics.DossierFlows.Counter.RECEIVED_ONLINE;
import static org.opendvc.portal.statistics.DossierFlows.Counter.RESOLVED_EARLY;
import static org.opendvc.portal.statistics.DossierFlows.Counter.RESOLVED_LATE;
import static org.opendvc.portal.statistics.DossierFlows.Counter.RESOLVED_ON_TIME;
import static org.opendvc.portal.statistics.DossierFlows.Counter.TRANSFERRED_IN;
import static org.opendvc.portal.statistics.DossierFlows.Counter.TRANSFERRED_OUT;
import static org.opendvc.portal.statistics.DossierFlows.Counter.WITHDRAWN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.statistics.DossierFlows.Counter;
import org.opendvc.portal.statistics.DossierFlows.Key;
import org.opendvc.portal.statistics.DossierFlows.Step;

/**
 * The fold of a dossier's history into statistics flows, on hand-computed cases in November 2026
 * (Monday 2 November to Friday 13 November); agencies 1 and 2, procedure 10.
 */
class DossierFlowsTest {

  private static final long A = 1;
  private static final long B = 2;
  private static final long P = 10;

  @Test
  void counterDossierResolvedBeforeItsDueDateIsEarlyAndNeverOverdue() {
    var flows =
        DossierFlows.of(
            Channel.COUNTER,
            P,
            List.of(
                step(NEW, 2, A, 5),
                step(PROCESSING, 3, A, 5),
                step(RELEASING, 4, A, 5),
                step(DONE, 6, A, 5)));
    assertEquals(1, at(flows, 2, A, RECEIVED_OFFLINE));
    assertEquals(1, at(flows, 4, A, RESOLVED_EARLY));
    assertEquals(0, total(flows, OVERDUE_CHANGE), "never overdue");
    assertEquals(
        1,
        total(flows, RESOLVED_EARLY) + total(flows, RESOLVED_ON_TIME) + total(flows, RESOLVED_LATE),
        "returning the result does not count twice");
  }

  @Test
  void resolvedOnTheDueDateIsOnTimeAndAfterItLateAndOverdueMeanwhile() {
    var onTime =
        DossierFlows.of(
            Channel.POST,
            P,
            List.of(step(NEW, 2, A, 5), step(PROCESSING, 3, A, 5), step(RELEASING, 5, A, 5)));
    assertEquals(1, at(onTime, 5, A, RESOLVED_ON_TIME));
    var late =
        DossierFlows.of(
            Channel.POST,
            P,
            List.of(step(NEW, 2, A, 5), step(PROCESSING, 3, A, 5), step(RELEASING, 10, A, 5)));
    assertEquals(1, at(late, 10, A, RESOLVED_LATE));
    assertEquals(1, at(late, 6, A, OVERDUE_CHANGE), "overdue from the day after the due date");
    assertEquals(-1, at(late, 10, A, OVERDUE_CHANGE), "until the day it is resolved");
  }

  @Test
  void onlineDossierCountsWhenAcceptedAndTwoSupplementRequestsMakeItLate() {
    var flows =
        DossierFlows.of(
            Channel.ONLINE,
            P,
            List.of(
                step(RECEIVING, 2, A, null),
                step(NEW, 3, A, 10),
                step(WAITING, 4, A, 10),
                step(NEW, 5, A, 11),
                step(WAITING, 6, A, 11),
                step(NEW, 9, A, 13),
                step(PROCESSING, 9, A, 13),
                step(RELEASING, 12, A, 13)));
    assertEquals(0, at(flows, 2, A, RECEIVED_ONLINE), "not counted before acceptance");
    assertEquals(1, at(flows, 3, A, RECEIVED_ONLINE));
    assertEquals(1, at(flows, 12, A, RESOLVED_LATE), "resolved before its date, but asked twice");
    assertEquals(0, total(flows, OVERDUE_CHANGE));
    for (int day = 1; day <= 30; day++) {
      assertTrue(overdueAtEndOf(flows, day) == 0, "the due date moved with each supplement");
    }
  }

  @Test
  void oneSupplementRequestMovesTheDueDateAndIsNotLate() {
    var flows =
        DossierFlows.of(
            Channel.COUNTER,
            P,
            List.of(
                step(NEW, 2, A, 4),
                step(WAITING, 3, A, 4),
                step(NEW, 9, A, 10),
                step(PROCESSING, 9, A, 10),
                step(RELEASING, 10, A, 10)));
    assertEquals(1, at(flows, 10, A, RESOLVED_ON_TIME));
    assertEquals(1, overdueAtEndOf(flows, 5), "past the old due date while waiting");
    assertEquals(0, overdueAtEndOf(flows, 9), "within the new one once supplemented");
  }

  @Test
  void withdrawnOrRefusedBeforeAcceptanceNeverCount() {
    assertTrue(
        DossierFlows.of(
                Channel.ONLINE,
                P,
                List.of(step(RECEIVING, 2, A, null), step(CANCELLED, 3, A, null)))
            .isEmpty());
    assertTrue(
        DossierFlows.of(
                Channel.ONLINE, P, List.of(step(RECEIVING, 2, A, null), step(DENIED, 3, A, null)))
            .isEmpty());
    assertTrue(
        DossierFlows.of(
                Channel.ONLINE,
                P,
                List.of(
                    step(RECEIVING, 2, A, null),
                    step(WAITING, 3, A, null),
                    step(CANCELLED, 4, A, null)))
            .isEmpty());
  }

  @Test
  void withdrawnAfterAcceptanceLeavesWithoutBeingResolved() {
    var flows =
        DossierFlows.of(
            Channel.COUNTER,
            P,
            List.of(step(NEW, 2, A, 5), step(PROCESSING, 3, A, 5), step(CANCELLED, 9, A, 5)));
    assertEquals(1, at(flows, 2, A, RECEIVED_OFFLINE));
    assertEquals(1, at(flows, 9, A, WITHDRAWN));
    assertEquals(
        0,
        total(flows, RESOLVED_EARLY)
            + total(flows, RESOLVED_ON_TIME)
            + total(flows, RESOLVED_LATE));
    assertEquals(1, overdueAtEndOf(flows, 6));
    assertEquals(0, overdueAtEndOf(flows, 9));
  }

  @Test
  void refusedAfterAcceptanceIsResolved() {
    var flows =
        DossierFlows.of(Channel.COUNTER, P, List.of(step(NEW, 2, A, 5), step(DENIED, 3, A, 5)));
    assertEquals(1, at(flows, 3, A, RESOLVED_EARLY));
  }

  @Test
  void aTransferredDossierCountsWhereItIsFinishedAndTakesItsOverdueDaysAlong() {
    var flows =
        DossierFlows.of(
            Channel.COUNTER,
            P,
            List.of(
                step(NEW, 2, A, 4),
                step(PROCESSING, 3, A, 4),
                step(PROCESSING, 6, B, 4),
                step(RELEASING, 9, B, 4)));
    assertEquals(1, at(flows, 2, A, RECEIVED_OFFLINE));
    assertEquals(1, at(flows, 6, A, TRANSFERRED_OUT));
    assertEquals(1, at(flows, 6, B, TRANSFERRED_IN));
    assertEquals(1, at(flows, 9, B, RESOLVED_LATE));
    assertEquals(0, at(flows, 9, A, RESOLVED_LATE));
    assertEquals(1, overdueAtEndOf(flows, 5, A));
    assertEquals(0, overdueAtEndOf(flows, 6, A));
    assertEquals(1, overdueAtEndOf(flows, 6, B));
    assertEquals(0, overdueAtEndOf(flows, 9, B));
  }

  @Test
  void theDifferenceOfTheHistoryBeforeAndAfterAChangeIsWhatTheChangeAdds() {
    List<Step> steps = new ArrayList<>(List.of(step(NEW, 2, A, 4), step(PROCESSING, 3, A, 4)));
    var before = DossierFlows.of(Channel.COUNTER, P, steps);
    steps.add(step(RELEASING, 9, A, 4));
    var added = DossierFlows.difference(DossierFlows.of(Channel.COUNTER, P, steps), before);
    assertEquals(1, at(added, 9, A, RESOLVED_LATE));
    assertEquals(-1, at(added, 9, A, OVERDUE_CHANGE));
    assertEquals(1, added.size(), "nothing else changes: " + added.keySet());
  }

  @Test
  void rangesSplitAPeriodIntoDaysAndWholeMonths() {
    assertEquals(
        List.of(
            new StatisticsStore.Range(false, d(2026, 11, 3), d(2026, 11, 30)),
            new StatisticsStore.Range(true, d(2026, 12, 1), d(2027, 1, 1)),
            new StatisticsStore.Range(false, d(2027, 2, 1), d(2027, 2, 10))),
        StatisticsStore.ranges(d(2026, 11, 3), d(2027, 2, 10)));
    assertEquals(
        List.of(new StatisticsStore.Range(true, d(2026, 11, 1), d(2026, 11, 1))),
        StatisticsStore.ranges(d(2026, 11, 1), d(2026, 11, 30)));
    assertEquals(
        List.of(new StatisticsStore.Range(false, d(2026, 11, 3), d(2026, 11, 20))),
        StatisticsStore.ranges(d(2026, 11, 3), d(2026, 11, 20)));
    assertEquals(
        List.of(
            new StatisticsStore.Range(true, null, d(2026, 10, 1)),
            new StatisticsStore.Range(false, d(2026, 11, 1), d(2026, 11, 2))),
        StatisticsStore.ranges(null, d(2026, 11, 2)));
  }

  private static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  /** A step at 09:00 local time on a day of November 2026, due at 17:00 on another. */
  private static Step step(DossierStatus to, int day, long agency, Integer dueDay) {
    return new Step(to, moment(day, 9), agency, dueDay == null ? null : moment(dueDay, 17));
  }

  private static Instant moment(int day, int hour) {
    return OffsetDateTime.parse(String.format("2026-11-%02dT%02d:00:00+07:00", day, hour))
        .toInstant();
  }

  private static int at(Map<Key, int[]> flows, int day, long agency, Counter c) {
    int[] v = flows.get(new Key(d(2026, 11, day), agency, P));
    return v == null ? 0 : v[c.ordinal()];
  }

  private static int total(Map<Key, int[]> flows, Counter c) {
    return flows.values().stream().mapToInt(v -> v[c.ordinal()]).sum();
  }

  private static int overdueAtEndOf(Map<Key, int[]> flows, int day) {
    return overdueAtEndOf(flows, day, A) + overdueAtEndOf(flows, day, B);
  }

  private static int overdueAtEndOf(Map<Key, int[]> flows, int day, long agency) {
    return flows.entrySet().stream()
        .filter(e -> e.getKey().agencyId() == agency && !e.getKey().day().isAfter(d(2026, 11, day)))
        .mapToInt(e -> e.getValue()[OVERDUE_CHANGE.ordinal()])
        .sum();
  }
}
