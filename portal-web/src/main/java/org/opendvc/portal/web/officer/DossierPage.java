package org.opendvc.portal.web.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.ActionCommand;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.EForm;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.dossier.attachment.Attachment;
import org.opendvc.portal.dossier.attachment.AttachmentKind;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.UploadLimits;
import org.opendvc.portal.payment.Payment;
import org.opendvc.portal.payment.PaymentService;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.Redirects;

/**
 * One dossier for the officers of the agency handling it, {@code /officer/dossiers/{code}}:
 * everything about it, and one form per action its status allows now for this officer
 * ({@link DossierAction#allowedFor}). A form acts only when it carries the session's form token;
 * it sends the version the officer saw, so acting on a dossier someone else changed meanwhile is
 * refused with a notice, as is an action no longer allowed. Another agency's dossier is a 404.
 */
@Named("officerDossier")
@RequestScoped
public class DossierPage {

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private org.opendvc.portal.web.shared.PageText text;
  @Inject private AttachmentService attachments;
  @Inject private PaymentService payments;
  @Inject private org.opendvc.portal.scoring.ScorecardService scorecards;
  @Inject private org.opendvc.portal.satisfaction.RatingService ratings;

  /** Page text, with arguments when given. */
  private String t(String key, Object... args) {
    String pattern = text.get(key);
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale()).format(args);
  }

  private Dossier dossier;
  private Instant now;
  private String notice;
  private boolean received;
  private String done;
  private String failedAction;
  private Map<String, String> errors = Map.of();
  private OfficerFilesServlet.Flash fileFlash;
  private List<Attachment> files;
  private final Map<String, String> posted = new HashMap<>();

  /** One step of the history. */
  public record Step(String action, String status, String at, String actor, String unit,
      String note, String dueAt) {}

  /** A form value of the e-form. */
  public record FormValue(String name, String value) {}

  /**
   * An action the officer may take now, with the inputs it needs; {@code missingResult} when it is
   * RESOLVE of an online dossier that has no result document yet: the form warns that it will be
   * resolved without an electronic result (a paper at the desk or posted), and lets it through.
   */
  public record Action(String name, String label, boolean needsReason, boolean needsTarget,
      boolean needsNewDue, String reasonLabel, boolean needsAmount, boolean missingResult) {}

  /** A file of the dossier as the page lists it. */
  public record FileRow(long id, boolean result, String what, String fileName, String type,
      String size, String sha256, String shortSha, String uploadedAt, String uploadedBy,
      String href) {}

  /** A choice of the upload form: what the file is (the result, or a component's paper). */
  public record UploadTarget(String value, String label) {}

  /** An online payment of the dossier. */
  public record PaymentRow(String amount, String status, String statusKey, String provider,
      String reference, String createdAt, String completedAt) {}

  public void load() {
    String code = String.valueOf(request.getAttribute(PageRoutes.CODE));
    if (user.isTrustedPost()) {
      if (act(code)) {
        return;
      }
    }
    try {
      dossier = dossiers.get(code, user.caller());
    } catch (NotFoundException e) {
      NotFound.send();
      return;
    }
    now = Instant.now();
    received = request.getParameter("received") != null;
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(OfficerFilesServlet.FLASH)
        instanceof OfficerFilesServlet.Flash f && f.code().equals(dossier.code().toString())) {
      session.removeAttribute(OfficerFilesServlet.FLASH);
      fileFlash = f;
    }
    String d = Formats.trim(request.getParameter("done"));
    if (d != null && d.matches("[A-Z_]{3,30}")) {
      done = d;
    }
  }

  /** Applies the posted action; true when the request is answered (303 or 404). */
  private boolean act(String code) {
    String action = Formats.trim(request.getParameter("action"));
    failedAction = action;
    for (String field : List.of("reason", "note", "targetAgencyCode", "newDueDate", "amount")) {
      String v = request.getParameter(field);
      if (v != null) {
        posted.put(field, v);
      }
    }
    Integer expected;
    try {
      expected = Integer.valueOf(String.valueOf(request.getParameter("expectedVersion")).strip());
    } catch (NumberFormatException e) {
      expected = -1; // a form without the version it was built from: treat as stale
    }
    String note = Formats.trim(request.getParameter("reason")) != null
        ? Formats.trim(request.getParameter("reason")) : Formats.trim(request.getParameter("note"));
    String delivery = Formats.trim(request.getParameter("resultDelivery"));
    if ("RESOLVE".equals(action) && ("desk".equals(delivery) || "post".equals(delivery))) {
      // a paper result: how it reaches the applicant goes into the step's note
      String how = t("officer.resultDelivery." + delivery);
      note = note == null ? how : how + ": " + note;
    }
    try {
      Instant newDue = newDueAt(Formats.trim(request.getParameter("newDueDate")));
      Long amount = amount(request.getParameter("amount"));
      Dossier d = dossiers.act(code, new ActionCommand(action, note,
          Formats.trim(request.getParameter("targetAgencyCode")), newDue, expected, amount),
          user.caller());
      if (!user.caller().isOfficerOf(d.agency().code())) {
        // transferred away: this officer no longer sees it
        Redirects.seeOther(WorkListPage.link(null, null, false, false, null, null, 1)
            .concat("?transferred=").concat(d.code().toString()));
      } else {
        Redirects.seeOther("/officer/dossiers/" + d.code() + "?done=" + action);
      }
      return true;
    } catch (NotFoundException e) {
      NotFound.send();
      return true;
    } catch (ActionRefusedException e) {
      notice = "dossier.stale".equals(e.messageKey())
          ? t("officer.stale")
          : "dossier.resultRequired".equals(e.messageKey())
              ? t("officer.files.resultRequired")
              : t("officer.notAllowed") + " "
                  + Messages.get(locale(), e.messageKey(), e.args());
    } catch (ForbiddenException e) {
      notice = t("officer.notAllowed");
    } catch (InvalidInputException e) {
      errors = Formats.byField(e.problems(), locale(), Map.of("newDueAt",
          t("officer.newDueDate"), "reason", t("officer.reason"), "amount", t("officer.amount")));
      if (errors.containsKey("action")) {
        notice = errors.get("action");
      }
    }
    return false;
  }

  /**
   * An amount in đồng typed by the officer: digits, optionally grouped by thousands with dots,
   * commas or spaces ("150.000"); null when blank (the service then asks for it).
   */
  static Long amount(String raw) {
    String s = Formats.trim(raw);
    if (s == null) {
      return null;
    }
    s = s.replace(" ", "").replace("\u00a0", "");
    if (s.matches("\\d{1,3}([.,]\\d{3})+")) {
      s = s.replaceAll("[.,]", "");
    }
    if (!s.matches("\\d{1,15}")) {
      throw new InvalidInputException("amount", "dossier.amountRequired");
    }
    return Long.valueOf(s);
  }

  /** A date typed by the officer: the new appointment is at the end of that day's office hours. */
  private static Instant newDueAt(String date) {
    if (date == null) {
      return null;
    }
    try {
      return LocalDate.parse(date).atTime(LocalTime.of(17, 0)).atZone(WorkingCalendar.ZONE)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("newDueAt", "dossier.fieldFormat", "newDueAt");
    }
  }


  private Locale locale() {
    return language.getLocale();
  }

  /** One criterion of the Circular 01 evaluation, as read by the officer. */
  public record CriterionView(String name, String points) {}

  private org.opendvc.portal.scoring.Circular01 evaluation;
  private boolean evaluationRead;

  private org.opendvc.portal.scoring.Circular01 evaluation() {
    if (!evaluationRead) {
      evaluationRead = true;
      evaluation = dossier == null ? null
          : scorecards.evaluation(dossier.code().toString()).orElse(null);
    }
    return evaluation;
  }

  /** Whether the dossier is finished and so has its Circular 01 evaluation. */
  public boolean isEvaluated() {
    return evaluation() != null;
  }

  /** The evaluation's points out of what its measured criteria can give, and out of 18. */
  public String getEvaluationPoints() {
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(language.getLocale());
    return text.format("officer.evaluation.points", f.format(evaluation().points()),
        evaluation().measuredMax(), org.opendvc.portal.scoring.Circular01.MAX);
  }

  public List<CriterionView> getEvaluation() {
    return evaluation().criteria().stream().map(c -> new CriterionView(
        text.get("evaluation.criterion." + c.key()),
        c.points() == null ? text.get(c.status() == org.opendvc.portal.scoring.Scorecard.Status
            .NOT_MEASURED ? "scorecard.notMeasured" : "scorecard.noData")
            : c.points() + " / 2")).toList();
  }

  /** The applicant's rating and comment, when the dossier was rated (for the agency only). */
  public List<CriterionView> getRating() {
    if (rating == null) {
      rating = readRating();
    }
    return rating;
  }

  private List<CriterionView> rating;

  private List<CriterionView> readRating() {
    return ratings.ratingOf(dossier.code().toString(), user.caller()).map(r -> {
      List<CriterionView> out = new java.util.ArrayList<>();
      for (org.opendvc.portal.satisfaction.Element e
          : org.opendvc.portal.satisfaction.Element.values()) {
        out.add(new CriterionView(text.get("rating.element." + e.key()),
            text.get("rating.score." + r.scores().of(e))));
      }
      r.comment().ifPresent(c -> out.add(new CriterionView(text.get("rating.comment.label"), c)));
      return out;
    }).orElse(List.of());
  }

  public boolean isFound() {
    return dossier != null;
  }

  public String getCode() {
    return dossier.code().toString();
  }

  public int getVersion() {
    return dossier.version();
  }

  public String getStatus() {
    return Messages.get(locale(), dossier.status().messageKey());
  }

  public String getStatusKey() {
    return dossier.status().key();
  }

  public String getProcedure() {
    return dossier.procedure().code() + " – " + dossier.procedure().name();
  }

  public String getAgency() {
    return dossier.agency().name();
  }

  public String getReceivingAgency() {
    return dossier.receivingAgency().name();
  }

  public String getChannel() {
    return t("officer.channel." + dossier.channel().name());
  }

  public String getApplicantName() {
    return dossier.applicant().fullName();
  }

  public String getApplicantType() {
    return t("officer.applicantType." + dossier.applicant().type().name());
  }

  public String getIdNumber() {
    return dossier.applicant().idNumber();
  }

  public String getPhone() {
    return dossier.applicant().phone();
  }

  public String getEmail() {
    return dossier.applicant().email();
  }

  public String getAddress() {
    return dossier.applicant().address();
  }

  public String getReceivedAt() {
    return Formats.when(dossier.receivedAt());
  }

  public String getAcceptedAt() {
    return Formats.when(dossier.acceptedAt().orElse(null));
  }

  public String getDueAt() {
    return Formats.when(dossier.dueAt().orElse(null));
  }

  public String getFinishedAt() {
    return Formats.when(dossier.finishedAt().orElse(null));
  }

  public String getTimeliness() {
    return Timeliness.label(dossier.timeliness(now), locale());
  }

  public int getSupplementRequests() {
    return dossier.supplementRequests();
  }

  /** The e-form's answers with their labels, and the papers promised at the counter. */
  public List<FormValue> getFormValues() {
    List<FormValue> out = new ArrayList<>();
    EForm form = EForm.of(dossier.procedure());
    form.answers(dossier.form(), locale())
        .forEach(a -> out.add(new FormValue(a.label(), a.value())));
    List<String> promised = dossier.promisedComponents().stream()
        .map(n -> form.component(n).map(c -> n + ". " + c.name()).orElse(String.valueOf(n)))
        .toList();
    if (!promised.isEmpty()) {
      out.add(new FormValue(t("officer.promised"), String.join("; ", promised)));
    }
    return out;
  }

  /** The names of the units in the timeline, read once per request. */
  private java.util.Map<String, String> unitNames;

  public List<Step> getSteps() {
    List<Step> out = new ArrayList<>();
    if (unitNames == null) {
      unitNames = dossiers.unitNames(dossier);
    }
    java.util.Map<String, String> names = unitNames;
    for (StatusChange c : dossier.history()) {
      out.add(new Step(t("history.step." + c.action()),
          Messages.get(locale(), c.to().messageKey()), Formats.when(c.at()), c.actor(),
          c.unitCode() == null ? null : names.getOrDefault(c.unitCode(), c.unitCode()),
          c.readableNote(locale()), Formats.when(c.dueAt())));
    }
    return out;
  }

  public List<Action> getActions() {
    Set<DossierAction> allowed = DossierAction.allowedFor(dossier, user.caller());
    List<Action> out = new ArrayList<>();
    for (DossierAction a : allowed) {
      if (a == DossierAction.REQUEST_PAYMENT && !isPaymentRequestable()) {
        continue; // it could only fail: the page says why instead (getPaymentUnavailable)
      }
      out.add(new Action(a.name(), t("officer.action." + a.name()),
          a.requiresReason(), a == DossierAction.TRANSFER, a == DossierAction.APOLOGIZE,
          t(a == DossierAction.REQUEST_SUPPLEMENT
              ? "officer.missing" : "officer.reason"),
          a == DossierAction.REQUEST_PAYMENT,
          a == DossierAction.RESOLVE && isResultRequired() && !hasResult()));
    }
    return out;
  }

  private Boolean paymentRequestable;

  /** Whether this dossier may be asked to pay online (level-4 offering, applicant's account). */
  public boolean isPaymentRequestable() {
    if (paymentRequestable == null) {
      paymentRequestable = dossiers.mayRequestPayment(dossier);
    }
    return paymentRequestable;
  }

  /** Shown where REQUEST_PAYMENT would be allowed by status but cannot be asked online. */
  public boolean isPaymentUnavailable() {
    return DossierAction.allowedFor(dossier, user.caller()).contains(DossierAction.REQUEST_PAYMENT)
        && !isPaymentRequestable();
  }

  /** The amount asked of the applicant, "150.000 đ", or null when none was asked. */
  public String getPaymentAmount() {
    return dossier.paymentAmount().map(DossierPage::money).orElse(null);
  }

  public List<PaymentRow> getPayments() {
    List<PaymentRow> out = new ArrayList<>();
    for (Payment p : payments.of(dossier)) {
      out.add(new PaymentRow(money(p.amount()), t("officer.payment.status." + p.status().name()),
          p.status().name(), p.provider(), p.reference(), Formats.when(p.createdAt()),
          Formats.when(p.completedAt().orElse(null))));
    }
    return out;
  }

  static String money(long dong) {
    return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(dong)
        + " đ";
  }

  /** The dossier's files, in upload order. */
  public List<FileRow> getFiles() {
    List<FileRow> out = new ArrayList<>();
    for (Attachment a : files()) {
      boolean result = a.kind() == AttachmentKind.RESULT;
      String what = result ? t("officer.files.result")
          : a.componentNumber().map(n -> n + ". " + a.componentName().orElse("")).orElse("");
      out.add(new FileRow(a.id(), result, what, a.fileName(), a.contentType(), size(a.size()),
          a.sha256(), a.sha256().substring(0, 12), Formats.when(a.uploadedAt()), a.uploadedBy(),
          "/officer/files/" + getCode() + "/" + a.id()));
    }
    return out;
  }

  private List<Attachment> files() {
    if (files == null) {
      files = attachments.visible(dossier, user.caller());
    }
    return files;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** Whether an online dossier must have a result document before RESOLVE. */
  public boolean isResultRequired() {
    return dossier.channel() == Channel.ONLINE;
  }

  public boolean hasResult() {
    return files().stream().anyMatch(a -> a.kind() == AttachmentKind.RESULT);
  }

  /**
   * Whether an online dossier was resolved (or returned) without an electronic result: its result
   * was a paper, and the scorecard counts it as "no electronic result".
   */
  public boolean isResolvedWithoutElectronicResult() {
    return isResultRequired() && !hasResult()
        && (dossier.status() == org.opendvc.portal.dossier.DossierStatus.RELEASING || dossier.status() == org.opendvc.portal.dossier.DossierStatus.DONE);
  }

  /** Whether the officer may add files now (statuses 1, 2, 4, 5, 6 of the own agency). */
  public boolean isUploadAllowed() {
    return user.caller().isOfficerOf(dossier.agency().code())
        && AttachmentService.officerMayUpload(dossier.status());
  }

  /** What an uploaded file may be: the result document first, then each dossier component. */
  public List<UploadTarget> getUploadTargets() {
    List<UploadTarget> out = new ArrayList<>();
    out.add(new UploadTarget("RESULT", t("officer.files.result")));
    for (EForm.Component c : EForm.of(dossier.procedure()).components()) {
      out.add(new UploadTarget(Integer.toString(c.number()), c.number() + ". " + c.name()));
    }
    return out;
  }

  /** The accepted types and the size limit, for the form's hint. */
  public String getUploadLimits() {
    UploadLimits limits = attachments.limits();
    return t("officer.files.limits", limits.typeNames(), limits.maxSizeText());
  }

  /** The outcome of the last upload to this dossier, once; null when none. */
  public String getFileNotice() {
    if (fileFlash == null) {
      return null;
    }
    return fileFlash.detail() == null ? t(fileFlash.key()) : t(fileFlash.key(), fileFlash.detail());
  }

  public boolean isFileNoticeOk() {
    return fileFlash != null && fileFlash.ok();
  }

  public List<DossierService.Choice> getTransferTargets() {
    return dossiers.transferTargets(user.caller());
  }

  /** The error of a field, shown in the form of the action that failed only. */
  public String error(String action, String field) {
    return action.equals(failedAction) ? errors.get(field) : null;
  }

  /** The value posted for a field, kept in the form of the action that failed only. */
  public String posted(String action, String field) {
    return action.equals(failedAction) ? posted.get(field) : null;
  }

  public String getNotice() {
    return notice;
  }

  public boolean isReceived() {
    return received;
  }

  public String getDone() {
    return done == null ? null : t("officer.done",
        t("officer.action." + done));
  }

  public String getReceiptHref() {
    return "/officer/receipts/" + getCode() + ".pdf";
  }

  public String getTrackingHref() {
    return "/tracking/" + getCode();
  }
}
