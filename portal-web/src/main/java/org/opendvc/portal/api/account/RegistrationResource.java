package org.opendvc.portal.api.account;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.NewRegistration;
import org.opendvc.portal.identity.Registration;
import org.opendvc.portal.identity.RegistrationService;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

/** A citizen creates an APPLICANT account: registers, then confirms the code e-mailed to them. */
@RequestScoped
@Path("/v1/accounts/registrations")
@Tag(name = "Accounts", description = "Accounts that citizens create themselves")
public class RegistrationResource {

  @Inject private RegistrationService registrations;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a registration (no login)",
      description = "{email, fullName, password, phone?}: the e-mail address receives a 6-digit"
          + " code and becomes the user name; password 10-200 characters. Answers 201"
          + " {registrationId, email, expiresAt}; 400 naming each wrong field. Nothing is created"
          + " before the code is confirmed.")
  public Response start(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    String language = Messages.supported(RequestLocale.of(headers)).getLanguage();
    Registration r = registrations.start(new NewRegistration(text(b, "email"), text(b, "phone"),
        text(b, "fullName"), text(b, "password"), null), language, request.getRemoteAddr());
    return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JSON.createObjectBuilder()
            .add("registrationId", r.token())
            .add("email", r.email())
            .add("expiresAt", r.expiresAt().toString()).build().toString())
        .build();
  }

  @POST
  @Path("{id}/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Confirm a registration with its code (no login)",
      description = "{code}: answers 201 {username, role} when the code is right and in time;"
          + " 400 with the field code otherwise (wrong, expired, too many tries).")
  public Response verify(@PathParam("id") String id, JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    RegistrationService.Verification v = registrations.verify(id, text(b, "code"),
        request.getRemoteAddr());
    if (v.problem().isPresent()) {
      throw new InvalidInputException(List.of(v.problem().get()));
    }
    Account a = v.account().orElseThrow();
    return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JSON.createObjectBuilder()
            .add("username", a.username())
            .add("role", a.role().name()).build().toString())
        .build();
  }

  @POST
  @Path("{id}/resend")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a new code for a registration (no login)",
      description = "Answers 202; 400 with the field code when no more codes may be sent yet.")
  public Response resend(@PathParam("id") String id) {
    registrations.resend(id).ifPresent(p -> {
      throw new InvalidInputException(List.of(p));
    });
    return Response.accepted().type(MediaType.APPLICATION_JSON_TYPE)
        .entity(JSON.createObjectBuilder().add("registrationId", id).build().toString()).build();
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonString s ? s.getString() : null;
  }
}
