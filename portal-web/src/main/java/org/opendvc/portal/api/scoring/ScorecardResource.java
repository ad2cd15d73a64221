package org.opendvc.portal.api.scoring;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.scoring.ScorecardService;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/** The published scorecard (public). */
@Path("/v1/scorecard")
@Tag(name = "Publication", description = "Results, statistics and open data (public)")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

  @Inject private ScorecardService scorecards;
  @Inject private StatisticsService statistics;

  @GET
  @Operation(
      summary = "The 100-point service-quality scorecard and the league of agencies",
      description =
          "For the period (from..to or period, as for the statistics; by default the"
              + " current month) and the agency with its units (or the province): total, the"
              + " scorecard of the whole scope, and rows, one per agency with figures in the period,"
              + " ranked by points (tier=COMMUNE etc. ranks one tier). Each scorecard has points (out"
              + " of 100), measuredMax (the points its measured indicators can give) and five"
              + " groups (transparency 18, progress 20, digitisation 22, onlineServices 22,"
              + " satisfaction 18) of indicators {key, max, status: MEASURED|NO_DATA|NOT_MEASURED,"
              + " value, numerator, denominator, fullAt, points}. An indicator without data or not"
              + " measured earns no points.")
  public ScorecardService.League league(
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("agency") @Parameter(description = "an agency code: it and its units")
          String agency,
      @QueryParam("tier") @Parameter(description = "MINISTRY, PROVINCE, DISTRICT or COMMUNE")
          String tier) {
    return scorecards.league(
        StatisticsQuery.parse(from, to, period, null, agency, statistics.today()), tier);
  }

  @GET
  @Path("circular01")
  @Operation(
      summary = "Average Circular 01/2018 evaluation of the dossiers finished, per agency",
      description =
          "For the dossiers finished in the period (parameters as above): per agency"
              + " the number of dossiers, averagePoints (out of 18) and averageMeasuredMax (the"
              + " points its measured criteria could give on average); null without dossiers.")
  public ScorecardService.EvaluationReport evaluations(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("agency") String agency) {
    return scorecards.evaluations(
        StatisticsQuery.parse(from, to, period, null, agency, statistics.today()));
  }
}
