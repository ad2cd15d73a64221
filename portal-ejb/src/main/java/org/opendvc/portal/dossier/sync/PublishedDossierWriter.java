package org.opendvc.portal.dossier.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureRepository;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierChanged;
import org.opendvc.portal.dossier.DossierCode;
import org.opendvc.portal.dossier.DossierRepository;
import org.opendvc.portal.dossier.ReportedChange;
import org.opendvc.portal.dossier.Reporting;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.dossier.StatusChanged;
import org.opendvc.portal.dossier.TimeLimitRule;
import org.opendvc.portal.dossier.sync.SyncResult.Outcome;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Writes one published record in a transaction of its own: the dossier is created with its changes,
 * or the changes not stored yet are appended, or nothing happens because everything it says is
 * stored already. Anything wrong refuses the whole record ({@link InvalidInputException} with every
 * problem found) and rolls it back, so a record is never half stored. The rules are those of
 * docs/domain.md §4, "Dossiers published by agency systems".
 */
@Stateless
public class PublishedDossierWriter {

  /** How far ahead of the portal's clock a reported moment may be (clocks are never exact). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;

  @Inject private ProcedureRepository procedures;
  @Inject private AgencyRepository agencies;
  @Inject private Clock clock;
  @EJB private CalendarService calendars;
  @Inject private DossierRepository dossiers;
  @Inject private Event<DossierChanged> changed;
  @Inject private Event<StatusChanged> statusChanges;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome write(PublishedDossier record, Publisher publisher) {
    Agency scope =
        agencies
            .findByCode(publisher.agencyCode())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "agencyCode", "sync.noScope", publisher.agencyCode()));
    String given = record.code() == null ? "" : record.code().strip();
    DossierCode code =
        DossierCode.parse(given)
            .filter(c -> c.toString().equals(given))
            .orElseThrow(() -> new InvalidInputException("code", "sync.codeInvalid", given));
    List<FieldProblem> problems = new ArrayList<>();
    List<Numbered> changes = numbered(record.changes(), problems);
    checkNotFuture(record, changes, problems);
    Optional<Dossier> existing = dossiers.findLocked(code);
    return existing.isPresent()
        ? update(existing.get(), record, changes, scope, publisher, problems)
        : create(code, record, changes, scope, publisher, problems);
  }

  /** A change with its position in the record, for naming it in a problem. */
  private record Numbered(int index, PublishedChange change) {
    String field(String member) {
      return "changes[" + index + "]" + (member == null ? "" : "." + member);
    }
  }

