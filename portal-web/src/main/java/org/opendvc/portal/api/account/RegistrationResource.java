package org.opendvc.portal.api.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
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
  @Operation(
      summary = "Start a registration (no login)",
      description =
          "{email, fullName, password, phone?}: the e-mail address receives a 6-digit"
              + " code and becomes the user name; password 10-200 characters. Answers 201"
              + " {registrationId, email, expiresAt}; 400 naming each wrong field. Nothing is created"
              + " before the code is confirmed.")
  public Response start(@NotNull(message = "request.bodyRequired") RegistrationRequest body) {
    String language = Messages.supported(RequestLocale.of(headers)).getLanguage();
    Registration r =
        registrations.start(
            new NewRegistration(body.email(), body.phone(), body.fullName(), body.password(), null),
            language,
            request.getRemoteAddr());
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new RegistrationAnswer(r.token(), r.email(), r.expiresAt().toString()))
        .build();
  }

  @POST
  @Path("{id}/verify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confirm a registration with its code (no login)",
      description =
          "{code}: answers 201 {username, role} when the code is right and in time;"
              + " 400 with the field code otherwise (wrong, expired, too many tries).")
  public Response verify(
      @PathParam("id") String id, @NotNull(message = "request.bodyRequired") CodeRequest body) {
    RegistrationService.Verification v =
        registrations.verify(id, body.code(), request.getRemoteAddr());
    if (v.problem().isPresent()) {
      throw new InvalidInputException(List.of(v.problem().get()));
    }
    Account a = v.account().orElseThrow();
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new AccountCreated(a.username(), a.role().name()))
        .build();
  }

  @POST
  @Path("{id}/resend")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a new code for a registration (no login)",
      description = "Answers 202; 400 with the field code when no more codes may be sent yet.")
  public Response resend(@PathParam("id") String id) {
    registrations
        .resend(id)
        .ifPresent(
            p -> {
              throw new InvalidInputException(List.of(p));
            });
    return Response.accepted()
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new RegistrationAnswer(id, null, null))
        .build();
  }

  /**
   * The body that starts a registration. The rules for each member (a real e-mail address, a phone
   * number, a password of 10 to 200 characters) are the domain's, shared with the page.
   */
  public record RegistrationRequest(String email, String fullName, String password, String phone) {}

  /** The body that confirms a registration: the code that was sent. */
  public record CodeRequest(String code) {}

  /** A registration under way; a resent code answers only its id. */
  @JsonbPropertyOrder({"registrationId", "email", "expiresAt"})
  public record RegistrationAnswer(String registrationId, String email, String expiresAt) {}

  /** The account a confirmed registration created. */
  @JsonbPropertyOrder({"username", "role"})
  public record AccountCreated(String username, String role) {}
}
