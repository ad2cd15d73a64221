package org.opendvc.portal.dossier;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureRepository;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.Page;
import org.opendvc.portal.shared.PaymentSettings;

/**
 * Receives dossiers and moves them through the one-stop lifecycle: the application service, thin
 * over the {@link Dossier}'s own transitions and the {@link DossierRepository}. Every call asks the
 * {@link AccessPolicy} who may do it: applicants see and act on their own dossiers, officers on
 * their agency's, and a dossier the caller may not see is answered as unknown.
 */
@Stateless
public class DossierService {

  @Inject private DossierRepository dossiers;
  @Inject private ProcedureRepository procedures;
  @Inject private AgencyRepository agencies;
  @Inject private AccountService accounts;
  @Inject private Clock clock;
  @jakarta.ejb.EJB private CalendarService calendars;
  @Inject private jakarta.enterprise.event.Event<StatusChanged> changes;
  @Inject private jakarta.enterprise.event.Event<DossierChanged> changed;

  /** Receives a dossier: online from an applicant, at the counter or by post from an officer. */
  public Dossier submit(SubmitCommand cmd, Caller caller) {
    List<FieldProblem> problems = new ArrayList<>();
    Channel channel = Inputs.parse(Channel.class, "channel", cmd.channel(), problems);
    Applicant applicant =
        Applicant.checked(
            cmd.applicantType(),
            cmd.fullName(),
            cmd.idNumber(),
            cmd.phone(),
            cmd.email(),
            cmd.address(),
            problems);
    Procedure procedure = null;
    if (cmd.procedureCode() == null || cmd.procedureCode().isBlank()) {
      problems.add(new FieldProblem("procedureCode", "dossier.procedureRequired"));
    } else {
      procedure = procedures.findByCode(cmd.procedureCode().strip()).orElse(null);
      if (procedure == null) {
        problems.add(new FieldProblem("procedureCode", "procedure.notFound", cmd.procedureCode()));
      }
    }
    Agency agency = null;
    if (cmd.agencyCode() == null || cmd.agencyCode().isBlank()) {
      problems.add(new FieldProblem("agencyCode", "dossier.agencyRequired"));
    } else {
      agency = agencies.findByCode(cmd.agencyCode().strip()).orElse(null);
      if (agency == null) {
        problems.add(new FieldProblem("agencyCode", "agency.notFound", cmd.agencyCode()));
      }
    }
    problems.addAll(EForm.check(cmd.formJson()));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Procedure p = procedure;
    Agency a = agency;
    Offering offering =
        procedures.offeringsOf(p).stream()
            .filter(o -> o.agency().code().equals(a.code()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "agencyCode", "dossier.notOffered", p.code(), a.code()));
    Account owner = null;
    AccessPolicy.requireMayReceive(channel, a.code(), caller);
    if (channel == Channel.ONLINE) {
      if (!offering.level().allowsOnlineSubmission()) {
        throw new InvalidInputException(
            "channel", "dossier.levelTwo", p.code(), "/procedures/" + p.code());
      }
      owner = accounts.find(caller.username()).orElseThrow();
      checkOnlineContent(EForm.of(p), cmd);
    }
    Instant now = now();
    DossierCode code = nextCode(a.code(), now);
    Dossier dossier =
        Dossier.receive(
            code,
            p,
            a,
            channel,
            applicant,
            owner,
            cmd.formJson(),
            now,
            TimeLimitRule.of(p.details()),
            calendars.calendar(),
            caller.username());
    if (channel == Channel.ONLINE) {
      dossier.promise(cmd.promised());
    }
    dossiers.add(dossier);
    changed.fire(new DossierChanged(dossier, 0));
    changes.fire(StatusChanged.of(dossier, dossier.history().get(0)));
    return dossier;
  }

