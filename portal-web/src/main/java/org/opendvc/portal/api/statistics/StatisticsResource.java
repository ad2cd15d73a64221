package org.opendvc.portal.api.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.http.CsvWriter;
import org.opendvc.portal.http.TableDownload;
import org.opendvc.portal.http.XlsxWriter;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.opendata.StatisticsTables;
import org.opendvc.portal.opendata.Table;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsRecount;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * The published statistics (public), their downloads as CSV and XLSX with the same parameters and
 * figures, and their recount (ADMIN).
 */
@Path("/v1")
@Tag(name = "Publication", description = "Results, statistics and open data (public)")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

  @Inject private StatisticsService statistics;
  @Inject private StatisticsRecount recount;

  @GET
  @Path("statistics")
  @Operation(
      summary = "The 06a statistics of a period",
      description =
          "Rows grouped by agency, field, level, tier, procedure or month, each with"
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
          @Parameter(description = "an agency code: its figures with its sub-units")
          String agency) {
    return statistics.report(
        StatisticsQuery.parse(from, to, period, groupBy, agency, statistics.today()));
  }

  @GET
  @Path("statistics/online-uptake")
  @Operation(
      summary = "Online uptake: how much the procedures offered online are used online",
      description =
          "Over the procedures offered at level 3 or 4 in scope, per agency (default)"
              + " or per procedure (groupBy=procedure): offeredOnline, withOnlineDossiers (those that"
              + " received an online dossier in the period), received, receivedOnline and onlineShare"
              + " (null when nothing was received); the total; and idle, the offerings that received"
              + " no online dossier (idleCount, the first 200 listed). Same period parameters as the"
              + " statistics.")
  public StatisticsService.Uptake uptake(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency) {
    return statistics.uptake(uptakeQuery(from, to, period, groupBy, agency));
  }

  private StatisticsQuery uptakeQuery(
      String from, String to, String period, String groupBy, String agency) {
    StatisticsQuery q =
        StatisticsQuery.parse(from, to, period, groupBy, agency, statistics.today());
    if (q.groupBy() != StatisticsQuery.GroupBy.AGENCY
        && q.groupBy() != StatisticsQuery.GroupBy.PROCEDURE) {
      throw new InvalidInputException("groupBy", "statistics.uptakeGroupBy", groupBy);
    }
    return q;
  }

  @GET
  @Path("statistics.csv")
  @Produces({CsvWriter.MEDIA_TYPE, MediaType.WILDCARD})
  @Operation(
      summary = "The 06a statistics of a period as CSV",
      description =
          "The same parameters, validation and figures as GET /api/v1/statistics."
              + " Columns: section (rows, tiers or total), then the fields of a row. The rows, then"
              + " the total of each tier, then the total (key TOTAL). UTF-8 with a byte order mark,"
              + " RFC 4180 quoting, rates from 0 to 1, empty when null.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = @Content(mediaType = CsvWriter.MEDIA_TYPE))
  public Response reportCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency) {
    StatisticsService.Report report = report(from, to, period, groupBy, agency);
    Table table = StatisticsTables.statistics(report);
    return download(
        out -> CsvWriter.write(table, out),
        CsvWriter.MEDIA_TYPE + ";charset=UTF-8",
        reportFile("csv", report, agency));
  }

  @GET
  @Path("statistics.xlsx")
  @Produces({XlsxWriter.MEDIA_TYPE, MediaType.WILDCARD})
  @Operation(
      summary = "The 06a statistics of a period as an Excel workbook",
      description =
          "The table of statistics.csv in a sheet named statistics: figures as"
              + " numbers, rates as numbers from 0 to 1 shown as percentages, empty when null.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = @Content(mediaType = XlsxWriter.MEDIA_TYPE))
  public Response reportXlsx(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency) {
    StatisticsService.Report report = report(from, to, period, groupBy, agency);
    Table table = StatisticsTables.statistics(report);
    return download(
        out -> XlsxWriter.write(List.of(table), out),
        XlsxWriter.MEDIA_TYPE,
        reportFile("xlsx", report, agency));
  }

  @GET
  @Path("statistics/online-uptake.csv")
  @Produces({CsvWriter.MEDIA_TYPE, MediaType.WILDCARD})
  @Operation(
      summary = "Online uptake as CSV",
      description =
          "The same parameters as GET /api/v1/statistics/online-uptake, and table:"
              + " rows (default: section rows, then the total with key TOTAL) or idle (every"
              + " offering at level 3 or 4 that received no online dossier in the period, not only"
              + " the first 200).")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = @Content(mediaType = CsvWriter.MEDIA_TYPE))
  public Response uptakeCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency,
      @QueryParam("table") @Parameter(description = "rows (default) or idle") String table) {
    boolean idle = table != null && table.strip().equalsIgnoreCase("idle");
    if (table != null && !table.isBlank() && !idle && !table.strip().equalsIgnoreCase("rows")) {
      throw new InvalidInputException("table", "opendata.badTable", table);
    }
    StatisticsService.Uptake uptake = uptakeOf(from, to, period, groupBy, agency);
    Table t = idle ? StatisticsTables.idle(uptake) : StatisticsTables.uptake(uptake);
    return download(
        out -> CsvWriter.write(t, out),
        CsvWriter.MEDIA_TYPE + ";charset=UTF-8",
        TableDownload.fileName(
            "csv",
            "online-uptake",
            idle ? "idle" : uptake.groupBy().toLowerCase(java.util.Locale.ROOT),
            agency,
            TableDownload.period(uptake.from(), uptake.to())));
  }

  @GET
  @Path("statistics/online-uptake.xlsx")
  @Produces({XlsxWriter.MEDIA_TYPE, MediaType.WILDCARD})
  @Operation(
      summary = "Online uptake as an Excel workbook",
      description =
          "Two sheets: online-uptake (the rows, then the total) and online-uptake-idle"
              + " (every offering that received no online dossier in the period).")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = @Content(mediaType = XlsxWriter.MEDIA_TYPE))
  public Response uptakeXlsx(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("agency") String agency) {
    StatisticsService.Uptake uptake = uptakeOf(from, to, period, groupBy, agency);
    List<Table> sheets = List.of(StatisticsTables.uptake(uptake), StatisticsTables.idle(uptake));
    return download(
        out -> XlsxWriter.write(sheets, out),
        XlsxWriter.MEDIA_TYPE,
        TableDownload.fileName(
            "xlsx",
            "online-uptake",
            uptake.groupBy().toLowerCase(java.util.Locale.ROOT),
            agency,
            TableDownload.period(uptake.from(), uptake.to())));
  }

  private StatisticsService.Uptake uptakeOf(
      String from, String to, String period, String groupBy, String agency) {
    StatisticsQuery q = uptakeQuery(from, to, period, groupBy, agency);
    return statistics.uptake(q, Integer.MAX_VALUE);
  }

  private static String reportFile(
      String extension, StatisticsService.Report report, String agency) {
    return TableDownload.fileName(
        extension,
        "statistics",
        report.groupBy().name().toLowerCase(java.util.Locale.ROOT),
        agency,
        TableDownload.period(report.from(), report.to()));
  }

  private static Response download(StreamingOutput body, String type, String fileName) {
    return Response.ok(body)
        .type(type)
        .header("Content-Disposition", TableDownload.attachment(fileName))
        .header("Cache-Control", TableDownload.CACHE_CONTROL)
        .build();
  }

  @POST
  @Path("admin/statistics/recount")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Recount the statistics from the dossiers' history (ADMIN)",
      description =
          "Recounts every kept figure from the raw history and compares: answers"
              + " {dossiers, rows, differing, samples, repaired}. With repair=true the kept figures"
              + " are replaced by the recount (status changes wait while it runs).")
  @RolesAllowed(Role.Names.ADMIN)
  public StatisticsRecount.Result recount(
      @QueryParam("repair") @DefaultValue("false") boolean repair) {
    return repair ? recount.repair() : recount.check();
  }
}
