package org.opendvc.portal.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * The signed-in person as the pages see it, {@code #{user}}: the header's name and links, the
 * hidden form token, and for page beans the {@link Caller} to hand to the services and the check
 * that a POST really came from one of our own forms.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

  /** The name of the hidden field that carries the session's form token. */
  public static final String TOKEN_FIELD = "formToken";

  @Inject private HttpServletRequest request;

  private Optional<SignedIn> signedIn;

  @PostConstruct
  void load() {
    signedIn = Sessions.current(request);
  }

  public boolean isSignedIn() {
    return signedIn.isPresent();
  }

  public Optional<SignedIn> get() {
    return signedIn;
  }

  /** The signed-in person; the page filter lets nobody else reach the signed-in pages. */
  public SignedIn required() {
    return signedIn.orElseThrow(() -> new IllegalStateException("not signed in"));
  }

  public Caller caller() {
    return required().caller();
  }

  public String getName() {
    return signedIn
        .map(s -> s.fullName() == null || s.fullName().isBlank() ? s.username() : s.fullName())
        .orElse("");
  }

  public String getFormToken() {
    return signedIn.map(SignedIn::formToken).orElse("");
  }

  public String getTokenField() {
    return TOKEN_FIELD;
  }

  public String getHomePath() {
    return signedIn.map(SignedIn::homePath).orElse("/login");
  }

  public boolean isApplicant() {
    return signedIn.map(SignedIn::isApplicant).orElse(false);
  }

  public boolean isOfficer() {
    return signedIn.map(SignedIn::isOfficer).orElse(false);
  }

  public boolean isAdmin() {
    return signedIn.map(SignedIn::isAdmin).orElse(false);
  }

  /**
   * True when this request is a POST from one of the portal's own forms: signed in, and carrying
   * the session's form token. Page beans act on a POST only when this holds; anything else (a
   * forged cross-site form, an expired session) is ignored and the page shows itself again.
   */
  /** Whether a form token (read from a multipart body) is this session's. */
  public boolean acceptsFormToken(String token) {
    return signedIn.isPresent() && signedIn.get().acceptsFormToken(token);
  }

  public boolean isTrustedPost() {
    return "POST".equals(request.getMethod())
        && signedIn.isPresent()
        && signedIn.get().acceptsFormToken(request.getParameter(TOKEN_FIELD));
  }
}