  /**
   * What an online submission must carry: the procedure's own data, valid by its e-form definition
   * ({@code form.<key>} problems), and every required dossier component either attached or promised
   * at the counter ({@code components.<n>} problems); promised numbers must be components of the
   * procedure. All problems are reported at once.
   */
  private void checkOnlineContent(EForm form, SubmitCommand cmd) {
    List<FieldProblem> problems =
        new ArrayList<>(
            form.form()
                .check(
                    answers(cmd.formJson()), LocalDate.now(clock.withZone(WorkingCalendar.ZONE))));
    for (Integer n : cmd.promised()) {
      if (n == null || form.component(n).isEmpty()) {
        problems.add(
            new FieldProblem("promised", "dossier.promisedUnknown", n, form.components().size()));
      }
    }
    for (EForm.Component c : form.components()) {
      if (c.required()
          && !cmd.attached().contains(c.number())
          && !cmd.promised().contains(c.number())) {
        problems.add(
            new FieldProblem(
                "components." + c.number(), "dossier.componentMissing", c.number(), c.name()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The form answers as text by key (top-level members; structures as their JSON text). */
  static java.util.Map<String, String> answers(String formJson) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (formJson == null || formJson.isBlank()) {
      return out;
    }
    try (var reader =
        org.opendvc.portal.shared.JsonProviders.JSON.createReader(
            new java.io.StringReader(formJson))) {
      if (reader.readValue() instanceof jakarta.json.JsonObject o) {
        o.forEach(
            (k, v) ->
                out.put(
                    k,
                    v instanceof jakarta.json.JsonString s
                        ? s.getString()
                        : v == jakarta.json.JsonValue.NULL ? "" : v.toString()));
      }
    } catch (RuntimeException e) {
      // EForm.check has reported it
    }
    return out;
  }

  /** A dossier the caller may see, or {@link NotFoundException}. */
  public Dossier get(String code, Caller caller) {
    Dossier d =
        dossiers.find(code).orElseThrow(() -> new NotFoundException("dossier.notFound", code));
    if (!AccessPolicy.maySee(d, caller)) {
      throw new NotFoundException("dossier.notFound", code);
    }
    d.history().size();
    return d;
  }

  /**
   * The dossier with this code whose applicant has this ID number, for an applicant without an
   * account (a counter or post dossier); empty for an unknown code and a wrong number alike.
   */
  public Optional<Dossier> ofApplicant(String code, String idNumber) {
    if (idNumber == null || idNumber.isBlank()) {
      return Optional.empty();
    }
    byte[] given = idNumber.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return dossiers
        .find(code)
        .filter(
            d ->
                java.security.MessageDigest.isEqual(
                    given,
                    d.applicant().idNumber().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Applies an action for the caller; refusals are 409, a stale version too. */
  public Dossier act(String code, ActionCommand cmd, Caller caller) {
    DossierAction action = Inputs.parse(DossierAction.class, "action", cmd.action(), null);
    Dossier d = get(code, caller);
    AccessPolicy.requireMayTake(action, d, caller);
    if (cmd.expectedVersion() != null && cmd.expectedVersion() != d.version()) {
      throw new ActionRefusedException("dossier.stale", cmd.expectedVersion(), d.version());
    }
    Agency target = null;
    if (action == DossierAction.TRANSFER && cmd.targetAgencyCode() != null) {
      target =
          agencies
              .findByCode(cmd.targetAgencyCode().strip())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "targetAgencyCode", "agency.notFound", cmd.targetAgencyCode()));
    }
    if (action == DossierAction.PAY) {
      throw new ActionRefusedException(
          "dossier.payOnline", "/api/v1/dossiers/" + d.code() + "/payments");
    }
    if (action == DossierAction.REQUEST_PAYMENT && action.allowedIn(d.status())) {
      if (PaymentSettings.provider().isEmpty()) {
        throw new ActionRefusedException("payment.notConfigured");
      }
      checkPaymentRequest(d, cmd.amount());
    }
    // RESOLVE needs no result file: a result may be a paper handed over at the desk or posted.
    // An online dossier resolved without one counts as "no electronic result" in the
    // scorecard's digitisation figure (electronicResults), and its pages say so.
    StatusChange change =
        take(d, action, cmd, target, new ActedBy(caller.username(), caller.agencyCode()), now());
    if (!dossiers.store(d)) {
      throw new ActionRefusedException("dossier.stale", cmd.expectedVersion(), d.version());
    }
    if (action == DossierAction.RESOLVE) {
      // the result documents uploaded so far become the dossier's result
      dossiers.linkResults(d, change.at());
    }
    changed.fire(new DossierChanged(d, change.seq() - 1));
    changes.fire(StatusChanged.of(d, change));
    return d;
  }

  /**
   * Applies PAY after a provider's verified callback reported the payment (the only way PAY happens
   * now); the note carries the provider's reference. A dossier no longer awaiting payment
   * (withdrawn or stopped meanwhile) is left as it is.
   */
  public void recordPayment(Dossier d, String note) {
    if (d.status() != DossierStatus.PAYING) {
      java.util.logging.Logger.getLogger(DossierService.class.getName())
          .warning(
              "Payment reported for dossier "
                  + d.code()
                  + " in status "
                  + d.status().code()
                  + ": recorded, dossier unchanged ("
                  + note
                  + ")");
      return;
    }
    String actor = d.owner().map(Account::username).orElse("payment");
    StatusChange change = d.pay(ActedBy.applicant(actor), now(), note);
    if (!dossiers.store(d)) {
      throw new IllegalStateException(
          "dossier " + d.code() + " changed while its payment was" + " recorded");
    }
    changed.fire(new DossierChanged(d, change.seq() - 1));
    changes.fire(StatusChanged.of(d, change));
  }

  /** The dossier's method for an action asked by name: the one place that maps one to the other. */
  private StatusChange take(
      Dossier d, DossierAction action, ActionCommand cmd, Agency target, ActedBy by, Instant now) {
    String note = cmd.note();
    return switch (action) {
      case ACCEPT ->
          d.accept(by, now, TimeLimitRule.of(d.procedure().details()), calendars.calendar(), note);
      case REFUSE -> d.refuse(by, now, note);
      case START_PROCESSING -> d.startProcessing(by, now, note);
      case TRANSFER -> d.transfer(by, now, target, note);
      case REQUEST_SUPPLEMENT -> d.requestSupplement(by, now, note);
      case SUPPLEMENT -> d.supplement(by, now, calendars.calendar(), note);
      case REQUEST_PAYMENT ->
          d.requestPayment(by, now, cmd.amount() == null ? 0 : cmd.amount(), note);
      case PAY -> d.pay(by, now, note);
      case WITHDRAW -> d.withdraw(by, now, note);
      case STOP -> d.stop(by, now, note);
      case RESOLVE -> d.resolve(by, now, note);
      case RETURN -> d.returnResult(by, now, note);
      case APOLOGIZE -> d.apologize(by, now, cmd.newDueAt(), note);
    };
  }

  /**
   * Online payment is asked only of level-4 offerings (fees paid online, docs/domain.md §2) and of
   * dossiers that have an applicant's account to pay with, for a positive whole amount in đồng.
   */
  private void checkPaymentRequest(Dossier d, Long amount) {
    if (amount == null || amount <= 0) {
      throw new InvalidInputException("amount", "dossier.amountRequired");
    }
    int level = offeringLevel(d);
    if (level != 4) {
      throw new ActionRefusedException(
          "dossier.paymentLevel4", d.procedure().code(), d.receivingAgency().code(), level);
    }
    if (d.owner().isEmpty()) {
      throw new ActionRefusedException("dossier.paymentNoAccount");
    }
  }

  /**
   * Whether an officer may ask this dossier's applicant to pay online (REQUEST_PAYMENT, given an
   * amount and an allowed status): a level-4 offering at the receiving agency, and an applicant's
   * account to pay with. Pages use it to offer the amount input only where it can succeed.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public boolean mayRequestPayment(Dossier d) {
    return d.owner().isPresent() && offeringLevel(d) == 4;
  }

  /** The level at which the receiving agency offers the dossier's procedure; 0 when it does not. */
  private int offeringLevel(Dossier d) {
    return procedures.offeringsOf(d.procedure()).stream()
        .filter(o -> o.agency().code().equals(d.receivingAgency().code()))
        .map(o -> o.level().number())
        .findFirst()
        .orElse(0);
  }

  /**
   * Whether a dossier was resolved, or is about to be, without an electronic result: an online
   * dossier with no result document as a file (its result is a paper at the desk or posted).
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public boolean withoutElectronicResult(Dossier d) {
    return d.channel() == Channel.ONLINE && dossiers.countResults(d) == 0;
  }

  // ---- The applicant's pages ----

  /**
   * An applicant's own dossiers, newest first (the one just submitted on top, finished ones sinking
   * down), for {@code /my/dossiers}. Anyone but an applicant gets an empty page.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public Page<Dossier> ownDossiers(Caller caller, int page, int size) {
    if (AccessPolicy.reach(caller) != AccessPolicy.Reach.OWN) {
      return new Page<>(List.of(), 0, page, size);
    }
    return dossiers.ofOwner(caller.username(), page, size);
  }

  /** Now, to the second: every moment a dossier answers with reads back the same. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /**
   * The next code of a unit for the day: two dossiers received at once never share a code (the
   * repository's counter is incremented under its row lock in this transaction).
   */
  private DossierCode nextCode(String unitCode, Instant now) {
    LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    int seq = dossiers.nextSequence(unitCode, day);
    if (seq > DossierCode.MAX_SEQUENCE) {
      throw new ActionRefusedException("dossier.counterFull", unitCode);
    }
    return new DossierCode(unitCode, day, seq);
  }

  // ---- The officer's work list and pages ----

  /**
   * How far ahead "due soon" looks, in office hours counted on the working calendar from now
   * (default 16: two working days of 8 hours).
   */
  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "portal.worklist.dueSoon.hours",
      defaultValue = "16")
  private int dueSoonHours;

  /** A code with its name, for the pages' choices (procedures offered, agencies). */
  public record Choice(String code, String name) {}

  /**
   * The work list: an officer's (or agency admin's) agency's dossiers, an applicant's own, or all
   * for an admin, filtered by {@code query}. Open dossiers come most urgent first ({@link
   * WorkListQuery#rank}: overdue, due soon, awaiting acceptance, the rest), each rank by due moment
   * (none last), receipt and id; a list of finished dossiers only comes most recently finished
   * first. Whose dossiers the list holds is {@link AccessPolicy#reach}; the repository keeps the
   * query to the index of agency, status and due moment.
   */
  public Page<Dossier> workList(Caller caller, WorkListQuery query) {
    Instant now = clock.instant();
    Page<Dossier> none = new Page<>(List.of(), 0, query.page(), query.size());
    DossierRepository.Among among;
    switch (AccessPolicy.reach(caller)) {
      case OWN -> among = DossierRepository.Among.ownedBy(caller.username());
      case AGENCY -> {
        Agency agency = agencies.findByCode(caller.agencyCode()).orElse(null);
        if (agency == null) {
          return none;
        }
        among = DossierRepository.Among.handledBy(agency);
      }
      case ALL -> among = DossierRepository.Among.everyone();
      default -> {
        return none; // an agency system publishes; it has no work list
      }
    }
    if (query.procedureCode() != null) {
      Procedure procedure = procedures.findByCode(query.procedureCode()).orElse(null);
      if (procedure == null) {
        return none;
      }
      among = among.of(procedure);
    }
    // the horizon orders the open dossiers and bounds "due soon"; a list of finished dossiers
    // only, not asked for "due soon", needs none
    Instant horizon = query.dueSoon() || !query.finishedOnly() ? dueSoonHorizon(now) : null;
    return dossiers.workList(among, query, now, horizon);
  }

  /**
   * The names of the units that acted in a dossier's history, by unit code, so that timelines show
   * "UBND xã ..." rather than "000.01.31.H91"; a code that names no agency is left out.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public java.util.Map<String, String> unitNames(Dossier dossier) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    dossier
        .history()
        .forEach(
            c -> {
              if (c.unitCode() != null) {
                codes.add(c.unitCode());
              }
            });
    return agencies.namesOf(codes);
  }

  /** The end of the "due soon" window: now plus the configured office hours, on the calendar. */
  public Instant dueSoonHorizon(Instant now) {
    return calendars
        .calendar()
        .due(
            now,
            Math.max(0, dueSoonHours),
            org.opendvc.portal.calendar.TimeLimitUnit.WORKING_HOURS);
  }

  /** The configured "due soon" window in office hours, for the pages to say what it means. */
  public int dueSoonHours() {
    return dueSoonHours;
  }

  /** How many dossiers the officer's agency has in each status (statuses with none left out). */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public java.util.Map<DossierStatus, Long> statusCounts(Caller caller) {
    Agency agency =
        caller.agencyCode() == null ? null : agencies.findByCode(caller.agencyCode()).orElse(null);
    if (agency == null) {
      return new java.util.EnumMap<>(DossierStatus.class);
    }
    return dossiers.statusCounts(agency);
  }

  /** The procedures the officer's agency offers, by code: what the counter may receive. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public List<Choice> offeredProcedures(Caller caller) {
    if (caller.agencyCode() == null) {
      return List.of();
    }
    return choices(procedures.namesOfferedBy(caller.agencyCode()));
  }

  /** The agencies a dossier may be transferred to (liên thông): every agency but the caller's. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public List<Choice> transferTargets(Caller caller) {
    return choices(agencies.namesExcept(caller.agencyCode()));
  }

  private static List<Choice> choices(java.util.Map<String, String> namesByCode) {
    return namesByCode.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
  }
}
