package org.opendvc.portal.dossier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A dossier (hồ sơ) received under the one-stop mechanism, identified by its {@link DossierCode}.
 * The state machine lives here: each action is a method ({@link #accept}, {@link #transfer}, {@link
 * #requestSupplement} ...) that refuses to run in a status {@link DossierAction} does not allow it
 * from, and every change appends a {@link StatusChange} to the history. Moments come from the
 * caller, who reads them from a clock.
 */
@Entity
@Table(name = "dossier")
public class Dossier {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Convert(converter = DossierCodeConverter.class)
  @Column(nullable = false, unique = true, length = 60, updatable = false)
  private DossierCode code;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "procedure_id", updatable = false)
  private Procedure procedure;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "receiving_agency_id", updatable = false)
  private Agency receivingAgency;

  /** The agency handling it now: the receiving one, or the one it was transferred to. */
  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "agency_id")
  private Agency agency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private Channel channel;

  @Convert(converter = DossierStatusConverter.class)
  @Column(nullable = false)
  private DossierStatus status;

  @Convert(converter = DossierStatusConverter.class)
  @Column(name = "status_before_request")
  private DossierStatus statusBeforeRequest;

  @Embedded private Applicant applicant;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id", updatable = false)
  private Account owner;

  /** The e-form's answers, as JSON. */
  @Lob private String form;

  /** Components whose paper is promised at the counter: e-form numbers, comma-separated. */
  @Column(name = "promised_components", length = 500)
  private String promisedComponents;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "paused_at")
  private Instant pausedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "supplement_requests", nullable = false)
  private int supplementRequests;

  /**
   * How an accepted dossier's processing ended against its appointment date (early, on time or
   * late), fixed at its first end of processing; empty while in progress, once withdrawn, and for
   * one refused before acceptance.
   */
  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Timeliness outcome;

  /** The amount in đồng asked for by the last REQUEST_PAYMENT. */
  @Column(name = "payment_amount")
  private Long paymentAmount;

  @Version private int version;

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("seq")
  private List<StatusChange> history = new ArrayList<>();

  protected Dossier() {}

  /**
   * A dossier just received: online submissions wait for acceptance (status 1); counter and postal
   * ones are accepted on the spot (status 2) and get their due moment at once.
   */
  public static Dossier receive(
      DossierCode code,
      Procedure procedure,
      Agency agency,
      Channel channel,
      Applicant applicant,
      Account owner,
      String form,
      Instant now,
      TimeLimitRule rule,
      WorkingCalendar calendar,
      String actor) {
    Dossier d = new Dossier();
    d.code = code;
    d.procedure = procedure;
    d.receivingAgency = agency;
    d.agency = agency;
    d.channel = channel;
    d.applicant = applicant;
    d.owner = owner;
    d.form = form;
    d.receivedAt = now;
    if (channel == Channel.ONLINE) {
      d.status = DossierStatus.RECEIVING;
      d.record("SUBMIT", null, actor, null, null, now);
    } else {
      d.status = DossierStatus.NEW;
      d.acceptedAt = now;
      d.dueAt = rule.due(calendar, now);
      d.record("RECEIVE", null, actor, agency.code(), null, now);
    }
    return d;
  }

  /**
   * A dossier that an agency's own case software received and reports (docs/domain.md §4, "Dossiers
   * published by agency systems"), with the first change it reports: its history is the system's
   * changes, and every later one comes through {@link #report}. It has no account of the portal as
   * owner and no e-form.
   */
  public static Dossier reported(
      DossierCode code,
      Procedure procedure,
      Agency agency,
      Channel channel,
      Applicant applicant,
      Instant receivedAt,
      ReportedChange first,
      Reporting reporting) {
    Dossier d = new Dossier();
    d.code = code;
    d.procedure = procedure;
    d.receivingAgency = agency;
    d.agency = agency;
    d.channel = channel;
    d.applicant = applicant;
    d.receivedAt = receivedAt;
    d.report(first, reporting);
    return d;
  }

  /**
   * Applies a change an agency's system reported: the dossier takes the reported status, as the
   * agency's truth, whether or not an action of {@link DossierAction} leads there. The same
   * bookkeeping as the actions follows from the move: reaching 2, 4, 6, 8, 9 or 10 first accepts
   * the dossier (due moment: the change's, else the appointment given, else the procedure's limit
   * from then); entering 5 stops the clock and counts a supplement request, leaving it moves the
   * due moment later by the office time waited (unless the change names one); the first end of
   * processing fixes {@link #finishedAt} and the {@link #outcome}; a change naming another agency
   * hands the dossier to it. Refused ({@link ActionRefusedException}) after a final status (3, 7,
   * 8, 10), and ({@link InvalidInputException}) for a moment before the second of the previous step
   * or of the receipt.
   */
  public StatusChange report(ReportedChange change, Reporting reporting) {
    DossierStatus from = status;
    if (from != null && from.isFinal()) {
      throw new ActionRefusedException(
          "dossier.reportAfterFinal", change.seq(), from.code(), from.key());
    }
    // to the second: reports carry whole seconds, and not every database keeps fractions
    Instant previous =
        (history.isEmpty() ? receivedAt : history.get(history.size() - 1).at())
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (change.at().isBefore(previous)) {
      throw new InvalidInputException(
          "at", "dossier.reportBeforePrevious", change.seq(), previous.toString());
    }
    Instant at = change.at();
    DossierStatus to = change.status();
    if (from == DossierStatus.WAITING && to != DossierStatus.WAITING) {
      if (dueAt != null && pausedAt != null) {
        dueAt = reporting.calendar().afterPause(dueAt, pausedAt, at);
      }
      pausedAt = null;
      statusBeforeRequest = null;
    } else if (from == DossierStatus.PAYING && to != DossierStatus.PAYING) {
      statusBeforeRequest = null;
    }
    if (to == DossierStatus.WAITING && from != DossierStatus.WAITING) {
      statusBeforeRequest = from;
      pausedAt = at;
      supplementRequests++;
    } else if (to == DossierStatus.PAYING && from != DossierStatus.PAYING) {
      statusBeforeRequest = from;
    }
    if (acceptedAt == null && to.provesAcceptance()) {
      acceptedAt = at;
      dueAt =
          reporting.appointment() != null
              ? reporting.appointment()
              : reporting.rule().due(reporting.calendar(), at);
    }
    if (change.dueAt() != null) {
      dueAt = change.dueAt();
    }
    String unit = agency.code();
    if (change.agency() != null) {
      agency = change.agency();
    }
    return step(
        "REPORT",
        from,
        to,
        new ActedBy(reporting.actor(), unit),
        at,
        change.note(),
        reporting.system(),
        change.seq());
  }

  /**
   * ACCEPT (1 → 2): the receipt is issued, and the due moment is the procedure's time limit counted
   * from now on the working calendar.
   */
  public StatusChange accept(
      ActedBy by, Instant at, TimeLimitRule rule, WorkingCalendar calendar, String note) {
    Transition t = allow(DossierAction.ACCEPT, note);
    acceptedAt = at;
    dueAt = rule.due(calendar, at);
    return complete(t, by, at, note);
  }

  /** REFUSE (1, 2 → 3): refused at intake, with the reason of form 03. */
  public StatusChange refuse(ActedBy by, Instant at, String reason) {
    return complete(allow(DossierAction.REFUSE, reason), by, at, reason);
  }

  /** START_PROCESSING (2 → 4). */
  public StatusChange startProcessing(ActedBy by, Instant at, String note) {
    return complete(allow(DossierAction.START_PROCESSING, note), by, at, note);
  }

  /**
   * TRANSFER (2, 4 → 4): another agency handles it from now on (liên thông); the history's note
   * names the target ("→ code"). Refused without a target, or to the agency handling it now.
   */
  public StatusChange transfer(ActedBy by, Instant at, Agency to, String note) {
    Transition t = allow(DossierAction.TRANSFER, note);
    if (to == null) {
      throw new InvalidInputException("targetAgencyCode", "dossier.transferTarget");
    }
    if (to.code().equals(agency.code())) {
      throw new InvalidInputException("targetAgencyCode", "dossier.transferSame");
    }
    agency = to;
    String text = clean(note);
    return complete(t, by, at, (text == null ? "" : text + " ") + "→ " + agency.code());
  }

  /**
   * REQUEST_SUPPLEMENT (1, 2, 4 → 5): asks for missing papers (form 02) with the reason; the clock
   * stops until the supplement comes, and the request counts against timeliness.
   */
  public StatusChange requestSupplement(ActedBy by, Instant at, String reason) {
    Transition t = allow(DossierAction.REQUEST_SUPPLEMENT, reason);
    statusBeforeRequest = t.from();
    pausedAt = at;
    supplementRequests++;
    return complete(t, by, at, reason);
  }

  /**
   * SUPPLEMENT (5 → the status before the request): the clock runs again, and the due moment moves
   * later by the office time that passed while the dossier waited.
   */
  public StatusChange supplement(ActedBy by, Instant at, WorkingCalendar calendar, String note) {
    Transition t = allow(DossierAction.SUPPLEMENT, note);
    if (dueAt != null && pausedAt != null) {
      dueAt = calendar.afterPause(dueAt, pausedAt, at);
    }
    pausedAt = null;
    statusBeforeRequest = null;
    return complete(t, by, at, note);
  }

  /** REQUEST_PAYMENT (2, 4 → 6): asks the applicant for an amount in đồng. */
  public StatusChange requestPayment(ActedBy by, Instant at, long amount, String note) {
    Transition t = allow(DossierAction.REQUEST_PAYMENT, note);
    if (amount <= 0) {
      throw new InvalidInputException("amount", "dossier.amountRequired");
    }
    statusBeforeRequest = t.from();
    paymentAmount = amount;
    return complete(t, by, at, note);
  }

  /** PAY (6 → the status before the request). */
  public StatusChange pay(ActedBy by, Instant at, String note) {
    Transition t = allow(DossierAction.PAY, note);
    statusBeforeRequest = null;
    return complete(t, by, at, note);
  }

  /** WITHDRAW (1, 2, 4, 5, 6 → 7): withdrawn at the applicant's request. */
  public StatusChange withdraw(ActedBy by, Instant at, String note) {
    return complete(allow(DossierAction.WITHDRAW, note), by, at, note);
  }

  /** STOP (2, 4, 5, 6 → 8): processing stopped, with the reason. */
  public StatusChange stop(ActedBy by, Instant at, String reason) {
    return complete(allow(DossierAction.STOP, reason), by, at, reason);
  }

  /** RESOLVE (4 → 9): the result is ready. */
  public StatusChange resolve(ActedBy by, Instant at, String note) {
    return complete(allow(DossierAction.RESOLVE, note), by, at, note);
  }

  /** RETURN (9 → 10): the result is handed to the applicant. */
  public StatusChange returnResult(ActedBy by, Instant at, String note) {
    return complete(allow(DossierAction.RETURN, note), by, at, note);
  }

  /**
   * APOLOGIZE (2, 4, 5, 6, status unchanged): a new appointment, later than the current one, with
   * the reason of form 04.
   */
  public StatusChange apologize(ActedBy by, Instant at, Instant newDueAt, String reason) {
    Transition t = allow(DossierAction.APOLOGIZE, reason);
    if (newDueAt == null) {
      throw new InvalidInputException("newDueAt", "dossier.newDueAtRequired");
    }
    if (dueAt != null && !newDueAt.isAfter(dueAt)) {
      throw new InvalidInputException("newDueAt", "dossier.newDueAtNotLater");
    }
    dueAt = newDueAt;
    return complete(t, by, at, reason);
  }

  /** An allowed move: the action, the status it leaves and the status it reaches. */
  private record Transition(DossierAction action, DossierStatus from, DossierStatus to) {}

  /**
   * The move an action makes now, or a refusal: {@link ActionRefusedException} when the status does
   * not allow it ({@link DossierAction} is the table), {@link InvalidInputException} when it needs
   * a reason and has none.
   */
  private Transition allow(DossierAction action, String note) {
    DossierStatus current = status;
    DossierStatus next =
        action
            .next(current, statusBeforeRequest)
            .orElseThrow(
                () ->
                    new ActionRefusedException(
                        "dossier.actionNotAllowed", action.name(), current.code(), current.key()));
    if (action.requiresReason() && clean(note) == null) {
      throw new InvalidInputException("reason", "dossier.reasonRequired", action.name());
    }
    return new Transition(action, current, next);
  }

  /** Takes the move: the new status, the end of processing the first time, a history row. */
  private StatusChange complete(Transition t, ActedBy by, Instant at, String note) {
    return step(t.action().name(), t.from(), t.to(), by, at, note, null, null);
  }

  /**
   * A step of either kind, an action or a reported change: the new status, the end of processing
   * the first time (with how it ended against the appointment), a history row.
   */
  private StatusChange step(
      String action,
      DossierStatus from,
      DossierStatus to,
      ActedBy by,
      Instant at,
      String note,
      String reportedBy,
      Integer reportedSeq) {
    status = to;
    if (to.endsProcessing() && finishedAt == null) {
      finishedAt = at;
      if (acceptedAt != null) {
        outcome = Timeliness.of(dueAt, at, supplementRequests, at);
      }
    }
    return record(
        action, from, by.username(), by.unitCode(), clean(note), at, reportedBy, reportedSeq);
  }

  private static String clean(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }

  private StatusChange record(
      String action, DossierStatus from, String actor, String unit, String note, Instant at) {
    return record(action, from, actor, unit, note, at, null, null);
  }

  private StatusChange record(
      String action,
      DossierStatus from,
      String actor,
      String unit,
      String note,
      Instant at,
      String reportedBy,
      Integer reportedSeq) {
    StatusChange change =
        new StatusChange(
            this,
            history.size() + 1,
            action,
            from,
            status(),
            at,
            actor,
            unit,
            note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note,
            dueAt,
            agency,
            reportedBy,
            reportedSeq);
    history.add(change);
    return change;
  }

  /** How it stands against its appointment date now; empty once withdrawn (status 7). */
  public Optional<Timeliness> timeliness(Instant now) {
    return Timeliness.of(status, dueAt, finishedAt, supplementRequests, now);
  }

  public Long id() {
    return id;
  }

  public DossierCode code() {
    return code;
  }

  public Procedure procedure() {
    return procedure;
  }

  public Agency receivingAgency() {
    return receivingAgency;
  }

  public Agency agency() {
    return agency;
  }

  public Channel channel() {
    return channel;
  }

  public DossierStatus status() {
    return status;
  }

  public Applicant applicant() {
    return applicant;
  }

  public Optional<Account> owner() {
    return Optional.ofNullable(owner);
  }

  /** The e-form numbers of the components whose paper the applicant will bring to the counter. */
  public java.util.List<Integer> promisedComponents() {
    if (promisedComponents == null || promisedComponents.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(promisedComponents.split(","))
        .map(String::strip)
        .filter(x -> x.matches("\\d{1,4}"))
        .map(Integer::valueOf)
        .toList();
  }

  void promise(java.util.Collection<Integer> numbers) {
    promisedComponents =
        numbers.isEmpty()
            ? null
            : numbers.stream()
                .sorted()
                .distinct()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
  }

  public String form() {
    return form;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt);
  }

  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /** Since when it waits for a supplement (status 5); empty while its clock runs. */
  public Optional<Instant> pausedAt() {
    return Optional.ofNullable(pausedAt);
  }

  /** The status a supplement or a payment returns it to, while one is pending (status 5, 6). */
  public Optional<DossierStatus> statusBeforeRequest() {
    return Optional.ofNullable(statusBeforeRequest);
  }

  public int supplementRequests() {
    return supplementRequests;
  }

  /**
   * Early, on time or late: how its processing ended, for an accepted dossier that was resolved,
   * returned, stopped or refused; empty otherwise (docs/domain.md §5).
   */
  public Optional<Timeliness> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** The amount (VND) the last payment request asked for. */
  public Optional<Long> paymentAmount() {
    return Optional.ofNullable(paymentAmount);
  }

  public int version() {
    return version;
  }

  public List<StatusChange> history() {
    return Collections.unmodifiableList(history);
  }
}
