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
 * The state machine lives here: {@link #apply} refuses any action the current status does not
 * allow, and every change appends a {@link StatusChange} to the history.
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

  @Column(nullable = false)
  private int status;

  @Column(name = "status_before_request")
  private Integer statusBeforeRequest;

  @Embedded private Applicant applicant;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id", updatable = false)
  private Account owner;

  /** The e-form's answers, as JSON. */
  @Lob private String form;

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

  /** The amount in đồng asked for by the last REQUEST_PAYMENT. */
  @Column(name = "payment_amount")
  private Long paymentAmount;

  @Version private int version;

  @OneToMany(mappedBy = "dossier", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("seq")
  private List<StatusChange> history = new ArrayList<>();

  protected Dossier() {}

  /**
   * A dossier just received: online submissions wait for acceptance (status 1); counter and
   * postal ones are accepted on the spot (status 2) and get their due moment at once.
   */
  public static Dossier receive(DossierCode code, Procedure procedure, Agency agency,
      Channel channel, Applicant applicant, Account owner, String form, Instant now,
      TimeLimitRule rule, WorkingCalendar calendar, String actor) {
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
      d.status = DossierStatus.RECEIVING.code();
      d.record("SUBMIT", null, actor, null, null, now);
    } else {
      d.status = DossierStatus.NEW.code();
      d.acceptedAt = now;
      d.dueAt = rule.due(calendar, now);
      d.record("RECEIVE", null, actor, agency.code(), null, now);
    }
    return d;
  }

  /** What an action needs besides its name. */
  public record ActionInput(
      String actor,
      String actorUnitCode,
      String note,
      Agency transferTo,
      Instant newDueAt,
      TimeLimitRule rule,
      WorkingCalendar calendar,
      Instant now) {}

  /**
   * Applies an action, or refuses it: {@link ActionRefusedException} when the status does not
   * allow it, {@link InvalidInputException} when something it needs is missing.
   */
  public StatusChange apply(DossierAction action, ActionInput in) {
    DossierStatus current = status();
    DossierStatus before = statusBeforeRequest == null ? null
        : DossierStatus.ofCode(statusBeforeRequest).orElse(null);
    DossierStatus next = action.next(current, before).orElseThrow(() ->
        new ActionRefusedException("dossier.actionNotAllowed", action.name(), current.code(),
            current.key()));
    if (action.requiresReason() && (in.note() == null || in.note().isBlank())) {
      throw new InvalidInputException("reason", "dossier.reasonRequired", action.name());
    }
    switch (action) {
      case ACCEPT -> {
        acceptedAt = in.now();
        dueAt = in.rule().due(in.calendar(), in.now());
      }
      case TRANSFER -> {
        if (in.transferTo() == null) {
          throw new InvalidInputException("targetAgencyCode", "dossier.transferTarget");
        }
        if (in.transferTo().code().equals(agency.code())) {
          throw new InvalidInputException("targetAgencyCode", "dossier.transferSame");
        }
        agency = in.transferTo();
      }
      case REQUEST_SUPPLEMENT -> {
        statusBeforeRequest = current.code();
        pausedAt = in.now();
        supplementRequests++;
      }
      case SUPPLEMENT -> {
        if (dueAt != null && pausedAt != null) {
          dueAt = in.calendar().afterPause(dueAt, pausedAt, in.now());
        }
        pausedAt = null;
        statusBeforeRequest = null;
      }
      case REQUEST_PAYMENT -> statusBeforeRequest = current.code();
      case PAY -> statusBeforeRequest = null;
      case APOLOGIZE -> {
        if (in.newDueAt() == null) {
          throw new InvalidInputException("newDueAt", "dossier.newDueAtRequired");
        }
        if (dueAt != null && !in.newDueAt().isAfter(dueAt)) {
          throw new InvalidInputException("newDueAt", "dossier.newDueAtNotLater");
        }
        dueAt = in.newDueAt();
      }
      default -> {
        // the status change below is all there is to it
      }
    }
    status = next.code();
    if (next.endsProcessing() && finishedAt == null) {
      finishedAt = in.now();
    }
    String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
    if (action == DossierAction.TRANSFER) {
      note = (note == null ? "" : note + " ") + "→ " + agency.code();
    }
    return record(action.name(), current, in.actor(), in.actorUnitCode(), note, in.now());
  }

  private StatusChange record(String action, DossierStatus from, String actor, String unit,
      String note, Instant at) {
    StatusChange change = new StatusChange(this, history.size() + 1, action, from, status(), at,
        actor, unit, note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note,
        dueAt);
    history.add(change);
    return change;
  }

  public Timeliness timeliness(Instant now) {
    return Timeliness.of(dueAt, finishedAt, supplementRequests, now);
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
    return DossierStatus.ofCode(status).orElseThrow();
  }

  public Applicant applicant() {
    return applicant;
  }

  public Optional<Account> owner() {
    return Optional.ofNullable(owner);
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

  public int supplementRequests() {
    return supplementRequests;
  }

  /** The amount (VND) the last payment request asked for. */
  public Optional<Long> paymentAmount() {
    return Optional.ofNullable(paymentAmount);
  }

  void requirePayment(long amount) {
    paymentAmount = amount;
  }

  public int version() {
    return version;
  }

  public List<StatusChange> history() {
    return Collections.unmodifiableList(history);
  }
}
