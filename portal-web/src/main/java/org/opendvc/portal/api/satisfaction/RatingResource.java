package org.opendvc.portal.api.satisfaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.satisfaction.RatingService;
import org.opendvc.portal.shared.NotFoundException;

/** The owner rates a finished dossier; the owner and the agency read the rating. */
@RequestScoped
@Path("/v1/dossiers/{code}/rating")
@Tag(name = "Satisfaction", description = "Ratings of finished dossiers and the satisfaction index")
@SecurityRequirement(name = "bearer")
public class RatingResource {

  @Inject private RatingService ratings;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rate a finished dossier (its owner)",
      description =
          "{scores: {access, procedure, officer, result, feedback}, comment?}: each"
              + " score 1 to 5, the comment at most 2000 characters (shown to the agency only)."
              + " Answers 201 with the rating; 403 for anyone but the owner, 409 when the dossier"
              + " is not finished or was rated already (once per dossier).")
  public Response rate(@PathParam("code") String code, RatingRequest body) {
    Caller caller = caller(Role.people());
    RatingRequest b = body == null ? new RatingRequest(null, null, null) : body;
    RatingAnswer answer = RatingAnswer.of(code, ratings.rateAsOwner(code, b.command(), caller));
    return Response.created(URI.create("/api/v1/dossiers/" + code + "/rating"))
        .entity(answer)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A dossier's rating (the owner, the agency's officers, admins)",
      description = "404 when the dossier was not rated")
  public RatingAnswer rating(@PathParam("code") String code) {
    Caller caller = caller(Role.people());
    return ratings
        .ratingOf(code, caller)
        .map(r -> RatingAnswer.of(code, r))
        .orElseThrow(() -> new NotFoundException("rating.notFound", code));
  }

  private Caller caller(Role... roles) {
    TokenClaims c = Access.require(request, headers, roles);
    return new Caller(c.username(), c.role(), c.agencyCode());
  }
}
