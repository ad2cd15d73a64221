package org.opendvc.portal.web.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.satisfaction.KioskService;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.Redirects;

/**
 * {@code /kiosk/{desk}}: the counter kiosk, full screen on a tablet at a one-stop desk. The officer
 * opens it signed in; each person served then taps one of five buttons (each a POST form with the
 * session's form token, no script), sees a thank-you screen that goes back to the question by
 * itself, and the next person rates afresh. The page links nowhere else.
 */
@Named
@RequestScoped
public class KioskPage {

  /** Seconds the thank-you screen stays before the question comes back. */
  static final int THANKS_SECONDS = 5;

  /**
   * Seconds after which the waiting question reloads itself: well within the session's 30 minutes,
   * so an open kiosk stays signed in between customers.
   */
  static final int KEEP_ALIVE_SECONDS = 600;

  @Inject private KioskService kiosk;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;

  private KioskService.Desk desk;
  private boolean thanks;
  // bound from the request by the page's <f:viewParam>s
  private String thanksParam;
  private String score;

  public void load() {
    try {
      desk = kiosk.open(PageRoutes.code(request).orElse(null), user.caller());
    } catch (NotFoundException e) {
      NotFound.send();
      return;
    } catch (ForbiddenException e) {
      forbidden();
      return;
    }
    if ("POST".equals(request.getMethod())) {
      rate();
      return;
    }
    thanks = "1".equals(thanksParam);
  }

  /**
   * Takes a tap: counted, it goes on to the thank-you screen; refused (no form token, too soon
   * after the previous tap, not a score), back to the question. Either way by 303, so a reload
   * never posts again.
   */
  private void rate() {
    boolean counted = false;
    if (user.isTrustedPost()) {
      try {
        counted = kiosk.rate(desk.code(), score(score), user.caller()).isPresent();
      } catch (InvalidInputException e) {
        counted = false;
      }
    }
    Redirects.seeOther(
        getPath().substring(request.getContextPath().length()) + (counted ? "?thanks=1" : ""));
  }

  private static Integer score(String value) {
    return value != null && value.matches("[0-9]") ? Integer.valueOf(value) : null;
  }

  private static void forbidden() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public String getThanksParam() {
    return thanksParam;
  }

  public void setThanksParam(String thanksParam) {
    this.thanksParam = thanksParam;
  }

  public String getScore() {
    return score;
  }

  public void setScore(String score) {
    this.score = score;
  }

  /** The kiosk's own address, where every button posts and every screen returns. */
  public String getPath() {
    return request.getContextPath() + "/kiosk/" + desk.code();
  }

  public String getDesk() {
    return desk.code();
  }

  public String getAgency() {
    return desk.agencyName();
  }

  public String getOfficer() {
    return user.getName();
  }

  public boolean isThanks() {
    return thanks;
  }

  public int getThanksSeconds() {
    return THANKS_SECONDS;
  }

  public int getKeepAliveSeconds() {
    return KEEP_ALIVE_SECONDS;
  }

  /** The scores, from 5 (very satisfied) down to 1. */
  public List<Integer> getScores() {
    return List.of(5, 4, 3, 2, 1);
  }
}
