package org.opendvc.portal.web.shared;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.identity.Account;

/** Where the pages keep the signed-in person: one attribute of the HTTP session. */
public final class Sessions {

  static final String ATTRIBUTE = SignedIn.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sessions() {}

  public static Optional<SignedIn> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return session.getAttribute(ATTRIBUTE) instanceof SignedIn s
        ? Optional.of(s)
        : Optional.empty();
  }

  /**
   * Signs the account in. The session id changes at this moment, so an id planted before the
   * sign-in (session fixation) is worth nothing afterwards.
   */
  public static SignedIn start(HttpServletRequest request, Account account) {
    request.getSession(true);
    request.changeSessionId();
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    SignedIn signedIn =
        new SignedIn(
            account.username(),
            account.role(),
            account.agency().map(a -> a.code()).orElse(null),
            account.fullName(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    request.getSession().setAttribute(ATTRIBUTE, signedIn);
    hardenCookie(request);
    return signedIn;
  }

  /**
   * Writes the session cookie again with what the container leaves out: {@code SameSite=Lax}, so
   * that no other site's form is sent with it, and {@code Secure} when the request came over TLS
   * (directly, or through a proxy that says so in {@code X-Forwarded-Proto}). Other cookies of the
   * answer are kept as they are.
   */
  static void hardenCookie(HttpServletRequest request) {
    if (!(FacesContext.getCurrentInstance() != null
        && FacesContext.getCurrentInstance().getExternalContext().getResponse()
            instanceof HttpServletResponse response)) {
      return;
    }
    String name =
        Optional.ofNullable(request.getServletContext().getSessionCookieConfig().getName())
            .orElse("JSESSIONID");
    boolean tls =
        request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    List<String> others =
        response.getHeaders("Set-Cookie").stream().filter(c -> !c.startsWith(name + "=")).toList();
    response.setHeader(
        "Set-Cookie",
        name
            + "="
            + request.getSession().getId()
            + "; Path="
            + path
            + "; HttpOnly; SameSite=Lax"
            + (tls ? "; Secure" : ""));
    others.forEach(c -> response.addHeader("Set-Cookie", c));
  }

  public static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
