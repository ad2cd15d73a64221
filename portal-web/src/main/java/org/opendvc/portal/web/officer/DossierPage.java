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
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.UploadLimits;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.dossier.DossierView;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.Redirects;

/**
 * One dossier for the officers of the agency handling it, {@code /officer/dossiers/{code}}:
 * everything about it, and one form per action its status allows now for this officer ({@link
 * DossierAction#allowedFor}). A form acts only when it carries the session's form token; it sends
 * the version the officer saw, so acting on a dossier someone else changed meanwhile is refused
 * with a notice, as is an action no longer allowed. Another agency's dossier is a 404. The dossier
 * itself is shown by the shared {@link DossierView}; this page adds the officer's actions, files
 * form, payments and evaluation. Its parameters ({@code done}, {@code received} and the action
 * forms' fields) are bound by the page's {@code <f:viewParam>}s.
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
  @Inject private DossierView view;
  @Inject private org.opendvc.portal.scoring.ScorecardService scorecards;
  @Inject private org.opendvc.portal.satisfaction.RatingService ratings;

  /** Page text, with arguments when given. */
  private String t(String key, Object... args) {
    String pattern = text.get(key);
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale()).format(args);
  }

  private Dossier dossier;
  private String notice;
  private String failedAction;
  private Map<String, String> errors = Map.of();
  private OfficerFilesServlet.Flash fileFlash;

  // bound from the request by the page's <f:viewParam>s: the notices of a GET...
  private String done;
  private String received;
  // ...and the fields of the posted action form
  private String action;
  private String expectedVersion;
  private String reason;
  private String note;
  private String targetAgencyCode;
  private String newDueDate;
  private String amount;
  private String resultDelivery;

  /**
   * An action the officer may take now, with the inputs it needs; {@code missingResult} when it is
   * RESOLVE of an online dossier that has no result document yet: the form warns that it will be
   * resolved without an electronic result (a paper at the desk or posted), and lets it through.
   */
  public record Action(
      String name,
      String label,
      boolean needsReason,
      boolean needsTarget,
      boolean needsNewDue,
      String reasonLabel,
      boolean needsAmount,
      boolean missingResult) {}

  /** A choice of the upload form: what the file is (the result, or a component's paper). */
  public record UploadTarget(String value, String label) {}

  public void load() {
    String code = PageRoutes.code(request).orElse("null");
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
    view.show(dossier, user.caller(), "/officer/files/" + dossier.code() + "/");
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(OfficerFilesServlet.FLASH) instanceof OfficerFilesServlet.Flash f
        && f.code().equals(dossier.code().toString())) {
      session.removeAttribute(OfficerFilesServlet.FLASH);
      fileFlash = f;
    }
    String d = Formats.trim(done);
    done = d != null && d.matches("[A-Z_]{3,30}") ? d : null;
  }

  /** Applies the posted action; true when the request is answered (303 or 404). */
  private boolean act(String code) {
    String action = Formats.trim(this.action);
    failedAction = action;
    Integer expected;
    try {
      expected = Integer.valueOf(String.valueOf(expectedVersion).strip());
    } catch (NumberFormatException e) {
      expected = -1; // a form without the version it was built from: treat as stale
    }
    String note = Formats.trim(reason) != null ? Formats.trim(reason) : Formats.trim(this.note);
    String delivery = Formats.trim(resultDelivery);
    if ("RESOLVE".equals(action) && ("desk".equals(delivery) || "post".equals(delivery))) {
      // a paper result: how it reaches the applicant goes into the step's note
      String how = t("officer.resultDelivery." + delivery);
      note = note == null ? how : how + ": " + note;
    }
    try {
      Instant newDue = newDueAt(Formats.trim(newDueDate));
      Long amount = amount(this.amount);
      Dossier d =
          dossiers.act(
              code,
              new ActionCommand(
                  action, note, Formats.trim(targetAgencyCode), newDue, expected, amount),
              user.caller());
      if (!user.caller().isOfficerOf(d.agency().code())) {
        // transferred away: this officer no longer sees it
        Redirects.seeOther(
            WorkListPage.link(null, null, false, false, null, null, 1)
                .concat("?transferred=")
                .concat(d.code().toString()));
      } else {
        Redirects.seeOther("/officer/dossiers/" + d.code() + "?done=" + action);
      }
      return true;
    } catch (NotFoundException e) {
      NotFound.send();
      return true;
    } catch (ActionRefusedException e) {
      notice =
          "dossier.stale".equals(e.messageKey())
              ? t("officer.stale")
              : "dossier.resultRequired".equals(e.messageKey())
                  ? t("officer.files.resultRequired")
                  : t("officer.notAllowed")
                      + " "
                      + Messages.get(locale(), e.messageKey(), e.args());
    } catch (ForbiddenException e) {
      notice = t("officer.notAllowed");
    } catch (InvalidInputException e) {
      errors =
          Formats.byField(
              e.problems(),
              locale(),
              Map.of(
                  "newDueAt",
                  t("officer.newDueDate"),
                  "reason",
                  t("officer.reason"),
                  "amount",
                  t("officer.amount")));
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
      return LocalDate.parse(date)
          .atTime(LocalTime.of(17, 0))
          .atZone(WorkingCalendar.ZONE)
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
      evaluation =
          dossier == null ? null : scorecards.evaluation(dossier.code().toString()).orElse(null);
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
    return text.format(
        "officer.evaluation.points",
        f.format(evaluation().points()),
        evaluation().measuredMax(),
        org.opendvc.portal.scoring.Circular01.MAX);
  }

  public List<CriterionView> getEvaluation() {
    return evaluation().criteria().stream()
        .map(
            c ->
                new CriterionView(
                    text.get("evaluation.criterion." + c.key()),
                    c.points() == null
                        ? text.get(
                            c.status() == org.opendvc.portal.scoring.Scorecard.Status.NOT_MEASURED
                                ? "scorecard.notMeasured"
                                : "scorecard.noData")
                        : c.points() + " / 2"))
        .toList();
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
    return ratings
        .ratingOf(dossier.code().toString(), user.caller())
        .map(
            r -> {
              List<CriterionView> out = new java.util.ArrayList<>();
              for (org.opendvc.portal.satisfaction.Element e :
                  org.opendvc.portal.satisfaction.Element.values()) {
                out.add(
                    new CriterionView(
                        text.get("rating.element." + e.key()),
                        text.get("rating.score." + r.scores().of(e))));
              }
              r.comment()
                  .ifPresent(c -> out.add(new CriterionView(text.get("rating.comment.label"), c)));
              return out;
            })
        .orElse(List.of());
  }

  public boolean isFound() {
    return dossier != null;
  }

  public String getCode() {
    return dossier.code().toString();
  }

  public String getChannel() {
    return t("officer.channel." + dossier.channel().name());
  }

  public String getApplicantType() {
    return t("officer.applicantType." + dossier.applicant().type().name());
  }

  public List<Action> getActions() {
    Set<DossierAction> allowed = DossierAction.allowedFor(dossier, user.caller());
    List<Action> out = new ArrayList<>();
    for (DossierAction a : allowed) {
      if (a == DossierAction.REQUEST_PAYMENT && !isPaymentRequestable()) {
        continue; // it could only fail: the page says why instead (getPaymentUnavailable)
      }
      out.add(
          new Action(
              a.name(),
              t("officer.action." + a.name()),
              a.requiresReason(),
              a == DossierAction.TRANSFER,
              a == DossierAction.APOLOGIZE,
              t(a == DossierAction.REQUEST_SUPPLEMENT ? "officer.missing" : "officer.reason"),
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

  /** Whether an online dossier must have a result document before RESOLVE. */
  public boolean isResultRequired() {
    return dossier.channel() == Channel.ONLINE;
  }

  public boolean hasResult() {
    return view.hasResult();
  }

  /**
   * Whether an online dossier was resolved (or returned) without an electronic result: its result
   * was a paper, and the scorecard counts it as "no electronic result".
   */
  public boolean isResolvedWithoutElectronicResult() {
    return isResultRequired()
        && !hasResult()
        && (dossier.status() == org.opendvc.portal.dossier.DossierStatus.RELEASING
            || dossier.status() == org.opendvc.portal.dossier.DossierStatus.DONE);
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
    if (!action.equals(failedAction)) {
      return null;
    }
    return switch (field) {
      case "reason" -> reason;
      case "note" -> note;
      case "targetAgencyCode" -> targetAgencyCode;
      case "newDueDate" -> newDueDate;
      case "amount" -> amount;
      default -> null;
    };
  }

  public String getNotice() {
    return notice;
  }

  /** Whether the page was opened right after receiving the dossier at the counter. */
  public boolean isReceivedNotice() {
    return received != null;
  }

  /** What the last action did, once it redirected here; null when nothing was done. */
  public String getDoneNotice() {
    return done == null ? null : t("officer.done", t("officer.action." + done));
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getReceived() {
    return received;
  }

  public void setReceived(String received) {
    this.received = received;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getExpectedVersion() {
    return expectedVersion;
  }

  public void setExpectedVersion(String expectedVersion) {
    this.expectedVersion = expectedVersion;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getTargetAgencyCode() {
    return targetAgencyCode;
  }

  public void setTargetAgencyCode(String targetAgencyCode) {
    this.targetAgencyCode = targetAgencyCode;
  }

  public String getNewDueDate() {
    return newDueDate;
  }

  public void setNewDueDate(String newDueDate) {
    this.newDueDate = newDueDate;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getResultDelivery() {
    return resultDelivery;
  }

  public void setResultDelivery(String resultDelivery) {
    this.resultDelivery = resultDelivery;
  }

  public String getReceiptHref() {
    return "/officer/receipts/" + getCode() + ".pdf";
  }

  public String getTrackingHref() {
    return "/tracking/" + getCode();
  }
}