  /** The record's changes in the order of their numbers; a number given twice is a problem. */
  private static List<Numbered> numbered(
      List<PublishedChange> changes, List<FieldProblem> problems) {
    List<Numbered> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      PublishedChange c = changes.get(i);
      if (!seen.add(c.seq())) {
        problems.add(new FieldProblem("changes[" + i + "].seq", "sync.seqDuplicate", c.seq()));
      }
      out.add(new Numbered(i, c));
    }
    out.sort(Comparator.comparingInt(n -> n.change().seq()));
    return out;
  }

  private void checkNotFuture(
      PublishedDossier r, List<Numbered> changes, List<FieldProblem> problems) {
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    if (r.receivedAt().isAfter(latest)) {
      problems.add(
          new FieldProblem("receivedAt", "sync.future", "receivedAt", r.receivedAt().toString()));
    }
    for (Numbered n : changes) {
      if (n.change().at().isAfter(latest)) {
        problems.add(
            new FieldProblem(
                n.field("at"), "sync.future", n.field("at"), n.change().at().toString()));
      }
    }
  }

  private Outcome create(
      DossierCode code,
      PublishedDossier r,
      List<Numbered> changes,
      Agency scope,
      Publisher publisher,
      List<FieldProblem> problems) {
    Procedure procedure = procedures.findByCode(r.procedureCode()).orElse(null);
    if (procedure == null) {
      problems.add(new FieldProblem("procedureCode", "procedure.notFound", r.procedureCode()));
    }
    Agency agency = agencies.findByCode(r.agencyCode()).orElse(null);
    if (agency == null) {
      problems.add(new FieldProblem("agencyCode", "agency.notFound", r.agencyCode()));
    } else if (!agency.isWithin(scope)) {
      problems.add(
          new FieldProblem("agencyCode", "sync.agencyOutOfScope", agency.code(), scope.code()));
    }
    Agency unit = agencies.findByCode(code.unitCode()).orElse(null);
    if (unit == null || !unit.isWithin(scope)) {
      problems.add(new FieldProblem("code", "sync.codeUnit", code.unitCode(), scope.code()));
    }
    LocalDate receivedOn = r.receivedAt().atZone(WorkingCalendar.ZONE).toLocalDate();
    if (!code.date().equals(receivedOn)) {
      problems.add(
          new FieldProblem("code", "sync.codeDate", code.date().toString(), receivedOn.toString()));
    }
    if (changes.isEmpty()) {
      problems.add(new FieldProblem("changes", "sync.changesRequired"));
    }
    checkNumbering(changes, 0, problems);
    Map<String, Agency> targets = targets(changes, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Reporting reporting = reporting(procedure, r, scope, publisher);
    Numbered first = changes.get(0);
    Dossier d =
        apply(
            first,
            () ->
                Dossier.reported(
                    code,
                    procedure,
                    agency,
                    r.channel(),
                    r.applicant(),
                    r.receivedAt(),
                    reported(first, targets),
                    reporting));
    for (Numbered n : changes.subList(1, changes.size())) {
      apply(n, () -> d.report(reported(n, targets), reporting));
    }
    em.persist(d);
    dossiers.claim(code);
    em.flush();
    announce(d, 0);
    return Outcome.CREATED;
  }

  private Outcome update(
      Dossier d,
      PublishedDossier r,
      List<Numbered> changes,
      Agency scope,
      Publisher publisher,
      List<FieldProblem> problems) {
    boolean inScope = d.agency().isWithin(scope);
    String code = d.code().toString();
    FieldProblem identity = identityDifference(d, r);
    Map<Integer, StatusChange> stored = new HashMap<>();
    for (StatusChange c : d.history()) {
      if (c.reportedBy().filter(scope.code()::equals).isPresent()) {
        stored.put(c.reportedSeq().orElseThrow(), c);
      }
    }
    int last = stored.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Numbered> fresh = new ArrayList<>();
    List<FieldProblem> differences = new ArrayList<>();
    for (Numbered n : changes) {
      StatusChange s = stored.get(n.change().seq());
      if (s != null) {
        String differs = difference(s, n.change());
        if (differs != null) {
          differences.add(
              new FieldProblem(n.field(null), "sync.changeDiffers", n.change().seq(), differs));
        }
      } else {
        fresh.add(n);
      }
    }
    if (!inScope) {
      // someone else's dossier: only a replay of what this system stored may pass, unanswered
      if (fresh.isEmpty() && identity == null && differences.isEmpty() && problems.isEmpty()) {
        return Outcome.UNCHANGED;
      }
      throw new InvalidInputException("code", "sync.notYours", code, scope.code());
    }
    if (identity != null) {
      problems.add(identity);
    }
    problems.addAll(differences);
    checkNumbering(fresh, last, problems);
    Map<String, Agency> targets = targets(fresh, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (fresh.isEmpty()) {
      return Outcome.UNCHANGED;
    }
    Reporting reporting = reporting(d.procedure(), r, scope, publisher);
    int before = d.history().size();
    for (Numbered n : fresh) {
      apply(n, () -> d.report(reported(n, targets), reporting));
    }
    em.flush();
    announce(d, before);
    return Outcome.UPDATED;
  }

  /**
   * The first way a record differs from the stored dossier it names, or null: the field, and the
   * stored and the sent values where they are no personal data.
   */
  private static FieldProblem identityDifference(Dossier d, PublishedDossier r) {
    String code = d.code().toString();
    if (!d.procedure().code().equals(r.procedureCode())) {
      return differs(code, "procedureCode", d.procedure().code(), r.procedureCode());
    }
    if (!d.receivingAgency().code().equals(r.agencyCode())) {
      return differs(code, "agencyCode", d.receivingAgency().code(), r.agencyCode());
    }
    if (d.channel() != r.channel()) {
      return differs(code, "channel", d.channel().name(), r.channel().name());
    }
    if (!seconds(d.receivedAt()).equals(seconds(r.receivedAt()))) {
      return differs(code, "receivedAt", d.receivedAt().toString(), r.receivedAt().toString());
    }
    if (d.applicant().type() != r.applicant().type()) {
      return differs(
          code, "applicant.type", d.applicant().type().name(), r.applicant().type().name());
    }
    if (!d.applicant().idNumber().equals(r.applicant().idNumber())) {
      return new FieldProblem(
          "applicant.idNumber", "sync.identityDiffers", code, "applicant.idNumber");
    }
    return null;
  }

  private static FieldProblem differs(String code, String field, String stored, String sent) {
    return new FieldProblem(field, "sync.identityDiffersValue", code, field, stored, sent);
  }

  /**
   * How a stored step differs from the change sent again under its number (the members that
   * differ), or null when it is the same: status, moment and note always; due moment and agency
   * when the change names them.
   */
  private static String difference(StatusChange s, PublishedChange c) {
    StringJoiner out = new StringJoiner(", ");
    if (s.to() != c.status()) {
      out.add("status");
    }
    if (!seconds(s.at()).equals(seconds(c.at()))) {
      out.add("at");
    }
    if (c.dueAt() != null
        && (s.dueAt() == null || !seconds(c.dueAt()).equals(seconds(s.dueAt())))) {
      out.add("dueAt");
    }
    if (c.agencyCode() != null
        && (s.agency() == null || !c.agencyCode().equals(s.agency().code()))) {
      out.add("agencyCode");
    }
    if (!Objects.equals(clean(c.note()), s.note())) {
      out.add("note");
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** New changes must continue the numbers stored: {@code last + 1}, {@code last + 2} ... */
  private static void checkNumbering(List<Numbered> fresh, int last, List<FieldProblem> problems) {
    int expected = last + 1;
    for (Numbered n : fresh) {
      if (n.change().seq() != expected) {
        problems.add(new FieldProblem(n.field("seq"), "sync.seqGap", expected, n.change().seq()));
        return;
      }
      expected++;
    }
  }

  /** The agencies the changes hand the dossier to, by code; an unknown one is a problem. */
  private Map<String, Agency> targets(List<Numbered> changes, List<FieldProblem> problems) {
    Map<String, Agency> out = new HashMap<>();
    for (Numbered n : changes) {
      String target = n.change().agencyCode();
      if (target != null && !out.containsKey(target)) {
        Optional<Agency> a = agencies.findByCode(target);
        if (a.isPresent()) {
          out.put(target, a.get());
        } else {
          problems.add(new FieldProblem(n.field("agencyCode"), "agency.notFound", target));
        }
      }
    }
    return out;
  }

  private Reporting reporting(
      Procedure procedure, PublishedDossier r, Agency scope, Publisher publisher) {
    return new Reporting(
        scope.code(),
        publisher.username(),
        r.dueAt(),
        TimeLimitRule.of(procedure.details()),
        calendars.calendar());
  }

  private static ReportedChange reported(Numbered n, Map<String, Agency> targets) {
    PublishedChange c = n.change();
    return new ReportedChange(
        c.seq(),
        c.status(),
        c.at(),
        c.dueAt(),
        c.agencyCode() == null ? null : targets.get(c.agencyCode()),
        c.note());
  }

  /** Runs a step of the dossier, naming the change in the problem when the dossier refuses it. */
  private static <T> T apply(Numbered n, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          e.problems().stream()
              .map(p -> new FieldProblem(n.field(p.field()), p.messageKey(), p.args()))
              .toList());
    } catch (ActionRefusedException e) {
      throw new InvalidInputException(n.field("status"), e.messageKey(), e.args());
    }
  }

  /** Tells the statistics (same transaction) and the tracking cache and e-mail (per step). */
  private void announce(Dossier d, int stepsBefore) {
    changed.fire(new DossierChanged(d, stepsBefore));
    List<StatusChange> history = d.history();
    for (StatusChange c : history.subList(stepsBefore, history.size())) {
      statusChanges.fire(StatusChanged.of(d, c));
    }
  }

  /**
   * A moment to the second: what the sync compares, since a database may keep no fractions (a
   * dossier the portal received has them in memory, not always in the row).
   */
  private static Instant seconds(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static String clean(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }
}
