package org.opendvc.portal.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opendvc.portal.http.PlainProblems;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.identity.TokenService;
import org.opendvc.portal.shared.DatabaseUnavailable;
import org.opendvc.portal.shared.DatabaseWatch;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>}, with MicroProfile JWT
 * doing the verifying ({@code @LoginConfig(authMethod = "MP-JWT")} on the API): signature against
 * the key in {@code mp.jwt.verify.publickey.location}, issuer, expiry. This mechanism stands in
 * front of MicroProfile JWT's own (it is the enabled alternative, and calls that one) for what the
 * portal adds:
 *
 * <ul>
 *   <li>requests without a token go on anonymously (public reads);
 *   <li>a token that is invalid or expired is refused at once with a 401 problem and {@code
 *       WWW-Authenticate: Bearer error="invalid_token"}, rather than silently treated as anonymous
 *       or answered with the container's bare 401;
 *   <li>a valid token whose account no longer stands as it says (disabled, another role or agency:
 *       {@code identity.AccountStanding}) is refused the same way;
 *   <li>the caller's {@link TokenClaims} are left on the request for {@link Access}, and the
 *       token's {@code groups} are the caller's roles for {@code isCallerInRole};
 *   <li>while the database is out of reach the account cannot be checked, so such a request gets
 *       the 503 every request gets then (this check runs before any filter).
 * </ul>
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  /** The request attribute that holds the {@link TokenClaims} of an authenticated call. */
  public static final String CLAIMS_ATTRIBUTE = TokenClaims.class.getName();

  /**
   * Payara's MP-JWT logs every token it refuses with a stack trace at INFO: anyone sending bad
   * tokens would fill the log. A refused token is an expected answer (a 401 to the caller), so that
   * logger keeps to warnings unless the operator has set its level.
   */
  private static final Logger MP_JWT_STORE =
      Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

  static {
    if (MP_JWT_STORE.getLevel() == null) {
      MP_JWT_STORE.setLevel(Level.WARNING);
    }
  }

  @Inject private TokenService tokens;
  @Inject private BeanManager beans;
  @Inject private DatabaseWatch database;

  private volatile HttpAuthenticationMechanism microProfileJwt;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return context.doNothing();
    }
    String token = header.substring(7).strip();
    if (token.isEmpty()) {
      return refuse(request, response);
    }
    if (!database.reachable()) {
      PlainProblems.databaseUnavailable(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
    // the key MicroProfile JWT reads is written when this node first loads it
    tokens.publicKeys();
    HttpServletRequest normalised =
        new HttpServletRequestWrapper(request) {
          @Override
          public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name)
                ? "Bearer " + token
                : super.getHeader(name);
          }
        };
    try {
      return microProfileJwt()
          .validateRequest(normalised, response, new Checked(context, request, response));
    } catch (RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e)) {
        throw e;
      }
      PlainProblems.databaseUnavailable(request, response);
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  /** What MicroProfile JWT's answers become: its refusals ours, its logins checked first. */
  private final class Checked extends HttpMessageContextWrapper {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Checked(HttpMessageContext context, HttpServletRequest request, HttpServletResponse response) {
      super(context);
      this.request = request;
      this.response = response;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
      return refuse(request, response);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
      Optional<TokenClaims> claims =
          result.getStatus() == CredentialValidationResult.Status.VALID
                  && result.getCallerPrincipal() instanceof JsonWebToken jwt
              ? claims(jwt)
              : Optional.empty();
      if (claims.isEmpty() || !tokens.stillStands(claims.get())) {
        getWrapped().cleanClientSubject();
        return refuse(request, response);
      }
      request.setAttribute(CLAIMS_ATTRIBUTE, claims.get());
      return getWrapped().notifyContainerAboutLogin(result);
    }
  }

  /** The portal's claims of a verified token; none when it lacks one of them. */
  static Optional<TokenClaims> claims(JsonWebToken jwt) {
    try {
      if (jwt.getGroups() == null || jwt.getGroups().size() != 1 || jwt.getName() == null) {
        return Optional.empty();
      }
      Role role = Role.valueOf(jwt.getGroups().iterator().next());
      Object agency = jwt.getClaim("agency");
      String agencyCode =
          agency instanceof JsonString s
              ? s.getString()
              : agency == null ? null : agency.toString();
      return Optional.of(
          new TokenClaims(
              jwt.getName(), role, agencyCode, Instant.ofEpochSecond(jwt.getExpirationTime())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** MicroProfile JWT's own mechanism: the other enabled one. */
  private HttpAuthenticationMechanism microProfileJwt() {
    HttpAuthenticationMechanism found = microProfileJwt;
    if (found == null) {
      // all beans of the type, before alternatives are chosen: this one and MicroProfile JWT's
      Bean<?> bean =
          beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
              .filter(b -> !BearerTokenMechanism.class.isAssignableFrom(b.getBeanClass()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MicroProfile JWT is not active: @LoginConfig(authMethod = \"MP-JWT\") missing"));
      found =
          (HttpAuthenticationMechanism)
              beans.getReference(
                  bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
      microProfileJwt = found;
    }
    return found;
  }

  private static AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response) {
    PlainProblems.invalidToken(request, response);
    return AuthenticationStatus.SEND_FAILURE;
  }
}
