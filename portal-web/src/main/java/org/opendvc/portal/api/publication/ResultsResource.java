package org.opendvc.portal.api.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.publication.ResultQuery;
import org.opendvc.portal.publication.ResultsBoard;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The public results board: finished dossiers with their timeliness, newest first, and an Atom feed
 * of them per agency. Public, no sign-in; applicants' names are masked.
 */
@RequestScoped
@Path("/v1/results")
@Tag(name = "Publication")
public class ResultsResource {

  /** Public figures that change with every finished dossier: a minute of caching is harmless. */
  private static final CacheControl ONE_MINUTE = CacheControl.valueOf("public, max-age=60");

  @Inject private ResultsBoard board;
  @Context private HttpHeaders headers;
  @Context private UriInfo uri;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Finished dossiers, newest first (public)",
      description =
          "Dossiers accepted and then resolved, returned, stopped or refused, by the"
              + " moment they finished (newest first). Items: code, procedure {code, name}, agency"
              + " {code, name} (the one that finished it), receivingAgency (only when it was"
              + " transferred), field, level, receivedAt, dueAt, finishedAt, timeliness (EARLY,"
              + " ON_TIME, LATE), timelinessLabel and applicant (masked: a citizen's family name and"
              + " initials, a business's name). total counts at most 10,000 matching rows; when more"
              + " match, total is 10,000 and totalCapped is true, and only those rows can be paged"
              + " to. Bad values and unknown agencies or fields are a 400 naming each parameter.")
  @APIResponse(responseCode = "200", description = "A page of results")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is wrong; errors name each one",
      content = @Content(mediaType = "application/problem+json"))
  public Response results(
      @QueryParam("agency") @Parameter(description = "agency code; its sub-units are included")
          String agency,
      @QueryParam("field") @Parameter(description = "field code (e.g. ho-tich) or name")
          String field,
      @QueryParam("level")
          @Parameter(
              description = "online level of the finishing agency's" + " offering: 2, 3 or 4")
          String level,
      @QueryParam("timeliness") @Parameter(description = "EARLY, ON_TIME or LATE")
          String timeliness,
      @QueryParam("from")
          @Parameter(
              description =
                  "first finishing day, YYYY-MM-DD, local time" + " (Asia/Ho_Chi_Minh), included")
          String from,
      @QueryParam("to") @Parameter(description = "last finishing day, YYYY-MM-DD, included")
          String to,
      @QueryParam("page") @Parameter(description = "from 0", schema = @Schema(defaultValue = "0"))
          String page,
      @QueryParam("size")
          @Parameter(description = "1 to 100", schema = @Schema(defaultValue = "20"))
          String size) {
    Map<String, String> params = new java.util.HashMap<>();
    params.put("agency", agency);
    params.put("field", field);
    params.put("level", level);
    params.put("timeliness", timeliness);
    params.put("from", from);
    params.put("to", to);
    params.put("page", page);
    params.put("size", size);
    ResultQuery.Parsed parsed = ResultQuery.read(params::get);
    if (!parsed.problems().isEmpty()) {
      throw new InvalidInputException(parsed.problems());
    }
    Locale locale = RequestLocale.of(headers);
    return Response.ok(ResultsJson.answer(board.find(parsed.query()), locale))
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .cacheControl(ONE_MINUTE)
        .build();
  }

  @GET
  @Path("feed.atom")
  @Produces({AtomFeed.MEDIA_TYPE, MediaType.APPLICATION_XML, MediaType.WILDCARD})
  @Operation(
      summary = "Atom feed of an agency's newest finished dossiers (public)",
      description =
          "The 50 newest finished dossiers of the agency and its sub-units, as Atom"
              + " 1.0: entry id tag:opendvc.org,2026:dossier:<code>, title code and procedure,"
              + " updated = finishedAt, a link to the public tracking page, a summary with the"
              + " agency, dates, timeliness and the masked applicant. Vietnamese, or English with"
              + " Accept-Language: en. A missing agency is a 400, an unknown one a 404.")
  @APIResponse(
      responseCode = "200",
      description = "The feed",
      content = @Content(mediaType = AtomFeed.MEDIA_TYPE))
  public Response feed(
      @QueryParam("agency") @Parameter(description = "agency code", required = true)
          String agency) {
    if (agency == null || agency.isBlank()) {
      throw new InvalidInputException("agency", "results.agencyRequired");
    }
    Locale locale = RequestLocale.of(headers);
    String body = AtomFeed.write(board.feed(agency.strip()), root(), locale, Instant.now());
    return Response.ok(body)
        .type(MediaType.valueOf(AtomFeed.MEDIA_TYPE).withCharset("UTF-8"))
        .cacheControl(ONE_MINUTE)
        .build();
  }

  /** The portal's own address, ending in '/'. */
  private URI root() {
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    return uri.getBaseUri().resolve(context + "/");
  }
}
