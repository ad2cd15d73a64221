package org.opendvc.portal.api.auth;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.SignInThrottle;
import org.opendvc.portal.identity.TokenService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
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
  @Operation(summary = "Get an access token",
      description = "Body {\"username\",\"password\"}; answers {accessToken, tokenType, expiresIn}.")
  public Response token(JsonObject body) {
    String username = string(body, "username");
    String password = string(body, "password");
    List<FieldProblem> problems = new ArrayList<>();
    if (username == null || username.isBlank()) {
      problems.add(new FieldProblem("username", "auth.missingFields"));
    }
    if (password == null || password.isEmpty()) {
      problems.add(new FieldProblem("password", "auth.missingFields"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Locale locale = RequestLocale.of(headers);
    String client = request.getRemoteAddr();
    long wait = throttle.secondsToWait(client, username);
    if (wait > 0) {
      return Problem.tooManyRequests(locale, Messages.get(locale, "auth.tooManyAttempts", wait),
          wait);
    }
    Account account = accounts.authenticate(username, password).orElse(null);
    if (account == null) {
      throttle.failed(client, username);
      return Problem.of(401, "invalid-credentials", "problem.unauthorized", locale,
          Messages.get(locale, "auth.invalid"));
    }
    throttle.succeeded(client, username);
    JsonObject answer = JSON.createObjectBuilder()
        .add("accessToken", tokens.issue(account))
        .add("tokenType", "Bearer")
        .add("expiresIn", TokenService.LIFETIME.toSeconds())
        .build();
    return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String string(JsonObject body, String key) {
    if (body == null) {
      return null;
    }
    JsonValue v = body.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
