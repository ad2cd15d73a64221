package org.opendvc.portal.web.tracking;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.dossier.TrackingService;
import org.opendvc.portal.dossier.TrackingView;
import org.opendvc.portal.http.TrackingGuard;
import org.opendvc.portal.satisfaction.RatingService;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.RatingForm;

/**
 * Public tracking, {@code /tracking/{code}}: the receipt's QR code lands here with the code; the
 * visitor types the applicant's ID number, which is sent by POST so it stays out of addresses and
 * logs. A wrong ID number and an unknown code read the same; guessing is slowed down. The code
 * comes from the short address, else from {@code code} (the page's {@code <f:viewParam>}: {@code
 * /tracking?code=} or the form's field); the ID number and the rating are posted fields.
 */
@Named
@RequestScoped
public class TrackingPage {

  @Inject private TrackingService tracking;
  @Inject private TrackingGuard guard;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private RatingService ratings;
  @Inject private PageText text;

  // bound from the request by the page's <f:viewParam>
  private String codeParam;

  private String code;
  private TrackingView dossier;
  private boolean notFound;
  private long waitSeconds;
  private String idNumber;
  private RatingService.Standing standing;
  private boolean rated;
  private final List<String> ratingNotices = new java.util.ArrayList<>();

  /** One step of the timeline, formatted for the page. */
  public record Step(String status, String at, String unit, String note) {}

  public void load() {
    Object fromPath = request.getAttribute(PageRoutes.CODE);
    code = fromPath != null ? fromPath.toString() : trim(codeParam);
    String idNumber =
        "POST".equals(request.getMethod()) ? trim(request.getParameter("idNumber")) : null;
    if (code == null || idNumber == null) {
      return;
    }
    String client = request.getRemoteAddr();
    waitSeconds = guard.secondsToWait(client, code);
    if (waitSeconds > 0) {
      return;
    }
    if (request.getParameter("rate") != null) {
      rate(idNumber);
    }
    dossier = tracking.track(code, idNumber).orElse(null);
    if (dossier == null) {
      notFound = true;
      guard.failed(client, code);
      return;
    }
    this.idNumber = idNumber;
    standing = ratings.standingWithIdNumber(code, idNumber).orElse(null);
  }

  /** Rates the dossier with the posted scores; problems are shown above the form. */
  private void rate(String idNumber) {
    try {
      ratings.rateWithIdNumber(code, idNumber, RatingForm.read(request));
      rated = true;
    } catch (NotFoundException e) {
      // tracked below: an unknown code or a wrong number reads as not found there
    } catch (ActionRefusedException e) {
      ratingNotices.add(Messages.get(locale(), e.messageKey(), e.args()));
    } catch (InvalidInputException e) {
      ratingNotices.addAll(RatingForm.notices(e, text, locale()));
    }
  }

  /** Where the dossier stands for its rating: NOT_FINISHED, OPEN or RATED (null: not found). */
  public String getRatingStanding() {
    return standing == null ? null : standing.name();
  }

  /** The ID number just typed, sent back with the rating form (by POST, never in an address). */
  public String getIdNumber() {
    return idNumber;
  }

  /** Whether a rating was just recorded. */
  public boolean isRated() {
    return rated;
  }

  public List<String> getRatingNotices() {
    return ratingNotices;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Locale locale() {
    return language.getLocale();
  }

  private static String format(Instant t) {
    return Formats.when(t);
  }

  public String getCode() {
    return code;
  }

  public String getCodeParam() {
    return codeParam;
  }

  public void setCodeParam(String codeParam) {
    this.codeParam = codeParam;
  }

  public boolean isFound() {
    return dossier != null;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public long getWaitSeconds() {
    return waitSeconds;
  }

  public String getStatus() {
    return Messages.get(locale(), dossier.status().messageKey());
  }

  public String getStatusKey() {
    return dossier.status().key();
  }

  public String getProcedure() {
    return dossier.procedureName();
  }

  public String getAgency() {
    return dossier.agencyName();
  }

  public String getReceivedAt() {
    return format(dossier.receivedAt());
  }

  public String getDueAt() {
    return format(dossier.dueAt());
  }

  public String getFinishedAt() {
    return format(dossier.finishedAt());
  }

  public String getTimeliness() {
    return Timeliness.label(dossier.timeliness(Instant.now()), locale());
  }

  public List<Step> getSteps() {
    return dossier.history().stream()
        .map(
            c ->
                new Step(
                    Messages.get(locale(), c.status().messageKey()),
                    format(c.at()),
                    c.unitLabel(),
                    Messages.get(locale(), c.labelKey())))
        .toList();
  }
}
