package org.opendvc.portal.api.opendata;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.http.CsvWriter;
import org.opendvc.portal.http.ReceiptDelivery;
import org.opendvc.portal.http.TableDownload;
import org.opendvc.portal.opendata.OpenDataService;
import org.opendvc.portal.opendata.OpenDataService.Dataset;
import org.opendvc.portal.shared.NotFoundException;

/**
 * The open datasets as files: {@code statistics}, {@code results} and {@code procedures}, each as
 * {@code .csv} or {@code .json}. Public, no sign-in; the figures are those of the API and the
 * pages, the results' applicants masked as on the board.
 */
@RequestScoped
@Path("/v1/open-data")
@Tag(name = "Publication")
public class OpenDataResource {

  @Inject private OpenDataService openData;
  @Context private HttpServletRequest request;

  @GET
  @Path("{file}")
  @Produces({CsvWriter.MEDIA_TYPE, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Operation(
      summary = "An open dataset as CSV or JSON (public)",
      description =
          "statistics.csv|json: the 06a statistics (the columns of GET"
              + " /api/v1/statistics after section: rows, tiers, total), by default of the last"
              + " complete month. results.csv|json: every finished dossier of the period (at most"
              + " 366 days and 100,000 dossiers), newest first, with the fields of GET"
              + " /api/v1/results flat and the applicant masked; by default the last complete"
              + " month. procedures.csv|json: the catalogue, one row per procedure and offering"
              + " agency. JSON: {dataset, licence {name, url}, source, documentation, generatedAt,"
              + " period {from, to, countedTo}, fields [{name, type}], rows [{...}]}. CSV: UTF-8"
              + " with a byte order mark, a header of the field names, RFC 4180 quoting."
              + " An unknown dataset or format is a 404 problem.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(mediaType = CsvWriter.MEDIA_TYPE),
        @Content(mediaType = MediaType.APPLICATION_JSON)
      })
  @APIResponse(
      responseCode = "400",
      description = "A parameter is wrong; errors name each one",
      content = @Content(mediaType = "application/problem+json"))
  @APIResponse(
      responseCode = "404",
      description = "No such dataset or format",
      content = @Content(mediaType = "application/problem+json"))
  public Response file(
      @PathParam("file")
          @Parameter(
              description =
                  "statistics.csv, statistics.json,"
                      + " results.csv, results.json, procedures.csv or procedures.json")
          String file,
      @QueryParam("from") @Parameter(description = "first day, e.g. 2026-11-01") String from,
      @QueryParam("to") @Parameter(description = "last day, e.g. 2026-11-30") String to,
      @QueryParam("period") @Parameter(description = "2026, 2026-Q4 or 2026-11") String period,
      @QueryParam("groupBy")
          @Parameter(
              description =
                  "statistics: agency (default), field," + " level, tier, procedure or month")
          String groupBy,
      @QueryParam("agency") @Parameter(description = "an agency code: with its sub-units")
          String agency) {
    int dot = file.lastIndexOf('.');
    String name = dot < 0 ? file : file.substring(0, dot);
    String format = dot < 0 ? "" : file.substring(dot + 1);
    Dataset dataset =
        Dataset.of(name)
            .orElseThrow(() -> new NotFoundException("opendata.unknownDataset", shorten(name)));
    if (!format.equals("csv") && !format.equals("json")) {
      throw new NotFoundException("opendata.unknownFormat", shorten(format));
    }
    OpenDataService.Extract extract =
        openData.extract(dataset, new OpenDataService.Params(from, to, period, groupBy, agency));
    String base = ReceiptDelivery.baseUrl(request);
    OpenDataJson.About about =
        new OpenDataJson.About(
            openData.licence(),
            base + "/open-data",
            base + "/open-data#" + dataset.key(),
            OffsetDateTime.now(WorkingCalendar.ZONE).truncatedTo(ChronoUnit.SECONDS));
    StreamingOutput body =
        format.equals("csv")
            ? out -> CsvWriter.write(extract.table(), out)
            : out -> OpenDataJson.write(extract, about, out);
    String fileName =
        TableDownload.fileName(
            format,
            dataset.key(),
            dataset == Dataset.STATISTICS && groupBy != null && !groupBy.isBlank()
                ? groupBy.strip().toLowerCase(java.util.Locale.ROOT)
                : null,
            agency,
            TableDownload.period(extract.from(), extract.to()));
    MediaType type =
        format.equals("csv")
            ? MediaType.valueOf(CsvWriter.MEDIA_TYPE).withCharset("UTF-8")
            : MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    return Response.ok(body)
        .type(type)
        .header("Content-Disposition", TableDownload.attachment(fileName))
        .header("Cache-Control", TableDownload.CACHE_CONTROL)
        .build();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
