package org.opendvc.portal.feedback;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureRepository;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.Page;

/**
 * Receiving feedback and the agency's handling of it (docs/feedback.md). The deadlines are counted
 * on the working calendar: refuse within 2 working days, answer within 15, publish within 2 of
 * answering.
 */
@Stateless
public class FeedbackService {

  public static final int REFUSE_DAYS = 2;
  public static final int ANSWER_DAYS = 15;
  public static final int PUBLISH_DAYS = 2;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,15}");
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private AgencyRepository agencies;
  @Inject private ProcedureRepository procedures;
  @Inject private DossierService dossiers;
  @Inject private CalendarService calendar;
  @Inject private Clock clock;

  /** Receives a feedback; every problem of the input is reported at once, nothing is written. */
  public Feedback submit(FeedbackCommand cmd, Optional<String> account) {
    List<FieldProblem> problems = new ArrayList<>();
    Feedback.Subject subject = null;
    if (blank(cmd.subject())) {
      problems.add(new FieldProblem("subject", "feedback.subjectRequired"));
    } else {
      try {
        subject = Feedback.Subject.valueOf(cmd.subject().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("subject", "feedback.subjectInvalid", cmd.subject()));
      }
    }
    String title = text("title", cmd.title(), Feedback.TITLE_MAX, true, problems);
    String content = text("content", cmd.content(), Feedback.CONTENT_MAX, true, problems);
    String name = text("name", cmd.name(), 255, false, problems);
    String email = text("email", cmd.email(), 255, true, problems);
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add(new FieldProblem("email", "feedback.emailInvalid", email));
    }
    String phone = text("phone", cmd.phone(), 30, false, problems);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(new FieldProblem("phone", "feedback.phoneInvalid", phone));
    }
    Agency agency = null;
    Procedure procedure = null;
    Long dossierId = null;
    if (subject == Feedback.Subject.PROCEDURE) {
      procedure =
          lookup(
              "procedureCode",
              cmd.procedureCode(),
              procedures::findByCode,
              "procedure.notFound",
              problems);
    }
    if (subject == Feedback.Subject.PROCEDURE || subject == Feedback.Subject.AGENCY) {
      agency =
          lookup("agencyCode", cmd.agencyCode(), agencies::findByCode, "agency.notFound", problems);
    }
    if (subject == Feedback.Subject.DOSSIER) {
      Optional<Dossier> d =
          blank(cmd.dossierCode())
              ? Optional.empty()
              : dossiers.ofApplicant(cmd.dossierCode().strip(), cmd.idNumber());
      if (d.isEmpty()) {
        problems.add(new FieldProblem("dossierCode", "feedback.dossierNotFound"));
      } else {
        agency = d.get().agency();
        procedure = d.get().procedure();
        dossierId = d.get().id();
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    Feedback f =
        new Feedback(
            newCode(now),
            subject,
            agency,
            procedure,
            dossierId,
            title,
            content,
            new Feedback.Sender(name, email, phone, account.orElse(null)),
            now,
            calendar.due(now, REFUSE_DAYS, TimeLimitUnit.WORKING_DAYS),
            calendar.due(now, ANSWER_DAYS, TimeLimitUnit.WORKING_DAYS));
    em.persist(f);
    return f;
  }

  /** A feedback by its code (the code is what the sender keeps to follow it). */
  public Feedback get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("feedback.notFound", code));
  }

  /**
   * The agency acts: {@code REFUSE} with the reason, {@code ANSWER} with the answer, or {@code
   * PUBLISH} the answer. Only the agency's officers and admins; others cannot see it.
   */
  public Feedback act(String code, String action, String text, Caller caller) {
    Feedback f = get(code);
    if (!(caller.role() == Role.ADMIN || caller.isOfficerOf(f.agency().code()))) {
      throw new NotFoundException("feedback.notFound", code);
    }
    Instant now = clock.instant();
    String a = action == null ? "" : action.strip().toUpperCase(Locale.ROOT);
    switch (a) {
      case "REFUSE" -> f.refuse(required("reason", text), caller.username(), now);
      case "ANSWER" ->
          f.answer(
              required("answer", text),
              caller.username(),
              now,
              calendar.due(now, PUBLISH_DAYS, TimeLimitUnit.WORKING_DAYS));
      case "PUBLISH" -> f.publish(now);
      default ->
          throw new InvalidInputException(
              "action", "feedback.actionInvalid", action, "REFUSE, ANSWER, PUBLISH");
    }
    return f;
  }

  /** The feedback an officer's agency must handle, oldest deadline first. */
  public Page<Feedback> inbox(Caller caller, Optional<FeedbackStatus> status, int page, int size) {
    if (caller.agencyCode() == null) {
      throw new org.opendvc.portal.dossier.ForbiddenException("feedback.officerOnly");
    }
    String where =
        " FROM Feedback f WHERE f.agency.code = :agency"
            + (status.isPresent() ? " AND f.status = :status" : "");
    var items =
        em.createQuery("SELECT f" + where + " ORDER BY f.resolveBy, f.id", Feedback.class)
            .setParameter("agency", caller.agencyCode());
    var count =
        em.createQuery("SELECT COUNT(f)" + where, Long.class)
            .setParameter("agency", caller.agencyCode());
    status.ifPresent(
        s -> {
          items.setParameter("status", s);
          count.setParameter("status", s);
        });
    return new Page<>(
        items.setFirstResult(page * size).setMaxResults(size).getResultList(),
        count.getSingleResult(),
        page,
        size);
  }

  /** Published feedback, newest first, of an agency or all; pages counted from 0. */
  public Page<Feedback> published(Optional<String> agencyCode, int page, int size) {
    String where =
        " FROM Feedback f WHERE f.status = :published"
            + (agencyCode.isPresent() ? " AND f.agency.code = :agency" : "");
    var items =
        em.createQuery(
                "SELECT f" + where + " ORDER BY f.publishedAt DESC, f.id DESC", Feedback.class)
            .setParameter("published", FeedbackStatus.PUBLISHED);
    var count =
        em.createQuery("SELECT COUNT(f)" + where, Long.class)
            .setParameter("published", FeedbackStatus.PUBLISHED);
    agencyCode.ifPresent(
        a -> {
          items.setParameter("agency", a);
          count.setParameter("agency", a);
        });
    return new Page<>(
        items.setFirstResult(page * size).setMaxResults(size).getResultList(),
        count.getSingleResult(),
        page,
        size);
  }

  /** An agency's feedback waiting for its answer: how many, and how many past the deadline. */
  public record Waiting(long waiting, long overdue) {}

  /** The feedback an agency has not answered yet. */
  public Waiting waiting(String agencyCode) {
    Instant now = clock.instant();
    long waiting =
        em.createQuery(
                "SELECT COUNT(f) FROM Feedback f WHERE f.agency.code = :agency"
                    + " AND f.status = :received",
                Long.class)
            .setParameter("agency", agencyCode)
            .setParameter("received", FeedbackStatus.RECEIVED)
            .getSingleResult();
    long overdue =
        em.createQuery(
                "SELECT COUNT(f) FROM Feedback f WHERE f.agency.code = :agency"
                    + " AND f.status = :received AND f.resolveBy < :now",
                Long.class)
            .setParameter("agency", agencyCode)
            .setParameter("received", FeedbackStatus.RECEIVED)
            .setParameter("now", now)
            .getSingleResult();
    return new Waiting(waiting, overdue);
  }

  /** The current moment, for the deadlines shown. */
  public Instant now() {
    return clock.instant();
  }

  private Optional<Feedback> find(String code) {
    if (blank(code)) {
      return Optional.empty();
    }
    return em.createQuery("SELECT f FROM Feedback f WHERE f.code = :code", Feedback.class)
        .setParameter("code", code.strip().toUpperCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  private static String newCode(Instant now) {
    StringBuilder b =
        new StringBuilder("PA-")
            .append(YYMMDD.format(LocalDate.ofInstant(now, WorkingCalendar.ZONE)))
            .append('-');
    for (int i = 0; i < 6; i++) {
      b.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
    }
    return b.toString();
  }

  private static <T> T lookup(
      String field,
      String code,
      java.util.function.Function<String, Optional<T>> finder,
      String notFound,
      List<FieldProblem> problems) {
    if (blank(code)) {
      problems.add(new FieldProblem(field, "feedback.required", field));
      return null;
    }
    Optional<T> found = finder.apply(code.strip());
    if (found.isEmpty()) {
      problems.add(new FieldProblem(field, notFound, code.strip()));
      return null;
    }
    return found.get();
  }

  private static String required(String field, String text) {
    if (blank(text)) {
      throw new InvalidInputException(field, "feedback.required", field);
    }
    String t = text.strip();
    if (t.length() > Feedback.CONTENT_MAX) {
      throw new InvalidInputException(field, "feedback.tooLong", field, Feedback.CONTENT_MAX);
    }
    return t;
  }

  private static String text(
      String field, String value, int max, boolean needed, List<FieldProblem> problems) {
    if (blank(value)) {
      if (needed) {
        problems.add(new FieldProblem(field, "feedback.required", field));
      }
      return null;
    }
    String t = value.strip();
    if (t.length() > max) {
      problems.add(new FieldProblem(field, "feedback.tooLong", field, max));
      return null;
    }
    return t;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
