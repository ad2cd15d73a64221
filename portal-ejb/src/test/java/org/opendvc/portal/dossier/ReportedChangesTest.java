package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opendvc.portal.dossier.DossierStatus.CANCELLED;
import static org.opendvc.portal.dossier.DossierStatus.DENIED;
import static org.opendvc.portal.dossier.DossierStatus.DONE;
import static org.opendvc.portal.dossier.DossierStatus.NEW;
import static org.opendvc.portal.dossier.DossierStatus.PROCESSING;
import static org.opendvc.portal.dossier.DossierStatus.RECEIVING;
import static org.opendvc.portal.dossier.DossierStatus.RELEASING;
import static org.opendvc.portal.dossier.DossierStatus.UNRESOLVED;
import static org.opendvc.portal.dossier.DossierStatus.WAITING;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Dossiers published by an agency's own case software: the changes it reports are applied by {@link
 * Dossier#report} as states, with the same bookkeeping as the portal's own actions (due moment at
 * acceptance, the supplement pause, the end of processing and its outcome, the agency after a
 * transfer). 2026-03-02 is a Monday; office time 07:00–11:30 and 13:30–17:00.
 */
class ReportedChangesTest {

  private static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());
  private static final Agency DEPARTMENT =
      new Agency("000.00.12.H91", "Sở Tư pháp", Tier.PROVINCE, null);
  private static final Agency DISTRICT =
      new Agency("000.00.31.H91", "UBND huyện Lam Giang", Tier.DISTRICT, null);
  private static final Procedure BIRTH =
      new Procedure("9.001001", "Đăng ký khai sinh", ProcedureDetails.empty());
  private static final TimeLimitRule FIVE_DAYS = new TimeLimitRule(5, TimeLimitUnit.WORKING_DAYS);
  private static final Reporting SYSTEM =
      new Reporting(DEPARTMENT.code(), "motcua.sotuphap", null, FIVE_DAYS, PLAIN);

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE).toInstant();
  }

  private static ReportedChange change(int seq, DossierStatus status, String at) {
    return new ReportedChange(seq, status, at(at), null, null, null);
  }

  private static Dossier published(Channel channel, ReportedChange first, Reporting reporting) {
    return Dossier.reported(
        new DossierCode(DEPARTMENT.code(), LocalDate.parse("2026-03-02"), 7),
        BIRTH,
        DEPARTMENT,
        channel,
        new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "001099012345", null, null, null),
        at("2026-03-02T09:00"),
        first,
        reporting);
  }

  @Test
  void aResolvedDossierIsAcceptedFinishedAndJudgedLikeThePortalsOwn() {
    Dossier d = published(Channel.COUNTER, change(1, NEW, "2026-03-02T09:00"), SYSTEM);
    assertEquals(NEW, d.status());
    assertEquals(Optional.of(at("2026-03-02T09:00")), d.acceptedAt());
    assertEquals(
        Optional.of(at("2026-03-09T09:00")),
        d.dueAt(),
        "no appointment given: the procedure's 5 working days from acceptance");
    d.report(change(2, PROCESSING, "2026-03-02T10:00"), SYSTEM);
    d.report(
        new ReportedChange(3, RELEASING, at("2026-03-05T15:00"), null, null, "  Đã có kết quả "),
        SYSTEM);
    d.report(change(4, DONE, "2026-03-06T08:00"), SYSTEM);

    assertEquals(DONE, d.status());
    assertEquals(Optional.of(at("2026-03-05T15:00")), d.finishedAt(), "the first end: 9");
    assertEquals(Optional.of(Timeliness.EARLY), d.outcome());
    List<StatusChange> h = d.history();
    assertEquals(4, h.size());
    for (int i = 0; i < h.size(); i++) {
      StatusChange c = h.get(i);
      assertEquals(i + 1, c.seq());
      assertEquals("REPORT", c.action());
      assertEquals("motcua.sotuphap", c.actor());
      assertEquals(DEPARTMENT.code(), c.unitCode());
      assertEquals(Optional.of(DEPARTMENT.code()), c.reportedBy());
      assertEquals(Optional.of(i + 1), c.reportedSeq());
      assertSame(DEPARTMENT, c.agency());
      assertEquals(at("2026-03-09T09:00"), c.dueAt());
    }
    assertEquals(Optional.empty(), h.get(0).from());
    assertEquals(Optional.of(PROCESSING), h.get(2).from());
    assertEquals("Đã có kết quả", h.get(2).note());
  }

  @Test
  void theAppointmentGivenAtReceiptIsTheDueMomentAndALateEndIsLate() {
    Reporting withAppointment =
        new Reporting(
            DEPARTMENT.code(), "motcua.sotuphap", at("2026-03-03T17:00"), FIVE_DAYS, PLAIN);
    Dossier d =
        published(Channel.ONLINE, change(1, RECEIVING, "2026-03-02T09:00"), withAppointment);
    assertEquals(Optional.empty(), d.acceptedAt(), "1 is not yet accepted");
    assertEquals(Optional.empty(), d.dueAt());
    d.report(change(2, PROCESSING, "2026-03-02T11:00"), withAppointment);
    assertEquals(Optional.of(at("2026-03-02T11:00")), d.acceptedAt(), "4 proves acceptance");
    assertEquals(Optional.of(at("2026-03-03T17:00")), d.dueAt());
    d.report(change(3, UNRESOLVED, "2026-03-04T09:00"), withAppointment);
    assertEquals(Optional.of(Timeliness.LATE), d.outcome());
    assertEquals(Optional.of(at("2026-03-04T09:00")), d.finishedAt());
  }

  @Test
  void aStatusNoActionLeadsToIsTheAgencysTruth() {
    Dossier d = published(Channel.ONLINE, change(1, RECEIVING, "2026-03-02T09:00"), SYSTEM);
    d.report(change(2, RELEASING, "2026-03-02T10:00"), SYSTEM);
    assertEquals(RELEASING, d.status(), "1 → 9: no single action, but reported");
    assertEquals(Optional.of(at("2026-03-02T10:00")), d.acceptedAt());
    assertEquals(Optional.of(at("2026-03-02T10:00")), d.finishedAt());
    assertEquals(Optional.of(Timeliness.EARLY), d.outcome());
  }

  @Test
  void aRefusalAtIntakeHasNoOutcome() {
    Dossier d = published(Channel.ONLINE, change(1, RECEIVING, "2026-03-02T09:00"), SYSTEM);
    d.report(change(2, DENIED, "2026-03-02T10:00"), SYSTEM);
    assertEquals(Optional.of(at("2026-03-02T10:00")), d.finishedAt());
    assertEquals(Optional.empty(), d.acceptedAt());
    assertEquals(Optional.empty(), d.outcome(), "refused before acceptance: not judged");
  }

  @Test
  void aTransferReportedWithAnAgencyHandsTheDossierOver() {
    Dossier d = published(Channel.COUNTER, change(1, NEW, "2026-03-02T09:00"), SYSTEM);
    StatusChange moved =
        d.report(
            new ReportedChange(
                2, PROCESSING, at("2026-03-02T10:00"), null, DISTRICT, "Chuyển liên thông"),
            SYSTEM);
    assertSame(DISTRICT, d.agency());
    assertSame(DEPARTMENT, d.receivingAgency());
    assertSame(DISTRICT, moved.agency(), "the agency after the step");
    assertEquals(DEPARTMENT.code(), moved.unitCode(), "acted by the agency that had it");
    assertEquals("Chuyển liên thông", moved.note());
    StatusChange next = d.report(change(3, RELEASING, "2026-03-03T10:00"), SYSTEM);
    assertSame(DISTRICT, next.agency(), "stays with the agency it was handed to");
    assertEquals(DISTRICT.code(), next.unitCode());
  }

  @Test
  void waitingForASupplementStopsTheClockAndCountsAsARequest() {
    Dossier d = published(Channel.COUNTER, change(1, NEW, "2026-03-02T09:00"), SYSTEM);
    d.report(change(2, PROCESSING, "2026-03-02T09:30"), SYSTEM);
    d.report(change(3, WAITING, "2026-03-03T10:00"), SYSTEM);
    assertEquals(Optional.of(at("2026-03-03T10:00")), d.pausedAt());
    assertEquals(Optional.of(PROCESSING), d.statusBeforeRequest());
    assertEquals(1, d.supplementRequests());
    // Tuesday 10:00–11:30 and 13:30–17:00, Wednesday 07:00–10:00: 8 office hours waited
    d.report(change(4, PROCESSING, "2026-03-04T10:00"), SYSTEM);
    assertEquals(Optional.of(at("2026-03-10T09:00")), d.dueAt());
    assertEquals(Optional.empty(), d.pausedAt());

    d.report(change(5, WAITING, "2026-03-05T10:00"), SYSTEM);
    d.report(
        new ReportedChange(
            6, PROCESSING, at("2026-03-05T11:00"), at("2026-03-20T17:00"), null, null),
        SYSTEM);
    assertEquals(Optional.of(at("2026-03-20T17:00")), d.dueAt(), "a named due moment wins");
    d.report(change(7, RELEASING, "2026-03-06T10:00"), SYSTEM);
    assertEquals(Optional.of(Timeliness.LATE), d.outcome(), "two supplement requests: late");
  }

  @Test
  void noChangeFollowsAFinalStatus() {
    for (DossierStatus end : List.of(DENIED, CANCELLED, UNRESOLVED, DONE)) {
      Dossier d = published(Channel.COUNTER, change(1, NEW, "2026-03-02T09:00"), SYSTEM);
      d.report(change(2, end, "2026-03-02T10:00"), SYSTEM);
      ActionRefusedException e =
          assertThrows(
              ActionRefusedException.class,
              () -> d.report(change(3, PROCESSING, "2026-03-02T11:00"), SYSTEM));
      assertEquals("dossier.reportAfterFinal", e.messageKey());
      assertEquals(end, d.status());
      assertEquals(2, d.history().size(), "nothing appended after " + end);
    }
    Dossier released = published(Channel.COUNTER, change(1, RELEASING, "2026-03-02T09:00"), SYSTEM);
    released.report(change(2, DONE, "2026-03-02T10:00"), SYSTEM);
    assertEquals(DONE, released.status(), "9 is not final: the result is returned after it");
  }

  @Test
  void aMomentBeforeThePreviousStepOrTheReceiptIsRefused() {
    Dossier d = published(Channel.COUNTER, change(1, NEW, "2026-03-02T09:30"), SYSTEM);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> d.report(change(2, PROCESSING, "2026-03-02T09:29"), SYSTEM));
    assertEquals("dossier.reportBeforePrevious", e.problems().get(0).messageKey());
    assertEquals(1, d.history().size());
    d.report(change(2, PROCESSING, "2026-03-02T09:30"), SYSTEM);
    assertEquals(2, d.history().size(), "the same moment as the previous step is fine");

    assertThrows(
        InvalidInputException.class,
        () -> published(Channel.COUNTER, change(1, NEW, "2026-03-02T08:59"), SYSTEM));
  }

  @Test
  void thePortalsOwnStepsCarryNoReportingSystem() {
    Dossier d =
        Dossier.receive(
            new DossierCode(DEPARTMENT.code(), LocalDate.parse("2026-03-02"), 1),
            BIRTH,
            DEPARTMENT,
            Channel.COUNTER,
            new Applicant(ApplicantType.CITIZEN, "An", "001099012345", null, null, null),
            null,
            null,
            at("2026-03-02T09:00"),
            FIVE_DAYS,
            PLAIN,
            "canbo");
    assertEquals(Optional.empty(), d.history().get(0).reportedBy());
    assertEquals(Optional.empty(), d.history().get(0).reportedSeq());
    StatusChange c = d.report(change(1, PROCESSING, "2026-03-02T10:00"), SYSTEM);
    assertEquals(2, c.seq(), "appended after the portal's own step");
    assertEquals(Optional.of(1), c.reportedSeq());
    assertNull(d.history().get(0).note());
  }
}
