package org.opendvc.portal.api.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.dossier.TrackingService;
import org.opendvc.portal.http.TrackingGuard;
import org.opendvc.portal.shared.Messages;

/**
 * Public tracking by dossier code and the applicant's ID number. An unknown code and a wrong ID
 * number get the same answer; a client that keeps guessing wrong is made to wait. One instance
 * serves every request (the request comes in as parameters): creating and injecting a resource per
 * request was a measurable part of this busiest call.
 */
@ApplicationScoped
@Path("/v1/tracking")
@Tag(name = "Dossiers")
public class TrackingResource {

  @Inject private TrackingService tracking;
  @Inject private TrackingGuard guard;

  @GET
  @Path("{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Track a dossier (public)",
      description =
          "Procedure, agency, status, receivedAt, dueAt, finishedAt, timeliness (null"
              + " for a withdrawn dossier) and the step history. Unknown code and wrong idNumber give"
              + " the same 404.")
  public JsonObject track(
      @PathParam("code") String code,
      @QueryParam("idNumber") String idNumber,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    return lookUp(code, idNumber, headers, request);
  }

  @POST
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Track a dossier, the ID number in the body (public)",
      description =
          "{idNumber}: the same answer as GET, with the ID number kept out of the"
              + " address (and so out of proxy and server logs).")
  public JsonObject trackPosted(
      @PathParam("code") String code,
      @NotNull(message = "request.bodyRequired") TrackingRequest body,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    return lookUp(code, body.idNumber(), headers, request);
  }

  /**
   * The body of {@code POST /api/v1/tracking/{code}}. A missing ID number is not named as such: it
   * gets the same 404 as a wrong one, so that nothing tells a guess from a known code.
   */
  public record TrackingRequest(String idNumber) {}

  private JsonObject lookUp(
      String code, String idNumber, HttpHeaders headers, HttpServletRequest request) {
    Locale locale = RequestLocale.of(headers);
    String client = request.getRemoteAddr();
    long wait = guard.secondsToWait(client, code);
    if (wait > 0) {
      throw new WebApplicationException(
          Problem.tooManyRequests(locale, Messages.get(locale, "tracking.tooMany", wait), wait));
    }
    return tracking
        .track(code, idNumber)
        .map(d -> DossierJson.tracking(d, locale, Instant.now()))
        .orElseThrow(
            () -> {
              guard.failed(client, code);
              return new WebApplicationException(
                  Problem.of(
                      404,
                      "not-found",
                      "problem.notFound",
                      locale,
                      Messages.get(locale, "tracking.notFound")));
            });
  }
}
