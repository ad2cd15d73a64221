package org.opendvc.portal.dossier;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureRepository;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.PaymentSettings;
import org.opendvc.portal.shared.Page;

/**
 * Receives dossiers and moves them through the one-stop lifecycle. Every call checks who asks:
 * applicants see and act on their own dossiers, officers on their agency's, and a dossier another
 * agency handles is answered as unknown.
 */
@Stateless
public class DossierService {

  @PersistenceContext private EntityManager em;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

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
    Applicant applicant = Applicant.checked(cmd.applicantType(), cmd.fullName(), cmd.idNumber(),
        cmd.phone(), cmd.email(), cmd.address(), problems);
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
    Offering offering = procedures.offeringsOf(p).stream()
        .filter(o -> o.agency().code().equals(a.code())).findFirst()
        .orElseThrow(() -> new InvalidInputException("agencyCode", "dossier.notOffered",
            p.code(), a.code()));
    Account owner = null;
    if (channel == Channel.ONLINE) {
      if (caller.role() != Role.APPLICANT) {
        throw new ForbiddenException("dossier.onlineByApplicant");
      }
      if (!offering.level().allowsOnlineSubmission()) {
        throw new InvalidInputException("channel", "dossier.levelTwo", p.code(),
            "/procedures/" + p.code());
      }
      owner = accounts.find(caller.username()).orElseThrow();
      checkOnlineContent(EForm.of(p), cmd);
    } else if (!caller.isOfficerOf(a.code())) {
      throw new ForbiddenException("dossier.counterByOfficer");
    }
    Instant now = now();
    DossierCode code = nextCode(a.code(), now);
    Dossier dossier = Dossier.receive(code, p, a, channel,
        applicant, owner, cmd.formJson(), now,
        TimeLimitRule.of(p.details()), calendars.calendar(), caller.username());
    if (channel == Channel.ONLINE) {
      dossier.promise(cmd.promised());
    }
    em.persist(dossier);
    em.flush();
    changed.fire(new DossierChanged(dossier, 0));
    changes.fire(StatusChanged.of(dossier, dossier.history().get(0)));
    return dossier;
  }

  /**
   * What an online submission must carry: the procedure's own data, valid by its e-form
   * definition ({@code form.<key>} problems), and every required dossier component either
   * attached or promised at the counter ({@code components.<n>} problems); promised numbers must
   * be components of the procedure. All problems are reported at once.
   */
  private void checkOnlineContent(EForm form, SubmitCommand cmd) {
    List<FieldProblem> problems = new ArrayList<>(
        form.form().check(answers(cmd.formJson()), LocalDate.now(clock.withZone(WorkingCalendar.ZONE))));
    for (Integer n : cmd.promised()) {
      if (n == null || form.component(n).isEmpty()) {
        problems.add(new FieldProblem("promised", "dossier.promisedUnknown", n,
            form.components().size()));
      }
    }
    for (EForm.Component c : form.components()) {
      if (c.required() && !cmd.attached().contains(c.number())
          && !cmd.promised().contains(c.number())) {
        problems.add(new FieldProblem("components." + c.number(), "dossier.componentMissing",
            c.number(), c.name()));
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
    try (var reader = org.opendvc.portal.shared.JsonProviders.JSON.createReader(
        new java.io.StringReader(formJson))) {
      if (reader.readValue() instanceof jakarta.json.JsonObject o) {
        o.forEach((k, v) -> out.put(k, v instanceof jakarta.json.JsonString s ? s.getString()
            : v == jakarta.json.JsonValue.NULL ? "" : v.toString()));
      }
    } catch (RuntimeException e) {
      // EForm.check has reported it
    }
    return out;
  }

  /** A dossier the caller may see, or {@link NotFoundException}. */
  public Dossier get(String code, Caller caller) {
    Dossier d = find(code).orElseThrow(() -> new NotFoundException("dossier.notFound", code));
    if (!maySee(d, caller)) {
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
    return find(code).filter(d -> java.security.MessageDigest.isEqual(given,
        d.applicant().idNumber().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Whether the caller is the applicant who owns the dossier through their account. */
  public static boolean ownedBy(Dossier d, Caller caller) {
    return isOwner(d, caller);
  }

  /** Applies an action for the caller; refusals are 409, a stale version too. */
  public Dossier act(String code, ActionCommand cmd, Caller caller) {
    DossierAction action = Inputs.parse(DossierAction.class, "action", cmd.action(), null);
    Dossier d = get(code, caller);
    boolean allowed = action.actor() == DossierAction.Actor.APPLICANT
        ? isOwner(d, caller)
        : caller.isOfficerOf(d.agency().code());
    if (!allowed) {
      throw new ForbiddenException(action.actor() == DossierAction.Actor.APPLICANT
          ? "dossier.applicantOnly" : "dossier.officerOnly");
    }
    if (cmd.expectedVersion() != null && cmd.expectedVersion() != d.version()) {
      throw new ActionRefusedException("dossier.stale", cmd.expectedVersion(), d.version());
    }
    Agency target = null;
    if (action == DossierAction.TRANSFER && cmd.targetAgencyCode() != null) {
      target = agencies.findByCode(cmd.targetAgencyCode().strip()).orElseThrow(() ->
          new InvalidInputException("targetAgencyCode", "agency.notFound", cmd.targetAgencyCode()));
    }
    if (action == DossierAction.PAY) {
      throw new ActionRefusedException("dossier.payOnline", "/api/v1/dossiers/" + d.code()
          + "/payments");
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
    StatusChange change = take(d, action, cmd, target,
        new ActedBy(caller.username(), caller.agencyCode()), now());
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ActionRefusedException("dossier.stale", cmd.expectedVersion(), d.version());
    } catch (PersistenceException e) {
      if (e.getCause() instanceof OptimisticLockException
          || String.valueOf(e.getMessage()).contains("OptimisticLock")) {
        throw new ActionRefusedException("dossier.stale", cmd.expectedVersion(), d.version());
      }
      throw e;
    }
    if (action == DossierAction.RESOLVE) {
      // the result documents uploaded so far become the dossier's result
      em.createQuery("UPDATE Attachment a SET a.linkedAt = :now WHERE a.dossier = :d"
              + " AND a.kind = org.opendvc.portal.dossier.attachment.AttachmentKind.RESULT"
              + " AND a.linkedAt IS NULL")
          .setParameter("now", change.at()).setParameter("d", d).executeUpdate();
    }
    changed.fire(new DossierChanged(d, change.seq() - 1));
    changes.fire(StatusChanged.of(d, change));
    return d;
  }

  /**
   * Applies PAY after a provider's verified callback reported the payment (the only way PAY
   * happens now); the note carries the provider's reference. A dossier no longer awaiting payment
   * (withdrawn or stopped meanwhile) is left as it is.
   */
  public void recordPayment(Dossier d, String note) {
    if (d.status() != DossierStatus.PAYING) {
      java.util.logging.Logger.getLogger(DossierService.class.getName()).warning(
          "Payment reported for dossier " + d.code() + " in status " + d.status().code()
              + ": recorded, dossier unchanged (" + note + ")");
      return;
    }
    String actor = d.owner().map(Account::username).orElse("payment");
    StatusChange change = d.pay(ActedBy.applicant(actor), now(), note);
    em.flush();
    changed.fire(new DossierChanged(d, change.seq() - 1));
    changes.fire(StatusChanged.of(d, change));
  }

  /** The dossier's method for an action asked by name: the one place that maps one to the other. */
  private StatusChange take(Dossier d, DossierAction action, ActionCommand cmd, Agency target,
      ActedBy by, Instant now) {
    String note = cmd.note();
    return switch (action) {
      case ACCEPT -> d.accept(by, now, TimeLimitRule.of(d.procedure().details()),
          calendars.calendar(), note);
      case REFUSE -> d.refuse(by, now, note);
      case START_PROCESSING -> d.startProcessing(by, now, note);
      case TRANSFER -> d.transfer(by, now, target, note);
      case REQUEST_SUPPLEMENT -> d.requestSupplement(by, now, note);
      case SUPPLEMENT -> d.supplement(by, now, calendars.calendar(), note);
      case REQUEST_PAYMENT -> d.requestPayment(by, now,
          cmd.amount() == null ? 0 : cmd.amount(), note);
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
      throw new ActionRefusedException("dossier.paymentLevel4", d.procedure().code(),
          d.receivingAgency().code(), level);
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
        .map(o -> o.level().number()).findFirst().orElse(0);
  }

  /**
   * Whether a dossier was resolved, or is about to be, without an electronic result: an online
   * dossier with no result document as a file (its result is a paper at the desk or posted).
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public boolean withoutElectronicResult(Dossier d) {
    return d.channel() == Channel.ONLINE && resultDocuments(d) == 0;
  }

  /** How many result documents a dossier has. */
  private long resultDocuments(Dossier d) {
    return em.createQuery("SELECT COUNT(a) FROM Attachment a WHERE a.dossier = :d"
            + " AND a.kind = org.opendvc.portal.dossier.attachment.AttachmentKind.RESULT",
            Long.class)
        .setParameter("d", d).getSingleResult();
  }

  // ---- The applicant's pages ----

  /**
   * An applicant's own dossiers, newest first (the one just submitted on top, finished ones
   * sinking down), for {@code /my/dossiers}. Anyone but an applicant gets an empty page.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public Page<Dossier> ownDossiers(Caller caller, int page, int size) {
    if (caller.role() != Role.APPLICANT) {
      return new Page<>(List.of(), 0, page, size);
    }
    List<Dossier> items = em.createQuery("SELECT d FROM Dossier d WHERE d.owner.username = :owner"
            + " ORDER BY d.receivedAt DESC, d.id DESC", Dossier.class)
        .setParameter("owner", caller.username())
        .setFirstResult(page * size).setMaxResults(size).getResultList();
    long total = em.createQuery("SELECT COUNT(d) FROM Dossier d WHERE d.owner.username = :owner",
            Long.class)
        .setParameter("owner", caller.username()).getSingleResult();
    return new Page<>(items, total, page, size);
  }

  /** Now, to the millisecond the database keeps. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private Optional<Dossier> find(String code) {
    Optional<DossierCode> parsed = DossierCode.parse(code);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
        .setParameter("code", parsed.get())
        .getResultStream().findFirst();
  }

  private static boolean isOwner(Dossier d, Caller caller) {
    return caller.role() == Role.APPLICANT
        && d.owner().map(o -> o.username().equals(caller.username())).orElse(false);
  }

  private static boolean maySee(Dossier d, Caller caller) {
    return caller.role() == Role.ADMIN || isOwner(d, caller) || caller.isOfficerOf(d.agency().code());
  }

  /**
   * Marks a code that an agency's own system issued as used: the counter of its unit and day
   * moves to at least its sequence, so the portal never issues the same code afterwards.
   */
  public void claimCode(DossierCode code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO dossier_counter (unit_code, day, last_seq) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, ?)")) {
      s.setString(1, code.unitCode());
      s.setObject(2, code.date());
      s.setInt(3, code.sequence());
      s.setInt(4, code.sequence());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the dossier code " + code, e);
    }
  }

  /**
   * The next code of a unit for the day, from a counter row incremented under its row lock in
   * this transaction: two dossiers received at once never share a code.
   */
  private DossierCode nextCode(String unitCode, Instant now) {
    LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO dossier_counter (unit_code, day, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))"
              + " ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)")) {
        s.setString(1, unitCode);
        s.setObject(2, day);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("SELECT LAST_INSERT_ID()");
          ResultSet r = s.executeQuery()) {
        r.next();
        int seq = r.getInt(1);
        if (seq > DossierCode.MAX_SEQUENCE) {
          throw new ActionRefusedException("dossier.counterFull", unitCode);
        }
        return new DossierCode(unitCode, day, seq);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot issue a dossier code", e);
    }
  }

  // ---- The officer's work list and pages ----

  /** The statuses whose clock runs or is paused: what "overdue" and "due soon" look at. */
  static final List<DossierStatus> IN_PROGRESS = List.of(DossierStatus.NEW,
      DossierStatus.PROCESSING, DossierStatus.WAITING, DossierStatus.PAYING);

  /** The work list's order, {@link WorkListQuery#rank} in SQL, then due moment, receipt, id. */
  private static final String URGENCY_ORDER = " ORDER BY CASE"
      + " WHEN d.status = :rankDenied OR d.status = :rankCancelled OR d.status = :rankUnresolved"
      + " OR d.status = :rankReleasing OR d.status = :rankDone THEN 4"
      + " WHEN d.status = :rankReceiving THEN 2"
      + " WHEN d.dueAt < :rankNow THEN 0"
      + " WHEN d.dueAt <= :rankHorizon THEN 1"
      + " ELSE 3 END,"
      + " CASE WHEN d.dueAt IS NULL THEN 1 ELSE 0 END, d.dueAt, d.receivedAt, d.id";

  /**
   * How far ahead "due soon" looks, in office hours counted on the working calendar from now
   * (default 16: two working days of 8 hours).
   */
  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "portal.worklist.dueSoon.hours",
      defaultValue = "16")
  private int dueSoonHours;

  /** A code with its name, for the pages' choices (procedures offered, agencies). */
  public record Choice(String code, String name) {}

  /**
   * The work list: an officer's (or agency admin's) agency's dossiers, an applicant's own, or all
   * for an admin, filtered by {@code query}. Open dossiers come most urgent first
   * ({@link WorkListQuery#rank}: overdue, due soon, awaiting acceptance, the rest), each rank by
   * due moment (none last), receipt and id; a list of finished dossiers only comes most recently
   * finished first. The filters keep to the index (agency_id, status, due_at): the agency is
   * compared by id, the scope and "overdue"/"due soon" become a status list and a due_at range,
   * so the rows sorted are the agency's open dossiers, not its whole history.
   */
  public Page<Dossier> workList(Caller caller, WorkListQuery query) {
    Instant now = clock.instant();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Agency agency = null;
    if (caller.role() == Role.APPLICANT) {
      where.append(" AND d.owner.username = :owner");
    } else if (caller.role() == Role.OFFICER || caller.role() == Role.AGENCY_ADMIN) {
      agency = agencies.findByCode(caller.agencyCode()).orElse(null);
      if (agency == null) {
        return new Page<>(List.of(), 0, query.page(), query.size());
      }
      where.append(" AND d.agency = :agency");
    } else if (caller.role() != Role.ADMIN) {
      // an agency system publishes; it has no work list
      return new Page<>(List.of(), 0, query.page(), query.size());
    }
    List<DossierStatus> statuses = query.statuses();
    if (!statuses.isEmpty()) {
      where.append(" AND d.status IN :statuses");
    }
    if (query.overdue() || query.dueSoon()) {
      where.append(" AND d.status IN :open");
    }
    if (query.overdue()) {
      where.append(" AND d.dueAt < :now");
    }
    Instant horizon = null;
    if (query.dueSoon()) {
      where.append(" AND d.dueAt >= :now AND d.dueAt <= :horizon");
      horizon = dueSoonHorizon(now);
    }
    Procedure procedure = null;
    if (query.procedureCode() != null) {
      procedure = procedures.findByCode(query.procedureCode()).orElse(null);
      if (procedure == null) {
        return new Page<>(List.of(), 0, query.page(), query.size());
      }
      where.append(" AND d.procedure = :procedure");
    }
    String q = query.text();
    if (q != null) {
      where.append(" AND (d.code = :code OR d.applicant.idNumber = :q"
          + " OR LOWER(d.applicant.fullName) LIKE :like)");
    }
    boolean finishedOnly = !statuses.isEmpty()
        && WorkListQuery.FINISHED_STATUSES.containsAll(statuses);
    // the page's ids first: sorting ids and the columns of the order reads the index
    // (agency_id, status, due_at, received_at) alone; then only the page's rows are read
    TypedQuery<Long> select = em.createQuery("SELECT d.id FROM Dossier d" + where
        + (finishedOnly ? " ORDER BY d.finishedAt DESC, d.id DESC" : URGENCY_ORDER),
        Long.class);
    if (!finishedOnly) {
      // the finished statuses one by one: EclipseLink reads no "IN :list" inside a CASE
      select.setParameter("rankDenied", DossierStatus.DENIED)
          .setParameter("rankCancelled", DossierStatus.CANCELLED)
          .setParameter("rankUnresolved", DossierStatus.UNRESOLVED)
          .setParameter("rankReleasing", DossierStatus.RELEASING)
          .setParameter("rankDone", DossierStatus.DONE)
          .setParameter("rankReceiving", DossierStatus.RECEIVING)
          .setParameter("rankNow", now)
          .setParameter("rankHorizon", horizon != null ? horizon : dueSoonHorizon(now));
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Dossier d" + where, Long.class);
    for (TypedQuery<?> tq : List.of(select, count)) {
      if (caller.role() == Role.APPLICANT) {
        tq.setParameter("owner", caller.username());
      } else if (agency != null) {
        tq.setParameter("agency", agency);
      }
      if (!statuses.isEmpty()) {
        tq.setParameter("statuses", statuses);
      }
      if (query.overdue() || query.dueSoon()) {
        tq.setParameter("open", IN_PROGRESS);
        tq.setParameter("now", now);
      }
      if (horizon != null) {
        tq.setParameter("horizon", horizon);
      }
      if (procedure != null) {
        tq.setParameter("procedure", procedure);
      }
      if (q != null) {
        tq.setParameter("code", DossierCode.parse(q).orElse(null));
        tq.setParameter("q", q);
        tq.setParameter("like", "%" + q.toLowerCase(Locale.ROOT) + "%");
      }
    }
    List<Long> ids = select.setFirstResult(query.page() * query.size())
        .setMaxResults(query.size()).getResultList();
    List<Dossier> items = List.of();
    if (!ids.isEmpty()) {
      java.util.Map<Long, Dossier> byId = new java.util.HashMap<>();
      em.createQuery("SELECT d FROM Dossier d WHERE d.id IN :ids", Dossier.class)
          .setParameter("ids", ids).getResultList().forEach(d -> byId.put(d.id(), d));
      items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
    return new Page<>(items, count.getSingleResult(), query.page(), query.size());
  }

  /**
   * The names of the units that acted in a dossier's history, by unit code, so that timelines
   * show "UBND xã ..." rather than "000.01.31.H91"; a code that names no agency is left out.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public java.util.Map<String, String> unitNames(Dossier dossier) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    dossier.history().forEach(c -> {
      if (c.unitCode() != null) {
        codes.add(c.unitCode());
      }
    });
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    em.createQuery("SELECT a.code, a.name FROM Agency a WHERE a.code IN :codes", Object[].class)
        .setParameter("codes", codes)
        .getResultList()
        .forEach(r -> out.put((String) r[0], (String) r[1]));
    return out;
  }

  /** The end of the "due soon" window: now plus the configured office hours, on the calendar. */
  public Instant dueSoonHorizon(Instant now) {
    return calendars.calendar().due(now, Math.max(0, dueSoonHours),
        org.opendvc.portal.calendar.TimeLimitUnit.WORKING_HOURS);
  }

  /** The configured "due soon" window in office hours, for the pages to say what it means. */
  public int dueSoonHours() {
    return dueSoonHours;
  }

  /** How many dossiers the officer's agency has in each status (statuses with none left out). */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public java.util.Map<DossierStatus, Long> statusCounts(Caller caller) {
    java.util.Map<DossierStatus, Long> out = new java.util.EnumMap<>(DossierStatus.class);
    Agency agency = caller.agencyCode() == null ? null
        : agencies.findByCode(caller.agencyCode()).orElse(null);
    if (agency == null) {
      return out;
    }
    em.createQuery("SELECT d.status, COUNT(d) FROM Dossier d WHERE d.agency = :agency"
            + " GROUP BY d.status", Object[].class)
        .setParameter("agency", agency)
        .getResultList()
        .forEach(r -> out.put((DossierStatus) r[0], ((Number) r[1]).longValue()));
    return out;
  }

  /** The procedures the officer's agency offers, by code: what the counter may receive. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public List<Choice> offeredProcedures(Caller caller) {
    if (caller.agencyCode() == null) {
      return List.of();
    }
    return em.createQuery("SELECT p.code, p.name FROM Offering o JOIN o.procedure p"
            + " JOIN o.agency a WHERE a.code = :agency ORDER BY p.code", Object[].class)
        .setParameter("agency", caller.agencyCode())
        .getResultList().stream()
        .map(r -> new Choice((String) r[0], (String) r[1]))
        .toList();
  }

  /** The agencies a dossier may be transferred to (liên thông): every agency but the caller's. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
  public List<Choice> transferTargets(Caller caller) {
    return em.createQuery("SELECT a.code, a.name FROM Agency a WHERE a.code <> :own"
            + " ORDER BY a.code", Object[].class)
        .setParameter("own", caller.agencyCode() == null ? "" : caller.agencyCode())
        .getResultList().stream()
        .map(r -> new Choice((String) r[0], (String) r[1]))
        .toList();
  }
}
