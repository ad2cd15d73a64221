package org.opendvc.portal.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.SignInThrottle;
import org.opendvc.portal.web.shared.Redirects;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * {@code /login}: the sign-in form for people. A wrong name and a wrong password read the same;
 * after repeated failures from one address, or for one name, sign-in waits a while. On success the
 * person goes back to the page they asked for ({@code next}, only ever a path of this portal) or to
 * their role's home page. {@code next} is the page's {@code <f:viewParam>}: a query parameter of
 * the form's address, then a hidden field of the form itself.
 */
@Named
@RequestScoped
public class LoginPage {

  @Inject private AccountService accounts;
  @Inject private HttpServletRequest request;
  @Inject private SignInThrottle throttle;

  // bound from the request by the page's <f:viewParam>
  private String nextParam;

  private String username;
  private String next;
  private boolean failed;
  private boolean systemAccount;
  private long waitSeconds;

  public void submit() {
    next = safeNext(nextParam);
    if (!"POST".equals(request.getMethod())) {
      Optional<SignedIn> already = Sessions.current(request);
      if (already.isPresent()) {
        redirect(next != null ? next : already.get().homePath());
      }
      return;
    }
    username = trim(request.getParameter("username"));
    String password = request.getParameter("password");
    if (username == null || password == null || password.isEmpty()) {
      failed = true;
      return;
    }
    String client = request.getRemoteAddr();
    waitSeconds = throttle.secondsToWait(client, username);
    if (waitSeconds > 0) {
      return;
    }
    Optional<Account> account = accounts.authenticate(username, password);
    if (account.isEmpty()) {
      throttle.failed(client, username);
      failed = true;
      return;
    }
    throttle.succeeded(client, username);
    if (!account.get().role().isPerson()) {
      // an agency's case software publishes through the API; it has no pages
      systemAccount = true;
      return;
    }
    SignedIn signedIn = Sessions.start(request, account.get());
    redirect(next != null ? next : signedIn.homePath());
  }

  /**
   * Only a path of this portal: one leading slash, no scheme, no "//" (another host), no backslash
   * (browsers read it as a slash) and no control characters.
   */
  static String safeNext(String candidate) {
    if (candidate == null
        || candidate.length() > 500
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.contains("\\")
        || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || candidate.startsWith("/login")) {
      return null;
    }
    return candidate;
  }

  private static void redirect(String path) {
    Redirects.seeOther(path);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getUsername() {
    return username;
  }

  /** Where to go after signing in: a path of this portal, or null. */
  public String getNext() {
    return next;
  }

  public String getNextParam() {
    return nextParam;
  }

  public void setNextParam(String nextParam) {
    this.nextParam = nextParam;
  }

  public boolean isFailed() {
    return failed;
  }

  /** The account is an agency system's, which uses the API only. */
  public boolean isSystemAccount() {
    return systemAccount;
  }

  public long getWaitSeconds() {
    return waitSeconds;
  }
}
