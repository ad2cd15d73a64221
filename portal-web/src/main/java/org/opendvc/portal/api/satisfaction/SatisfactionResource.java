package org.opendvc.portal.api.satisfaction;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.satisfaction.SatisfactionIndex;
import org.opendvc.portal.satisfaction.SatisfactionService;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/** The published satisfaction index (public). */
@Path("/v1/satisfaction")
@Tag(name = "Satisfaction", description = "Ratings of finished dossiers and the satisfaction index")
@Produces(MediaType.APPLICATION_JSON)
public class SatisfactionResource {

  @Inject private SatisfactionService satisfaction;
  @Inject private StatisticsService statistics;

  @GET
  @Operation(
      summary = "The satisfaction index of a period, per agency",
      description =
          "For the ratings given in the period (from..to or period, as for the"
              + " statistics; by default the current month), per agency that finished the rated"
              + " dossiers and in total: responses, significant (at least minResponses"
              + " responses: fewer are shown, flagged), and per element (access, procedure,"
              + " officer, result, feedback) the count at each score 1 to 5 and the share"
              + " satisfied (4 or 5) as {count, of, share}; overall, the satisfied answers over all"
              + " answers of the five elements. share is null when there is no response.")
  public SatisfactionIndex index(
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("agency")
          @Parameter(description = "an agency code: its figures with its sub-units")
          String agency) {
    return satisfaction.index(
        StatisticsQuery.parse(from, to, period, null, agency, statistics.today()));
  }
}
