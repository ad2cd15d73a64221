package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.ImportReport;
import org.opendvc.portal.catalogue.ProcedureImportService;
import org.opendvc.portal.catalogue.search.CatalogueSearch;
import org.opendvc.portal.catalogue.search.SearchQuery;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;

/** Procedures: search, one procedure, import in the national feed's shape, export. */
@RequestScoped
@Path("/v1/procedures")
@Tag(name = "Catalogue")
public class ProcedureResource {

  static final String NDJSON = "application/x-ndjson";
  static final int MAX_QUERY = 200;

  @Inject private CatalogueService catalogue;
  @Inject private CatalogueSearch search;
  @Inject private org.opendvc.portal.catalogue.search.SearchLog searchLog;
  @Inject private ProcedureImportService importer;
  @Inject private CatalogueExports exports;

  @Inject
  @ConfigProperty(name = "portal.import.max.bytes", defaultValue = "52428800")
  private long maxImportBytes;

  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Timed(name = "catalogue_search", absolute = true, description = "Catalogue searches")
  @Operation(
      summary = "Search procedures",
      description =
          "Ranked search; q is free text with or without diacritics, or a procedure"
              + " code, in the words people use (the search dictionary reads colloquial names,"
              + " abbreviations and English). Returns items, facets (level, tier, field: value →"
              + " count), alsoSearched (what the dictionary made of the words) and nationalServices"
              + " (topics handled by a national service instead of the province, with its link).")
  public Response search(
      @QueryParam("q") @Parameter(description = "free text or a procedure code") String q,
      @QueryParam("level") @Parameter(description = "2, 3 or 4") String level,
      @QueryParam("tier") @Parameter(description = "ministry, province, district, commune, other")
          String tier,
      @QueryParam("agency") @Parameter(description = "agency code") String agency,
      @QueryParam("field") @Parameter(description = "field name or its folded form") String field,
      @QueryParam("page") @Parameter(description = "from 0") String page,
      @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size) {
    Params p = new Params();
    String text = p.text("q", q, MAX_QUERY);
    Integer lvl = p.level(level);
    var t = p.tier(tier);
    int pg = p.page(page);
    int sz = p.size(size, SearchQuery.DEFAULT_SIZE, SearchQuery.MAX_SIZE);
    p.check();
    SearchQuery query = new SearchQuery(text, lvl, t.orElse(null), agency, field, pg, sz);
    long started = System.nanoTime();
    var result = search.search(query);
    double millis = (System.nanoTime() - started) / 1_000_000.0;
    if (pg == 0 && text != null && !text.isBlank()) {
      searchLog.searched(text, result.hits().total());
    }
    return Response.ok(CatalogueJson.searchResult(result, locale()))
        .header("Server-Timing", String.format(Locale.ROOT, "search;dur=%.3f", millis))
        .build();
  }

  @GET
  @Path("{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One procedure with every field and the agencies that offer it")
  public JsonObject procedure(@PathParam("code") String code) {
    return catalogue
        .procedure(code)
        .map(v -> CatalogueJson.procedure(v, locale()))
        .orElseThrow(() -> new NotFoundException("procedure.notFound", code));
  }

  @POST
  @Path("import")
  @Consumes({MediaType.APPLICATION_JSON, NDJSON})
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Import procedures (ADMIN)",
      description =
          "A JSON array (application/json) or JSON Lines (application/x-ndjson) of"
              + " records in the national feed's shape; MUCDO 2, 3 or 4 gives the level (default 2)."
              + " Upserts by code; answers {created, updated, rejected: [{index, reason}]} and never"
              + " stops at the first bad record.")
  public JsonObject importProcedures(InputStream body) {
    Access.require(request, headers, Role.ADMIN);
    MediaType type = headers.getMediaType();
    boolean lines = type != null && NDJSON.equals(type.getType() + "/" + type.getSubtype());
    FeedInput input = FeedInput.read(body, lines, maxImportBytes);
    ImportReport report = importer.importRecords(input.records());
    return importAnswer(report, input, locale());
  }

  @GET
  @Path("export")
  @Produces({MediaType.APPLICATION_JSON, "application/ld+json"})
  @Operation(
      summary = "The whole catalogue, as the portal's JSON or as CPSV-AP JSON-LD",
      description = "format=json (default) or format=cpsv-ap")
  public Response export(@QueryParam("format") String format) {
    String f =
        format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
    Locale locale = locale();
    CatalogueExports.Renderer renderer;
    String mediaType;
    switch (f) {
      case "json" -> {
        mediaType = MediaType.APPLICATION_JSON + ";charset=UTF-8";
        renderer =
            stream -> {
              try (JsonGenerator g = JSON.createGenerator(stream)) {
                g.writeStartArray();
                catalogue.forEachProcedure(v -> g.write(CatalogueJson.procedure(v, locale)));
                g.writeEnd();
              }
            };
      }
      case "cpsv-ap" -> {
        mediaType = "application/ld+json;charset=UTF-8";
        renderer =
            stream -> {
              try (JsonGenerator g = JSON.createGenerator(stream)) {
                g.writeStartObject();
                g.write("@context", CpsvAp.context());
                g.writeStartArray("@graph");
                catalogue.forEachProcedure(v -> g.write(CpsvAp.publicService(v)));
                g.writeEnd();
                g.writeEnd();
              }
            };
      }
      default -> throw new InvalidInputException("format", "param.formatInvalid", format);
    }
    long revision = search.current().revision();
    CatalogueExports.Rendering rendering = exports.get(revision, f, locale, renderer);
    String cache = "public, max-age=300";
    String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null
        && (ifNoneMatch.contains(rendering.etag()) || ifNoneMatch.strip().equals("*"))) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, rendering.etag())
          .header(HttpHeaders.CACHE_CONTROL, cache)
          .build();
    }
    String file = "json".equals(f) ? "catalogue.json" : "catalogue.jsonld";
    return Response.ok(rendering.bytes(), mediaType)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header(HttpHeaders.ETAG, rendering.etag())
        .header(HttpHeaders.CACHE_CONTROL, cache)
        .header(HttpHeaders.VARY, "Accept-Language")
        .build();
  }

  static JsonObject importAnswer(ImportReport report, FeedInput input, Locale locale) {
    JsonArrayBuilder rejected = JSON.createArrayBuilder();
    for (ImportReport.Rejection r : input.allRejections(report)) {
      JsonArrayBuilder errors = JSON.createArrayBuilder();
      for (FieldProblem p : r.problems()) {
        errors.add(
            JSON.createObjectBuilder()
                .add("field", p.field())
                .add("message", Messages.get(locale, p.messageKey(), p.args())));
      }
      String reason =
          r.problems().stream()
              .map(p -> Messages.get(locale, p.messageKey(), p.args()))
              .collect(Collectors.joining(" "));
      rejected.add(
          JSON.createObjectBuilder()
              .add("index", r.index())
              .add("code", r.code() == null ? JsonValue.NULL : JSON.createValue(r.code()))
              .add("reason", reason)
              .add("errors", errors));
    }
    return JSON.createObjectBuilder()
        .add("created", report.created())
        .add("updated", report.updated())
        .add("rejected", rejected)
        .build();
  }

  private Locale locale() {
    return RequestLocale.of(headers);
  }
}
