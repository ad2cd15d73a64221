package org.opendvc.portal.api.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.scoring.Circular01;
import org.opendvc.portal.scoring.ScorecardService;

/** A finished dossier's Circular 01 evaluation, for the agency that handled it. */
@RequestScoped
@Path("/v1/dossiers/{code}/evaluation")
@Tag(name = "Dossiers", description = "Submission, lifecycle and work lists")
@SecurityRequirement(name = "bearer")
public class EvaluationResource {

  @Inject private DossierService dossiers;
  @Inject private ScorecardService scorecards;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The Circular 01/2018 evaluation of a finished dossier (its agency, admins)",
      description =
          "{points, measuredMax, criteria: [{key, points (0-2, null when not"
              + " measured), status}]} for the nine criteria: totalTime, timePerUnit,"
              + " supplementRequests, agenciesInvolved, oneStop, procedurePublished, officerRating,"
              + " feedbackHandled, onlineProvision. 409 while the dossier is not finished.")
  public Circular01 evaluation(@PathParam("code") String code) {
    TokenClaims c = Access.require(request, headers, Role.people());
    Caller caller = new Caller(c.username(), c.role(), c.agencyCode());
    Dossier d = dossiers.get(code, caller);
    if (!org.opendvc.portal.dossier.AccessPolicy.mayEvaluate(d, caller)) {
      throw new ForbiddenException("evaluation.agencyOnly");
    }
    return scorecards
        .evaluation(d.code().toString())
        .orElseThrow(() -> new ActionRefusedException("evaluation.notFinished", code));
  }
}
