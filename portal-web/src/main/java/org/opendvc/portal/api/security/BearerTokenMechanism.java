package org.opendvc.portal.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.identity.TokenService;
import org.opendvc.portal.http.PlainProblems;
import org.opendvc.portal.shared.DatabaseUnavailable;
import org.opendvc.portal.shared.DatabaseWatch;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>}. Requests without one
 * go on anonymously (public reads); a token that is invalid or expired is refused at once with a
 * 401 problem, rather than silently treated as anonymous. While the database is out of reach the
 * account behind a token cannot be checked, so such a request gets the 503 every request gets then
 * (this check runs before any filter).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  /** The request attribute that holds the {@link TokenClaims} of an authenticated call. */
  public static final String CLAIMS_ATTRIBUTE = TokenClaims.class.getName();

  @Inject private TokenService tokens;
  @Inject private DatabaseWatch database;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return context.doNothing();
    }
    if (!database.reachable()) {
      // the account's standing cannot be checked; the request could not be served anyway
      PlainProblems.databaseUnavailable(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
    Optional<TokenClaims> claims;
    try {
      claims = tokens.verify(header.substring(7).strip());
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e)) {
        throw e;
      }
      PlainProblems.databaseUnavailable(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (claims.isEmpty()) {
      PlainProblems.invalidToken(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
    TokenClaims c = claims.get();
    request.setAttribute(CLAIMS_ATTRIBUTE, c);
    return context.notifyContainerAboutLogin(new PortalPrincipal(c), Set.of(c.role().name()));
  }
}
