package org.opendvc.portal.api.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.SignInThrottle;
import org.opendvc.portal.identity.TokenService;
import org.opendvc.portal.shared.Messages;

/** Exchanges a username and password for a bearer token (a MicroProfile JWT). */
@RequestScoped
@Path("/v1/auth/token")
@Tag(name = "Auth")
public class TokenResource {

  @Inject private AccountService accounts;
  @Inject private TokenService tokens;
  @Inject private SignInThrottle throttle;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Get an access token",
      description =
          "Body {\"username\",\"password\"}; answers {accessToken, tokenType, expiresIn}.")
  public Response token(@NotNull(message = "request.bodyRequired") @Valid TokenRequest body) {
    String username = body.username();
    String password = body.password();
    Locale locale = RequestLocale.of(headers);
    String client = request.getRemoteAddr();
    long wait = throttle.secondsToWait(client, username);
    if (wait > 0) {
      return Problem.tooManyRequests(
          locale, Messages.get(locale, "auth.tooManyAttempts", wait), wait);
    }
    Account account = accounts.authenticate(username, password).orElse(null);
    if (account == null) {
      throttle.failed(client, username);
      return Problem.of(
          401,
          "invalid-credentials",
          "problem.unauthorized",
          locale,
          Messages.get(locale, "auth.invalid"));
    }
    throttle.succeeded(client, username);
    return Response.ok(
            TokenAnswer.bearer(tokens.issue(account), TokenService.LIFETIME.toSeconds()),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
