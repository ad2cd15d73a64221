package org.opendvc.portal.web.applicant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opendvc.portal.dossier.ActionCommand;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.payment.Payment;
import org.opendvc.portal.payment.PaymentService;
import org.opendvc.portal.satisfaction.RatingService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.dossier.DossierView;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.RatingForm;
import org.opendvc.portal.web.shared.Redirects;

/**
 * {@code /my/dossiers/{code}}: one of the applicant's own dossiers, with its timeline, its form
 * answers, the receipt, and the actions the owner may take in its status now (withdraw; supplement
 * in status 5; pay in status 6), each a small POST form with the form token and the dossier's
 * version. Another person's dossier and an unknown code are the same 404. A refused or stale action
 * is a notice on the page, never an error page. The dossier itself is shown by the shared {@link
 * DossierView}; the parameters ({@code done}, and the action form's fields) are bound by the page's
 * {@code <f:viewParam>}s.
 */
@Named
@RequestScoped
public class MyDossierPage {

  /** What the applicant's actions may be, in the order the page offers them. */
  static final Set<DossierAction> APPLICANT_ACTIONS =
      Set.of(DossierAction.SUPPLEMENT, DossierAction.PAY, DossierAction.WITHDRAW);

  private static final int NOTE_MAX = 2000;

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;
  @Inject private PaymentService payments;
  @Inject private RatingService ratings;
  @Inject private DossierView view;

  private Dossier dossier;
  private String code;
  private RatingService.Standing ratingStanding;
  private final List<String> notices = new ArrayList<>();
  private String success;
  private String note;

  // bound from the request by the page's <f:viewParam>s
  private String done;
  private String action;
  private String confirm;
  private String expectedVersion;

  /** One answer of the rating: its label and value. */
  public record Answer(String label, String value) {}

  public void load() {
    code = PageRoutes.code(request).orElse(null);
    if (code == null) {
      NotFound.send();
      return;
    }
    if ("POST".equals(request.getMethod())) {
      if (!user.isTrustedPost()) {
        notices.add(text.get("my.formExpired"));
      } else if (act()) {
        return;
      }
    }
    try {
      dossier = dossiers.get(code, user.caller());
    } catch (NotFoundException e) {
      NotFound.send();
      return;
    }
    view.show(
        dossier,
        user.caller(),
        request.getContextPath() + MyFilesServlet.PATH + dossier.code() + "/");
    Object flash = request.getSession().getAttribute(MyFilesServlet.FLASH);
    if (flash != null) {
      request.getSession().removeAttribute(MyFilesServlet.FLASH);
      if (flash.toString().startsWith("!")) {
        notices.add(flash.toString().substring(1));
      } else {
        success = flash.toString();
      }
    }
    if ("submitted".equals(done)) {
      success = text.get("my.done.submitted");
    } else if ("PAY_FAILED".equals(done)) {
      notices.add(text.get("my.done.PAY_FAILED"));
    } else if (done != null && done.matches("[A-Z_]{2,20}")) {
      success = text.get("my.done." + done);
    }
  }

