package org.opendvc.portal.api.security;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.identity.TokenService;
import org.opendvc.portal.shared.Messages;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>}. Requests without one
 * go on anonymously (public reads); a token that is invalid or expired is refused at once with a
 * 401 problem, rather than silently treated as anonymous.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  /** The request attribute that holds the {@link TokenClaims} of an authenticated call. */
  public static final String CLAIMS_ATTRIBUTE = TokenClaims.class.getName();

  @Inject private TokenService tokens;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request,
      HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return context.doNothing();
    }
    Optional<TokenClaims> claims = tokens.verify(header.substring(7).strip());
    if (claims.isEmpty()) {
      writeUnauthorized(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
    TokenClaims c = claims.get();
    request.setAttribute(CLAIMS_ATTRIBUTE, c);
    return context.notifyContainerAboutLogin(new PortalPrincipal(c), Set.of(c.role().name()));
  }

  private static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) {
    String language = request.getHeader("Accept-Language");
    Locale locale = language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
        ? Locale.ENGLISH : Messages.VIETNAMESE;
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    response.setContentType("application/problem+json;charset=UTF-8");
    String body = JSON.createObjectBuilder()
        .add("type", "https://opendvc.org/problems/invalid-token")
        .add("title", Messages.get(locale, "problem.unauthorized"))
        .add("status", 401)
        .add("detail", Messages.get(locale, "auth.tokenInvalid"))
        .build().toString();
    try {
      response.getWriter().write(body);
    } catch (IOException e) {
      // the client went away; nothing more to do
    }
  }
}
