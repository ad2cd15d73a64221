package org.opendvc.portal.api.statistics;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsRecount;
import org.opendvc.portal.statistics.StatisticsService;

/** The published statistics (public) and their recount (ADMIN). */
@Path("/v1")
@Tag(name = "Publication", description = "Results, statistics and open data (public)")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

  @Inject private StatisticsService statistics;
  @Inject private StatisticsRecount recount;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Path("statistics")
  @Operation(summary = "The 06a statistics of a period",
      description = "Rows grouped by agency, field, level, tier, procedure or month, each with"
          + " received, carriedOver, receivedOnline, receivedOffline, transferredIn,"
          + " transferredOut, resolved, resolvedEarly, resolvedOnTime, resolvedLate, withdrawn,"
          + " inProgress, inProgressWithinTime, inProgressOverdue, onTimeRate (0 to 1; null when"
          + " nothing was resolved) and onlineShare; plus the total of the scope and the total"
          + " per tier. The period is from..to (dates, both included) or period (2026, 2026-Q4,"
          + " 2026-11); by default the current month. Figures in progress are counted at the"
          + " end of the period, or today when it has not ended (countedTo).")
  public StatisticsService.Report report(
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("groupBy")
      @Parameter(description = "agency (default), field, level, tier, procedure or month")
          String groupBy,
      @QueryParam("agency")
      @Parameter(description = "an agency code: its figures with its sub-units") String agency) {
    return statistics.report(
        StatisticsQuery.parse(from, to, period, groupBy, agency, statistics.today()));
  }

  @GET
  @Path("statistics/online-uptake")
  @Operation(summary = "Online uptake: how much the procedures offered online are used online",
      description = "Over the procedures offered at level 3 or 4 in scope, per agency (default)"
          + " or per procedure (groupBy=procedure): offeredOnline, withOnlineDossiers (those that"
          + " received an online dossier in the period), received, receivedOnline and onlineShare"
          + " (null when nothing was received); the total; and idle, the offerings that received"
          + " no online dossier (idleCount, the first 200 listed). Same period parameters as the"
          + " statistics.")
  public StatisticsService.Uptake uptake(
      @QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("period") String period, @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency) {
    StatisticsQuery q =
        StatisticsQuery.parse(from, to, period, groupBy, agency, statistics.today());
    if (q.groupBy() != StatisticsQuery.GroupBy.AGENCY
        && q.groupBy() != StatisticsQuery.GroupBy.PROCEDURE) {
      throw new org.opendvc.portal.shared.InvalidInputException("groupBy",
          "statistics.uptakeGroupBy", groupBy);
    }
    return statistics.uptake(q);
  }

  @POST
  @Path("admin/statistics/recount")
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Recount the statistics from the dossiers' history (ADMIN)",
      description = "Recounts every kept figure from the raw history and compares: answers"
          + " {dossiers, rows, differing, samples, repaired}. With repair=true the kept figures"
          + " are replaced by the recount (status changes wait while it runs).")
  public StatisticsRecount.Result recount(
      @QueryParam("repair") @DefaultValue("false") boolean repair) {
    Access.require(request, headers, Role.ADMIN);
    return repair ? recount.repair() : recount.check();
  }
}
