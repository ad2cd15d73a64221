package org.opendvc.portal.api.satisfaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.satisfaction.KioskFigures;
import org.opendvc.portal.satisfaction.KioskService;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * The counter kiosk's figures: per agency for everyone, per officer for the agency itself and the
 * admins (docs/satisfaction.md, "Counter kiosk").
 */
@RequestScoped
@Path("/v1/satisfaction/kiosk")
@Tag(name = "Satisfaction", description = "Ratings of finished dossiers and the satisfaction index")
@Produces(MediaType.APPLICATION_JSON)
public class KioskResource {

  @Inject private KioskService kiosk;
  @Inject private StatisticsService statistics;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Operation(
      summary = "Ratings at the counter kiosks of a period, per agency (public)",
      description =
          "The one-tap ratings given at the agencies' counter kiosks in the period"
              + " (from..to or period, as for the statistics; by default the current month), per"
              + " agency of the officer rated and in total: key and agency (the agency's code), name,"
              + " responses, counts (the number at each score, counts[0] being score 1) and"
              + " satisfied (4 or 5) as {count, of, share}, share null when there is no rating."
              + " Officers are never named here.")
  public KioskFigures agencies(
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("agency")
          @Parameter(description = "an agency code: its figures with its sub-units")
          String agency) {
    return kiosk.agencies(
        StatisticsQuery.parse(from, to, period, null, agency, statistics.today()));
  }

  @GET
  @Path("/officers")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Ratings at the counter kiosks per officer (the agency, admins)",
      description =
          "As the public figures, one row per officer (key: the user name, name: the"
              + " full name) of one agency, without its sub-units: an officer or agency admin reads"
              + " their own agency (another is 403); an admin reads the agency asked for, or every"
              + " agency's officers. Applicants get 403.")
  public KioskFigures officers(
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("agency")
          @Parameter(description = "an agency code; by default the caller's agency")
          String agency) {
    TokenClaims c = Access.require(request, headers, Role.OFFICER, Role.AGENCY_ADMIN, Role.ADMIN);
    return kiosk.officers(
        StatisticsQuery.parse(from, to, period, null, agency, statistics.today()),
        new Caller(c.username(), c.role(), c.agencyCode()));
  }
}
