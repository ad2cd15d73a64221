package org.opendvc.portal.api.admin;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.NewAccount;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.UsernameTakenException;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

/** Accounts created by an administrator. */
@RequestScoped
@Path("/v1/admin/users")
@Tag(name = "Admin", description = "Administration: accounts")
@SecurityRequirement(name = "bearer")
public class UserResource {

  @Inject private AccountService accounts;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an account (ADMIN)",
      description = "{username, password, role, agencyCode?, fullName?, email?}: username 3-100"
          + " ASCII letters, digits, '.', '_' or '-'; password 10-200 characters; role one of"
          + " APPLICANT, OFFICER, AGENCY_ADMIN, ADMIN, AGENCY_SYSTEM (OFFICER, AGENCY_ADMIN and"
          + " AGENCY_SYSTEM, an agency's case software publishing its dossiers, need an existing"
          + " agencyCode, the others take none). Answers 201 {username, role, agencyCode,"
          + " fullName}; 400 naming each wrong field; 409 when the username is taken.")
  public Response create(JsonObject body) {
    Access.require(request, headers, Role.ADMIN);
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    Locale locale = RequestLocale.of(headers);
    Account account;
    try {
      account = accounts.create(new NewAccount(text(b, "username"), text(b, "password"),
          text(b, "role"), text(b, "agencyCode"), text(b, "fullName"), text(b, "email")));
    } catch (UsernameTakenException e) {
      return Problem.of(409, "conflict", "problem.conflict", locale,
          Messages.get(locale, "account.usernameTaken", e.username()));
    }
    JsonObjectBuilder answer = JSON.createObjectBuilder()
        .add("username", account.username())
        .add("role", account.role().name());
    account.agency().ifPresentOrElse(a -> answer.add("agencyCode", a.code()),
        () -> answer.addNull("agencyCode"));
    if (account.fullName() == null) {
      answer.addNull("fullName");
    } else {
      answer.add("fullName", account.fullName());
    }
    return Response.status(Response.Status.CREATED)
        .entity(answer.build().toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Disable, enable or reassign an account (ADMIN)",
      description = "{enabled?, role?, agencyCode?}: only what is given changes. The account's"
          + " access tokens stop working at once (on other nodes within"
          + " portal.auth.recheck.seconds); it must sign in again for a token with its new role."
          + " Answers {username, role, agencyCode, enabled}; 404 for an unknown account.")
  public JsonObject update(@PathParam("username") String username, JsonObject body) {
    Access.require(request, headers, Role.ADMIN);
    JsonValue enabled = body.get("enabled");
    if (enabled != null && enabled.getValueType() != JsonValue.ValueType.TRUE
        && enabled.getValueType() != JsonValue.ValueType.FALSE) {
      throw new InvalidInputException("enabled", "param.notBoolean", "enabled");
    }
    Account account = accounts.update(username,
        enabled == null ? null : enabled.getValueType() == JsonValue.ValueType.TRUE,
        text(body, "role"), text(body, "agencyCode"));
    JsonObjectBuilder answer = JSON.createObjectBuilder()
        .add("username", account.username())
        .add("role", account.role().name())
        .add("enabled", account.enabled());
    account.agency().ifPresentOrElse(a -> answer.add("agencyCode", a.code()),
        () -> answer.addNull("agencyCode"));
    return answer.build();
  }

  /** A string member; any other JSON type counts as missing and is reported as such. */
  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
