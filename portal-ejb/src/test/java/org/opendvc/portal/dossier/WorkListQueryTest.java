package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.identity.Role;

class WorkListQueryTest {

  @Test
  void blankTextsMeanAnyAndPagesStayInRange() {
    WorkListQuery q = new WorkListQuery(null, false, true, "  ", " ", -3, 1000);
    assertEquals(Optional.empty(), q.status());
    assertNull(q.procedureCode());
    assertNull(q.text());
    assertEquals(0, q.page());
    assertEquals(100, q.size());
    assertEquals(
        "9.001001",
        new WorkListQuery(Optional.empty(), false, false, " 9.001001 ", null, 0, 0)
            .procedureCode());
  }

  @Test
  void onlyTheHandlingAgencysOfficersGetOfficerActions() {
    Caller officer = new Caller("canbo.xa", Role.OFFICER, "000.01.31.H91");
    assertTrue(
        DossierAction.allowedIn(DossierStatus.NEW, DossierAction.Actor.OFFICER)
            .contains(DossierAction.START_PROCESSING));
    assertTrue(
        !DossierAction.allowedIn(DossierStatus.NEW, DossierAction.Actor.OFFICER)
            .contains(DossierAction.ACCEPT));
    assertTrue(officer.isOfficerOf("000.01.31.H91"));
  }

  private static final Instant NOW = Instant.parse("2026-03-04T03:00:00Z");
  private static final Instant HORIZON = NOW.plus(Duration.ofDays(2));

  @Test
  void theDefaultIsTheOpenDossiersAndAStatusAskedForWinsOverTheScope() {
    WorkListQuery q = new WorkListQuery(Optional.empty(), false, false, null, null, 0, 20);
    assertEquals(WorkListQuery.Scope.OPEN, q.scope());
    assertEquals(
        List.of(
            DossierStatus.RECEIVING,
            DossierStatus.NEW,
            DossierStatus.PROCESSING,
            DossierStatus.WAITING,
            DossierStatus.PAYING),
        q.statuses());
    assertEquals(
        WorkListQuery.Scope.OPEN,
        new WorkListQuery(null, Optional.empty(), false, false, null, null, 0, 20).scope());
    assertEquals(
        List.of(
            DossierStatus.DENIED,
            DossierStatus.CANCELLED,
            DossierStatus.UNRESOLVED,
            DossierStatus.RELEASING,
            DossierStatus.DONE),
        new WorkListQuery(
                WorkListQuery.Scope.FINISHED, Optional.empty(), false, false, null, null, 0, 20)
            .statuses());
    assertEquals(List.of(), WorkListQuery.all().statuses());
    assertEquals(
        List.of(DossierStatus.DONE),
        new WorkListQuery(Optional.of(DossierStatus.DONE), false, false, null, null, 0, 20)
            .statuses());
    // every status is either open or finished, never both
    for (DossierStatus s : DossierStatus.values()) {
      assertTrue(
          WorkListQuery.OPEN_STATUSES.contains(s) ^ WorkListQuery.FINISHED_STATUSES.contains(s),
          s.name());
    }
    assertEquals(
        Optional.of(WorkListQuery.Scope.FINISHED), WorkListQuery.Scope.ofKey(" Finished "));
    assertEquals(Optional.empty(), WorkListQuery.Scope.ofKey("closed"));
  }

