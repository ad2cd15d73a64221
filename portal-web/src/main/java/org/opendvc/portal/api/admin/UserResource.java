package org.opendvc.portal.api.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.UsernameTakenException;
import org.opendvc.portal.shared.Messages;

/** Accounts created by an administrator. */
@RequestScoped
@Path("/v1/admin/users")
@Tag(name = "Admin", description = "Administration: accounts")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.Names.ADMIN)
public class UserResource {

  @Inject private AccountService accounts;
  @Context private HttpHeaders headers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an account (ADMIN)",
      description =
          "{username, password, role, agencyCode?, fullName?, email?}: username 3-100"
              + " ASCII letters, digits, '.', '_' or '-'; password 10-200 characters; role one of"
              + " APPLICANT, OFFICER, AGENCY_ADMIN, ADMIN, AGENCY_SYSTEM (OFFICER, AGENCY_ADMIN and"
              + " AGENCY_SYSTEM, an agency's case software publishing its dossiers, need an existing"
              + " agencyCode, the others take none). Answers 201 {username, role, agencyCode,"
              + " fullName, enabled}; 400 naming each wrong field; 409 when the username is taken.")
  public Response create(@NotNull(message = "request.bodyRequired") NewUserRequest body) {
    Locale locale = RequestLocale.of(headers);
    try {
      return Response.status(Response.Status.CREATED)
          .entity(AccountAnswer.of(accounts.create(body.account())))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (UsernameTakenException e) {
      return Problem.of(
          409,
          "conflict",
          "problem.conflict",
          locale,
          Messages.get(locale, "account.usernameTaken", e.username()));
    }
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Disable, enable or reassign an account (ADMIN)",
      description =
          "{enabled?, role?, agencyCode?}: only what is given changes. The account's"
              + " access tokens stop working at once (on other nodes within"
              + " portal.auth.recheck.seconds); it must sign in again for a token with its new role."
              + " Answers {username, role, agencyCode, fullName, enabled}; 404 for an unknown account.")
  public AccountAnswer update(
      @PathParam("username") String username,
      @NotNull(message = "request.bodyRequired") UserChange body) {
    return AccountAnswer.of(
        accounts.update(username, body.enabled(), body.role(), body.agencyCode()));
  }
}
