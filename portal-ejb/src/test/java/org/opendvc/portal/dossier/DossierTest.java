package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.opendvc.portal.dossier.DossierStatus.CANCELLED;
import static org.opendvc.portal.dossier.DossierStatus.DENIED;
import static org.opendvc.portal.dossier.DossierStatus.DONE;
import static org.opendvc.portal.dossier.DossierStatus.NEW;
import static org.opendvc.portal.dossier.DossierStatus.PAYING;
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
import org.junit.jupiter.api.function.Executable;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The dossier entity's own transitions, driven directly without a database, with due moments
 * counted by hand on the working calendar (2026-03-02 is a Monday; office time 07:00–11:30 and
 * 13:30–17:00).
 */
class DossierTest {

  private static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());

  /** 30 April and 1 May 2026 (Thursday, Friday) are public holidays. */
  private static final WorkingCalendar MAY_DAYS =
      new WorkingCalendar(
          Set.of(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01")), Set.of());

  private static final Agency COMMUNE =
      new Agency("000.01.31.H91", "UBND xã Lam Sơn", Tier.COMMUNE, null);
  private static final Agency DISTRICT =
      new Agency("000.00.31.H91", "UBND huyện Lam Giang", Tier.DISTRICT, null);
  private static final Procedure BIRTH =
      new Procedure("9.001001", "Đăng ký khai sinh", ProcedureDetails.empty());
  private static final Account OWNER =
      new Account("congdan", null, Role.APPLICANT, null, "Nguyễn Văn An", at("2026-01-05T08:00"));

  private static final ActedBy OFFICER = ActedBy.officer("canbo.xa", COMMUNE.code());
  private static final ActedBy APPLICANT = ActedBy.applicant("congdan");
  private static final TimeLimitRule ONE_DAY = new TimeLimitRule(1, TimeLimitUnit.WORKING_DAYS);
  private static final TimeLimitRule FIVE_DAYS = new TimeLimitRule(5, TimeLimitUnit.WORKING_DAYS);

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE).toInstant();
  }

  private static Dossier online(String receivedAt) {
    return Dossier.receive(
        new DossierCode(COMMUNE.code(), LocalDate.parse("2026-03-02"), 1),
        BIRTH,
        COMMUNE,
        Channel.ONLINE,
        applicant(),
        OWNER,
        "{}",
        at(receivedAt),
        FIVE_DAYS,
        PLAIN,
        "congdan");
  }

  private static Dossier counter(String receivedAt, TimeLimitRule rule, WorkingCalendar calendar) {
    return Dossier.receive(
        new DossierCode(COMMUNE.code(), LocalDate.parse("2026-03-02"), 2),
        BIRTH,
        COMMUNE,
        Channel.COUNTER,
        applicant(),
        null,
        null,
        at(receivedAt),
        rule,
        calendar,
        "canbo.xa");
  }

  private static Applicant applicant() {
    return new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "001099012345", null, null, null);
  }

  // ---------------------------------------------------------------- receipt and acceptance

  @Test
  void anOnlineSubmissionWaitsForAcceptanceWithoutADueMoment() {
    Dossier d = online("2026-03-02T09:00");
    assertEquals(RECEIVING, d.status());
    assertEquals(Optional.empty(), d.acceptedAt());
    assertEquals(Optional.empty(), d.dueAt());
    StatusChange first = d.history().get(0);
    assertRow(first, 1, "SUBMIT", null, RECEIVING, "congdan", null, null);
    assertEquals(at("2026-03-02T09:00"), first.at());
    assertNull(first.dueAt());
  }

  @Test
  void aCounterReceptionIsAcceptedOnTheSpot() {
    Dossier d = counter("2026-03-02T09:00", ONE_DAY, PLAIN);
    assertEquals(NEW, d.status());
    assertEquals(Optional.of(at("2026-03-02T09:00")), d.acceptedAt());
    assertEquals(Optional.of(at("2026-03-03T09:00")), d.dueAt(), "1 working day: Tuesday 09:00");
    assertRow(d.history().get(0), 1, "RECEIVE", null, NEW, "canbo.xa", COMMUNE.code(), null);
    assertEquals(at("2026-03-03T09:00"), d.history().get(0).dueAt());
  }

  @Test
  void acceptanceSetsTheDueMomentByTheProcedureRule() {
    Dossier d = online("2026-03-06T16:00");
    StatusChange change =
        d.accept(
            OFFICER,
            at("2026-03-06T16:30"),
            new TimeLimitRule(3, TimeLimitUnit.WORKING_DAYS),
            PLAIN,
            null);
    assertEquals(NEW, d.status());
    assertEquals(Optional.of(at("2026-03-06T16:30")), d.acceptedAt());
    assertEquals(
        Optional.of(at("2026-03-11T16:30")),
        d.dueAt(),
        "Friday 16:30 + 3 working days: Wednesday 16:30");
    assertRow(change, 2, "ACCEPT", RECEIVING, NEW, "canbo.xa", COMMUNE.code(), null);
    assertEquals(at("2026-03-11T16:30"), change.dueAt());
  }

  @Test
  void acceptanceOverAHolidayCountsOnlyWorkingDays() {
    Dossier d = online("2026-04-29T08:00");
    d.accept(OFFICER, at("2026-04-29T09:00"), ONE_DAY, MAY_DAYS, null);
    assertEquals(
        Optional.of(at("2026-05-04T09:00")),
        d.dueAt(),
        "Wednesday 09:00 + 1 working day, over the holidays and the weekend: Monday 09:00");
  }

  // ---------------------------------------------------------------- supplement and payment

  @Test
  void aSupplementPauseMovesTheDueMomentByTheOfficeTimeWaited() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    assertEquals(Optional.of(at("2026-03-09T09:00")), d.dueAt());
    StatusChange asked =
        d.requestSupplement(OFFICER, at("2026-03-03T10:00"), "  Thiếu bản sao giấy tờ tùy thân  ");
    assertEquals(WAITING, d.status());
    assertEquals(Optional.of(NEW), d.statusBeforeRequest());
    assertEquals(Optional.of(at("2026-03-03T10:00")), d.pausedAt());
    assertEquals(1, d.supplementRequests());
    assertRow(
        asked,
        2,
        "REQUEST_SUPPLEMENT",
        NEW,
        WAITING,
        "canbo.xa",
        COMMUNE.code(),
        "Thiếu bản sao giấy tờ tùy thân");
    assertEquals(at("2026-03-09T09:00"), asked.dueAt(), "the due moment stays while paused");

    // Tuesday 10:00–11:30 and 13:30–17:00, Wednesday 07:00–10:00: 8 office hours waited
    StatusChange supplied = d.supplement(APPLICANT, at("2026-03-04T10:00"), PLAIN, null);
    assertEquals(NEW, d.status(), "back to the status before the request");
    assertEquals(Optional.of(at("2026-03-10T09:00")), d.dueAt());
    assertEquals(Optional.empty(), d.pausedAt());
    assertEquals(Optional.empty(), d.statusBeforeRequest());
    assertEquals(1, d.supplementRequests());
    assertRow(supplied, 3, "SUPPLEMENT", WAITING, NEW, "congdan", null, null);
    assertEquals(at("2026-03-10T09:00"), supplied.dueAt());
  }

  @Test
  void aSupplementPauseOverHolidaysCountsOnlyOfficeTime() {
    Dossier d = counter("2026-04-29T09:00", ONE_DAY, MAY_DAYS);
    assertEquals(Optional.of(at("2026-05-04T09:00")), d.dueAt());
    d.startProcessing(OFFICER, at("2026-04-29T10:00"), null);
    d.requestSupplement(OFFICER, at("2026-04-29T16:00"), "Thiếu tờ khai");
    // Wednesday 16:00–17:00 and Monday 07:00–08:00: 2 office hours
    d.supplement(APPLICANT, at("2026-05-04T08:00"), MAY_DAYS, "Đã bổ sung");
    assertEquals(PROCESSING, d.status());
    assertEquals(Optional.of(at("2026-05-04T11:00")), d.dueAt());
  }

  @Test
  void aSupplementBeforeAcceptanceReturnsToReceivingWithoutADueMoment() {
    Dossier d = online("2026-03-02T09:00");
    d.requestSupplement(OFFICER, at("2026-03-02T10:00"), "Thiếu tờ khai");
    d.supplement(APPLICANT, at("2026-03-03T10:00"), PLAIN, null);
    assertEquals(RECEIVING, d.status());
    assertEquals(Optional.empty(), d.dueAt());
    d.accept(OFFICER, at("2026-03-03T11:00"), ONE_DAY, PLAIN, null);
    assertEquals(Optional.of(at("2026-03-04T11:00")), d.dueAt());
  }

  @Test
  void paymentReturnsToTheStatusBeforeTheRequest() {
    Dossier fromNew = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    fromNew.requestPayment(OFFICER, at("2026-03-02T10:00"), 50_000, null);
    assertEquals(PAYING, fromNew.status());
    assertEquals(Optional.of(NEW), fromNew.statusBeforeRequest());
    assertEquals(Optional.of(50_000L), fromNew.paymentAmount());
    StatusChange paid = fromNew.pay(APPLICANT, at("2026-03-02T11:00"), "paid online");
    assertEquals(NEW, fromNew.status());
    assertEquals(Optional.empty(), fromNew.statusBeforeRequest());
    assertRow(paid, 3, "PAY", PAYING, NEW, "congdan", null, "paid online");

    Dossier fromProcessing = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    fromProcessing.startProcessing(OFFICER, at("2026-03-02T09:30"), null);
    fromProcessing.requestPayment(OFFICER, at("2026-03-02T10:00"), 20_000, null);
    fromProcessing.pay(APPLICANT, at("2026-03-02T11:00"), null);
    assertEquals(PROCESSING, fromProcessing.status());
    assertEquals(
        Optional.of(at("2026-03-09T09:00")),
        fromProcessing.dueAt(),
        "waiting for a payment does not stop the clock");
  }

  @Test
  void aPaymentRequestNeedsAPositiveAmount() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    assertInvalid(
        "amount",
        "dossier.amountRequired",
        () -> d.requestPayment(OFFICER, at("2026-03-02T10:00"), 0, null));
    assertEquals(NEW, d.status());
    assertEquals(Optional.empty(), d.paymentAmount());
  }

  // ---------------------------------------------------------------- transfer, apology, end

  @Test
  void aTransferHandsTheDossierToAnotherAgencyAndNamesItInTheHistory() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    StatusChange moved =
        d.transfer(OFFICER, at("2026-03-02T10:00"), DISTRICT, "Chuyển hồ sơ liên thông");
    assertEquals(PROCESSING, d.status());
    assertSame(DISTRICT, d.agency());
    assertSame(COMMUNE, d.receivingAgency());
    assertRow(
        moved,
        2,
        "TRANSFER",
        NEW,
        PROCESSING,
        "canbo.xa",
        COMMUNE.code(),
        "Chuyển hồ sơ liên thông → " + DISTRICT.code());

    Dossier silent = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    assertEquals(
        "→ " + DISTRICT.code(),
        silent.transfer(OFFICER, at("2026-03-02T10:00"), DISTRICT, " ").note());
  }

  @Test
  void aTransferNeedsAnotherAgency() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    assertInvalid(
        "targetAgencyCode",
        "dossier.transferTarget",
        () -> d.transfer(OFFICER, at("2026-03-02T10:00"), null, null));
    assertInvalid(
        "targetAgencyCode",
        "dossier.transferSame",
        () ->
            d.transfer(
                OFFICER,
                at("2026-03-02T10:00"),
                new Agency(COMMUNE.code(), "same code", Tier.COMMUNE, null),
                null));
    assertEquals(NEW, d.status());
    assertSame(COMMUNE, d.agency());
    assertEquals(1, d.history().size());
  }

  @Test
  void anApologySetsALaterAppointmentAndKeepsTheStatus() {
    Dossier d = counter("2026-03-02T09:00", ONE_DAY, PLAIN);
    d.startProcessing(OFFICER, at("2026-03-02T09:30"), null);
    assertInvalid(
        "newDueAt",
        "dossier.newDueAtRequired",
        () -> d.apologize(OFFICER, at("2026-03-03T08:00"), null, "Cần xác minh thêm"));
    assertInvalid(
        "newDueAt",
        "dossier.newDueAtNotLater",
        () ->
            d.apologize(
                OFFICER, at("2026-03-03T08:00"), at("2026-03-03T09:00"), "Cần xác minh thêm"));
    assertInvalid(
        "reason",
        "dossier.reasonRequired",
        () -> d.apologize(OFFICER, at("2026-03-03T08:00"), at("2026-03-05T09:00"), null));
    StatusChange sorry =
        d.apologize(OFFICER, at("2026-03-03T08:00"), at("2026-03-05T09:00"), "Cần xác minh thêm");
    assertEquals(PROCESSING, d.status());
    assertEquals(Optional.of(at("2026-03-05T09:00")), d.dueAt());
    assertRow(
        sorry,
        3,
        "APOLOGIZE",
        PROCESSING,
        PROCESSING,
        "canbo.xa",
        COMMUNE.code(),
        "Cần xác minh thêm");
    assertEquals(at("2026-03-05T09:00"), sorry.dueAt());
  }

  @Test
  void theEndOfProcessingIsTheFirstFinishingStep() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    d.startProcessing(OFFICER, at("2026-03-02T09:30"), null);
    assertEquals(Optional.empty(), d.finishedAt());
    d.resolve(OFFICER, at("2026-03-04T15:00"), "Đã có kết quả");
    assertEquals(RELEASING, d.status());
    assertEquals(Optional.of(at("2026-03-04T15:00")), d.finishedAt());
    d.returnResult(OFFICER, at("2026-03-05T08:00"), null);
    assertEquals(DONE, d.status());
    assertEquals(Optional.of(at("2026-03-04T15:00")), d.finishedAt(), "set once, at RESOLVE");
    assertEquals(Optional.of(Timeliness.EARLY), d.timeliness(at("2026-03-20T08:00")));

    Dossier refused = online("2026-03-02T09:00");
    refused.refuse(OFFICER, at("2026-03-02T10:00"), "Không thuộc thẩm quyền");
    assertEquals(DENIED, refused.status());
    assertEquals(Optional.of(at("2026-03-02T10:00")), refused.finishedAt());

    Dossier stopped = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    stopped.stop(OFFICER, at("2026-03-03T10:00"), "Không đủ điều kiện");
    assertEquals(UNRESOLVED, stopped.status());
    assertEquals(Optional.of(at("2026-03-03T10:00")), stopped.finishedAt());

    Dossier withdrawn = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    withdrawn.withdraw(APPLICANT, at("2026-03-03T10:00"), null);
    assertEquals(CANCELLED, withdrawn.status());
    assertEquals(Optional.empty(), withdrawn.finishedAt(), "a withdrawal does not end processing");
    assertEquals(Optional.empty(), withdrawn.timeliness(at("2026-03-20T08:00")));
  }

  @Test
  void theHistoryKeepsEveryStepInOrder() {
    Dossier d = online("2026-03-02T09:00");
    d.accept(OFFICER, at("2026-03-02T09:30"), ONE_DAY, PLAIN, " ");
    d.startProcessing(OFFICER, at("2026-03-02T10:00"), "Bắt đầu xử lý");
    d.resolve(OFFICER, at("2026-03-02T14:00"), null);
    d.returnResult(ActedBy.officer("canbo.tra", COMMUNE.code()), at("2026-03-03T08:00"), null);
    List<StatusChange> h = d.history();
    assertEquals(5, h.size());
    assertRow(h.get(0), 1, "SUBMIT", null, RECEIVING, "congdan", null, null);
    assertRow(h.get(1), 2, "ACCEPT", RECEIVING, NEW, "canbo.xa", COMMUNE.code(), null);
    assertRow(
        h.get(2),
        3,
        "START_PROCESSING",
        NEW,
        PROCESSING,
        "canbo.xa",
        COMMUNE.code(),
        "Bắt đầu xử lý");
    assertRow(h.get(3), 4, "RESOLVE", PROCESSING, RELEASING, "canbo.xa", COMMUNE.code(), null);
    assertRow(h.get(4), 5, "RETURN", RELEASING, DONE, "canbo.tra", COMMUNE.code(), null);
    assertEquals(at("2026-03-02T14:00"), h.get(3).at());
    assertEquals(at("2026-03-03T09:30"), h.get(4).dueAt());
    assertThrows(UnsupportedOperationException.class, () -> h.add(h.get(0)));
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void anActionTheStatusDoesNotAllowIsRefusedAndChangesNothing() {
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    ActionRefusedException e =
        assertThrows(
            ActionRefusedException.class,
            () -> d.accept(OFFICER, at("2026-03-02T10:00"), FIVE_DAYS, PLAIN, null));
    assertEquals("dossier.actionNotAllowed", e.messageKey());
    assertArrayEquals(new Object[] {"ACCEPT", 2, "new"}, e.args());
    assertThrows(
        ActionRefusedException.class,
        () -> d.supplement(APPLICANT, at("2026-03-02T10:00"), PLAIN, null));
    assertThrows(
        ActionRefusedException.class, () -> d.pay(APPLICANT, at("2026-03-02T10:00"), null));
    assertEquals(NEW, d.status());
    assertEquals(Optional.of(at("2026-03-02T09:00")), d.acceptedAt());
    assertEquals(1, d.history().size());
  }

  @Test
  void theStatusIsCheckedBeforeTheReason() {
    Dossier done = inStatus(DONE);
    assertThrows(
        ActionRefusedException.class, () -> done.refuse(OFFICER, at("2026-03-06T10:00"), null));
    assertThrows(
        ActionRefusedException.class,
        () -> done.transfer(OFFICER, at("2026-03-06T10:00"), null, null));
  }

  @Test
  void refusalStopAndSupplementRequestNeedAReason() {
    for (String blank : new String[] {null, "", "   "}) {
      assertInvalid(
          "reason",
          "dossier.reasonRequired",
          () -> online("2026-03-02T09:00").refuse(OFFICER, at("2026-03-02T10:00"), blank));
      assertInvalid(
          "reason",
          "dossier.reasonRequired",
          () -> inStatus(PROCESSING).stop(OFFICER, at("2026-03-04T10:00"), blank));
      assertInvalid(
          "reason",
          "dossier.reasonRequired",
          () -> inStatus(PROCESSING).requestSupplement(OFFICER, at("2026-03-04T10:00"), blank));
    }
    Dossier d = inStatus(PROCESSING);
    assertThrows(
        InvalidInputException.class,
        () -> d.requestSupplement(OFFICER, at("2026-03-04T10:00"), null));
    assertEquals(PROCESSING, d.status());
    assertEquals(0, d.supplementRequests(), "a refused request counts nothing");
    assertEquals(Optional.empty(), d.pausedAt());
  }

  /**
   * Each method from each status reaches the status {@link DossierAction}'s table gives, or is
   * refused.
   */
  @Test
  void everyMethodInEveryStatusFollowsTheActionTable() {
    int allowed = 0;
    for (DossierStatus from : DossierStatus.values()) {
      for (DossierAction action : DossierAction.values()) {
        Dossier d = inStatus(from);
        DossierStatus before = d.statusBeforeRequest().orElse(null);
        Optional<DossierStatus> want = action.next(from, before);
        int steps = d.history().size();
        if (want.isPresent()) {
          StatusChange change = take(d, action);
          assertEquals(want.get(), d.status(), action + " in " + from);
          assertEquals(action.name(), change.action());
          assertEquals(Optional.of(from), change.from());
          assertEquals(want.get(), change.to());
          assertEquals(steps + 1, d.history().size());
          allowed++;
        } else {
          assertThrows(ActionRefusedException.class, () -> take(d, action), action + " in " + from);
          assertEquals(from, d.status());
          assertEquals(steps, d.history().size());
        }
      }
    }
    assertEquals(28, allowed);
  }

  @Test
  void theStatusIsStoredAsItsNationalCode() {
    DossierStatusConverter converter = new DossierStatusConverter();
    for (DossierStatus s : DossierStatus.values()) {
      assertEquals(s.code(), converter.convertToDatabaseColumn(s));
      assertEquals(s, converter.convertToEntityAttribute(s.code()));
    }
    assertNull(converter.convertToDatabaseColumn(null));
    assertNull(converter.convertToEntityAttribute(null));
    assertThrows(IllegalStateException.class, () -> converter.convertToEntityAttribute(11));
  }

  /** A counter dossier received Monday 2 March 2026 09:00 (5 working days), brought to a status. */
  private static Dossier inStatus(DossierStatus status) {
    if (status == RECEIVING) {
      return online("2026-03-02T09:00");
    }
    Dossier d = counter("2026-03-02T09:00", FIVE_DAYS, PLAIN);
    Instant t = at("2026-03-02T10:00");
    switch (status) {
      case NEW -> {}
      case DENIED -> d.refuse(OFFICER, t, "Không thuộc thẩm quyền");
      case CANCELLED -> d.withdraw(APPLICANT, t, null);
      case UNRESOLVED -> d.stop(OFFICER, t, "Không đủ điều kiện");
      default -> {
        d.startProcessing(OFFICER, t, null);
        switch (status) {
          case WAITING -> d.requestSupplement(OFFICER, at("2026-03-02T14:00"), "Thiếu tờ khai");
          case PAYING -> d.requestPayment(OFFICER, at("2026-03-02T14:00"), 50_000, null);
          case RELEASING -> d.resolve(OFFICER, at("2026-03-03T14:00"), null);
          case DONE -> {
            d.resolve(OFFICER, at("2026-03-03T14:00"), null);
            d.returnResult(OFFICER, at("2026-03-04T08:00"), null);
          }
          default -> {}
        }
      }
    }
    assertEquals(status, d.status());
    return d;
  }

  /** An action with everything it needs, one working day after Wednesday 4 March 10:00. */
  private static StatusChange take(Dossier d, DossierAction action) {
    Instant t = at("2026-03-05T10:00");
    String reason = "Lý do";
    return switch (action) {
      case ACCEPT -> d.accept(OFFICER, t, FIVE_DAYS, PLAIN, null);
      case REFUSE -> d.refuse(OFFICER, t, reason);
      case START_PROCESSING -> d.startProcessing(OFFICER, t, null);
      case TRANSFER -> d.transfer(OFFICER, t, DISTRICT, null);
      case REQUEST_SUPPLEMENT -> d.requestSupplement(OFFICER, t, reason);
      case SUPPLEMENT -> d.supplement(APPLICANT, t, PLAIN, null);
      case REQUEST_PAYMENT -> d.requestPayment(OFFICER, t, 10_000, null);
      case PAY -> d.pay(APPLICANT, t, null);
      case WITHDRAW -> d.withdraw(APPLICANT, t, null);
      case STOP -> d.stop(OFFICER, t, reason);
      case RESOLVE -> d.resolve(OFFICER, t, null);
      case RETURN -> d.returnResult(OFFICER, t, null);
      case APOLOGIZE -> d.apologize(OFFICER, t, at("2026-03-31T10:00"), reason);
    };
  }

  private static void assertRow(
      StatusChange c,
      int seq,
      String action,
      DossierStatus from,
      DossierStatus to,
      String actor,
      String unit,
      String note) {
    assertEquals(seq, c.seq(), "seq");
    assertEquals(action, c.action(), "action");
    assertEquals(Optional.ofNullable(from), c.from(), "from");
    assertEquals(to, c.to(), "to");
    assertEquals(actor, c.actor(), "actor");
    assertEquals(unit, c.unitCode(), "unit");
    assertEquals(note, c.note(), "note");
  }

  private static void assertInvalid(String field, String key, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    FieldProblem p = e.problems().get(0);
    assertEquals(1, e.problems().size());
    assertEquals(field, p.field());
    assertEquals(key, p.messageKey());
  }
}