  @Test
  void urgencyRanksOverdueThenDueSoonThenNewThenTheRest() {
    Instant yesterday = NOW.minus(Duration.ofDays(1));
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    Instant nextWeek = NOW.plus(Duration.ofDays(7));
    assertEquals(
        WorkListQuery.OVERDUE,
        WorkListQuery.rank(DossierStatus.PROCESSING, yesterday, NOW, HORIZON));
    assertEquals(
        WorkListQuery.OVERDUE, WorkListQuery.rank(DossierStatus.WAITING, yesterday, NOW, HORIZON));
    assertEquals(
        WorkListQuery.DUE_SOON, WorkListQuery.rank(DossierStatus.NEW, tomorrow, NOW, HORIZON));
    assertEquals(
        WorkListQuery.DUE_SOON,
        WorkListQuery.rank(DossierStatus.PAYING, NOW, NOW, HORIZON),
        "due right now");
    assertEquals(
        WorkListQuery.DUE_SOON,
        WorkListQuery.rank(DossierStatus.PROCESSING, HORIZON, NOW, HORIZON),
        "at the horizon");
    assertEquals(
        WorkListQuery.AWAITING_ACCEPTANCE,
        WorkListQuery.rank(DossierStatus.RECEIVING, null, NOW, HORIZON));
    assertEquals(
        WorkListQuery.OPEN_LATER,
        WorkListQuery.rank(DossierStatus.PROCESSING, nextWeek, NOW, HORIZON));
    assertEquals(
        WorkListQuery.OPEN_LATER,
        WorkListQuery.rank(DossierStatus.WAITING, null, NOW, HORIZON),
        "a supplement asked before acceptance has no due moment");
    // a resolved dossier whose due moment passed is finished, not overdue
    assertEquals(
        WorkListQuery.FINISHED,
        WorkListQuery.rank(DossierStatus.RELEASING, yesterday, NOW, HORIZON));
    assertEquals(
        WorkListQuery.FINISHED, WorkListQuery.rank(DossierStatus.DONE, yesterday, NOW, HORIZON));
  }

  /** A row as the list sorts it, to check the whole order on a small set. */
  private record Row(String name, DossierStatus status, Instant dueAt, Instant receivedAt) {}

  @Test
  void theWholeOrderOfAMixedList() {
    Instant d0 = NOW.minus(Duration.ofDays(30));
    List<Row> rows =
        List.of(
            new Row("returned in August", DossierStatus.DONE, d0, d0.minus(Duration.ofDays(5))),
            new Row("later", DossierStatus.PROCESSING, NOW.plus(Duration.ofDays(9)), d0),
            new Row(
                "new online, older", DossierStatus.RECEIVING, null, NOW.minus(Duration.ofHours(5))),
            new Row("due soon", DossierStatus.NEW, NOW.plus(Duration.ofHours(20)), d0),
            new Row(
                "overdue a little", DossierStatus.PROCESSING, NOW.minus(Duration.ofHours(1)), d0),
            new Row(
                "new online, newer", DossierStatus.RECEIVING, null, NOW.minus(Duration.ofHours(1))),
            new Row("overdue a lot", DossierStatus.PAYING, NOW.minus(Duration.ofDays(3)), d0));
    Comparator<Row> order =
        Comparator.comparingInt((Row r) -> WorkListQuery.rank(r.status(), r.dueAt(), NOW, HORIZON))
            .thenComparing(Row::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::receivedAt);
    assertEquals(
        List.of(
            "overdue a lot",
            "overdue a little",
            "due soon",
            "new online, older",
            "new online, newer",
            "later",
            "returned in August"),
        rows.stream().sorted(order).map(Row::name).toList());
  }

  @Test
  void onlyAListOfFinishedStatusesGoesByTheMomentOfFinishing() {
    assertTrue(
        new WorkListQuery(
                WorkListQuery.Scope.FINISHED, Optional.empty(), false, false, null, null, 0, 20)
            .finishedOnly());
    assertTrue(
        new WorkListQuery(Optional.of(DossierStatus.DONE), false, false, null, null, 0, 20)
            .finishedOnly());
    // a finished status asked for within the open scope is still a finished list
    assertTrue(
        new WorkListQuery(
                WorkListQuery.Scope.OPEN,
                Optional.of(DossierStatus.DENIED),
                false,
                false,
                null,
                null,
                0,
                20)
            .finishedOnly());
    assertFalse(WorkListQuery.open().finishedOnly());
    assertFalse(WorkListQuery.all().finishedOnly(), "every status: open ones first");
    assertFalse(
        new WorkListQuery(
                WorkListQuery.Scope.FINISHED,
                Optional.of(DossierStatus.PROCESSING),
                false,
                false,
                null,
                null,
                0,
                20)
            .finishedOnly());
  }
}
