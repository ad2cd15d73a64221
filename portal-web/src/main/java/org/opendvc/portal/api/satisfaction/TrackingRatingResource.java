package org.opendvc.portal.api.satisfaction;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.http.TrackingGuard;
import org.opendvc.portal.satisfaction.RatingService;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;

/**
 * An applicant without an account (a counter or post dossier) rates it with the dossier code and
 * their ID number, as on the tracking page; wrong guesses count against the same limit as tracking.
 */
@Path("/v1/tracking/{code}/rating")
@Tag(name = "Satisfaction", description = "Ratings of finished dossiers and the satisfaction index")
public class TrackingRatingResource {

  @Inject private RatingService ratings;
  @Inject private TrackingGuard guard;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rate a finished dossier with its code and the ID number (public)",
      description =
          "{idNumber, scores: {access, procedure, officer, result, feedback},"
              + " comment?}. An unknown code and a wrong idNumber give the same 404; 409 when the"
              + " dossier is not finished or was rated already; 429 after too many wrong tries.")
  public Response rate(
      @PathParam("code") String code,
      RatingRequest body,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    Locale locale = RequestLocale.of(headers);
    String client = request.getRemoteAddr();
    long wait = guard.secondsToWait(client, code);
    if (wait > 0) {
      throw new WebApplicationException(
          Problem.tooManyRequests(locale, Messages.get(locale, "tracking.tooMany", wait), wait));
    }
    RatingRequest b = body == null ? new RatingRequest(null, null, null) : body;
    try {
      RatingAnswer answer =
          RatingAnswer.of(code, ratings.rateWithIdNumber(code, b.idNumber(), b.command()));
      return Response.created(URI.create("/tracking/" + code))
          .entity(answer)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (NotFoundException e) {
      guard.failed(client, code);
      throw e;
    }
  }
}