  /** Takes the posted action; true when it succeeded and the answer is a 303. */
  private boolean act() {
    if ("RATE".equals(action)) {
      return rate();
    }
    DossierAction parsed =
        APPLICANT_ACTIONS.stream().filter(a -> a.name().equals(action)).findFirst().orElse(null);
    if (parsed == null) {
      notices.add(text.get("my.actionUnknown"));
      return false;
    }
    note = ApplicantFormat.trim(note, NOTE_MAX);
    if (parsed == DossierAction.WITHDRAW && !"yes".equals(confirm)) {
      notices.add(text.get("my.withdraw.confirmMissing"));
      return false;
    }
    Integer version = ApplicantFormat.version(expectedVersion);
    try {
      if (parsed == DossierAction.PAY) {
        // fees are paid through the payment provider, whose verified callback records PAY
        Payment p = payments.start(code, user.caller());
        String to = p.redirectUrl();
        if (to.startsWith("/")) {
          Redirects.seeOther(to);
        } else {
          FacesContext.getCurrentInstance().getExternalContext().redirect(to);
        }
        return true;
      }
      Dossier d =
          dossiers.act(
              code, new ActionCommand(parsed.name(), note, null, null, version), user.caller());
      Redirects.seeOther("/my/dossiers/" + d.code() + "?done=" + parsed.name());
      return true;
    } catch (NotFoundException e) {
      return false; // shown as 404 by load()
    } catch (ActionRefusedException e) {
      notices.add(
          "dossier.stale".equals(e.messageKey())
              ? text.get("my.stale")
              : Messages.get(locale(), e.messageKey(), e.args()));
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        notices.add(Messages.get(locale(), p.messageKey(), p.args()));
      }
    } catch (ForbiddenException e) {
      notices.add(Messages.get(locale(), e.messageKey()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** Rates the dossier; true when it was rated and the answer is a 303. */
  private boolean rate() {
    try {
      ratings.rateAsOwner(code, RatingForm.read(request), user.caller());
      Redirects.seeOther("/my/dossiers/" + code + "?done=RATE");
      return true;
    } catch (NotFoundException e) {
      return false; // shown as 404 by load()
    } catch (ActionRefusedException e) {
      notices.add(Messages.get(locale(), e.messageKey(), e.args()));
    } catch (ForbiddenException e) {
      notices.add(Messages.get(locale(), e.messageKey()));
    } catch (InvalidInputException e) {
      notices.addAll(RatingForm.notices(e, text, locale()));
    }
    return false;
  }

  private Locale locale() {
    return language.getLocale();
  }

  /** Where the dossier stands for its rating: NOT_FINISHED, OPEN or RATED. */
  public String getRatingStanding() {
    if (ratingStanding == null) {
      ratingStanding = ratings.standing(code, user.caller());
    }
    return ratingStanding.name();
  }

  /** The applicant's rating, element by element, once rated. */
  public List<Answer> getRating() {
    if (rating == null) {
      rating = readRating();
    }
    return rating;
  }

  private List<Answer> rating;

  private List<Answer> readRating() {
    return ratings
        .ratingOf(code, user.caller())
        .map(
            r ->
                java.util.Arrays.stream(org.opendvc.portal.satisfaction.Element.values())
                    .map(
                        e ->
                            new Answer(
                                text.get("rating.element." + e.key()),
                                text.get("rating.score." + r.scores().of(e))))
                    .toList())
        .orElse(List.of());
  }

  public boolean isFound() {
    return dossier != null;
  }

  public String getCode() {
    return dossier == null ? code : dossier.code().toString();
  }

  public List<String> getNotices() {
    return notices;
  }

  public String getSuccess() {
    return success;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }

  public String getExpectedVersion() {
    return expectedVersion;
  }

  public void setExpectedVersion(String expectedVersion) {
    this.expectedVersion = expectedVersion;
  }

  public String getProcedureUrl() {
    return request.getContextPath() + "/procedures/" + dossier.procedure().code();
  }

  public String getChannel() {
    return text.get("my.channel." + dossier.channel().name());
  }

  public String getApplicantType() {
    return text.get("submit.type." + dossier.applicant().type().name());
  }

  public String getReceiptUrl() {
    return request.getContextPath() + ReceiptDownloadServlet.PATH + dossier.code();
  }

  public String getTrackingUrl() {
    return request.getContextPath() + "/tracking/" + dossier.code();
  }

  /** The owner adds files while the dossier waits for acceptance (1) or a supplement (5). */
  public boolean isCanUpload() {
    return dossier.status() == DossierStatus.RECEIVING || dossier.status() == DossierStatus.WAITING;
  }

  public List<Components.Component> getComponents() {
    return Components.of(dossier.procedure().details());
  }

  public String getUploadUrl() {
    return request.getContextPath() + MyFilesServlet.PATH + dossier.code();
  }

  public String getPayAmount() {
    String amount = view.getPaymentAmountNumber();
    return amount.isEmpty() ? "" : text.format("my.pay.amount", amount);
  }

  public boolean isCanWithdraw() {
    return DossierAction.WITHDRAW.allowedIn(dossier.status());
  }

  public boolean isCanSupplement() {
    return DossierAction.SUPPLEMENT.allowedIn(dossier.status());
  }

  public boolean isCanPay() {
    return DossierAction.PAY.allowedIn(dossier.status());
  }

  public boolean isHasActions() {
    return isCanWithdraw() || isCanSupplement() || isCanPay();
  }
}
