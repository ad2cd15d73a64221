package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.problem.StrictJson;
import org.opendvc.portal.catalogue.search.SearchDictionary.NationalService;
import org.opendvc.portal.catalogue.search.SearchDictionary.Term;
import org.opendvc.portal.catalogue.search.SearchDictionaryStore;
import org.opendvc.portal.catalogue.search.SearchLog;
import org.opendvc.portal.catalogue.search.ServiceInput;
import org.opendvc.portal.catalogue.search.TermInput;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The search's dictionary, its national-service topics and the log of searches that found nothing,
 * for admins (docs/search.md). Changes take effect on every node within seconds.
 */
@Path("/v1/search")
@Tag(name = "Search", description = "Dictionary, national services and the log of the search")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.Names.ADMIN)
public class SearchAdminResource {

  /** The longest period the log report covers at once. */
  static final int MAX_LOG_DAYS = 366;

  @Inject private SearchDictionaryStore store;
  @Inject private SearchLog log;
  @Context private HttpHeaders headers;
  @Context private SecurityContext security;

  @GET
  @Path("dictionary")
  @Operation(
      summary = "Every entry of the search dictionary (ADMIN)",
      description =
          "Answers {items: [{id, kind, phrase, expansions, weight, meaning}]}; kind"
              + " SYNONYM (the phrase is also read as each expansion) or STOP (a filler that must"
              + " not decide the ranking).")
  public JsonObject terms() {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    store.terms().forEach(t -> items.add(term(t)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("dictionary")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an entry to the search dictionary (ADMIN)",
      description =
          "{kind?: SYNONYM|STOP, phrase, expansion: \"a|b\" (required for SYNONYM),"
              + " weight?: 0.1-3 (default 1), meaning}. Answers 201 with the entry; 400 naming each"
              + " wrong field, or when the phrase (without tones) is already an entry of that kind.")
  public Response addTerm(@NotNull(message = "request.bodyRequired") TermRequest body) {
    Term t = store.addTerm(body.input(), security.getUserPrincipal().getName());
    return Response.status(Response.Status.CREATED)
        .entity(term(t).toString())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @PUT
  @Path("dictionary/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace an entry of the search dictionary (ADMIN)",
      description = "Body as for POST. Answers the entry; 404 when there is none with that id.")
  public JsonObject updateTerm(
      @PathParam("id") String id, @NotNull(message = "request.bodyRequired") TermRequest body) {
    return term(store.updateTerm(id(id), body.input(), security.getUserPrincipal().getName()));
  }

  @DELETE
  @Path("dictionary/{id}")
  @Operation(
      summary = "Delete an entry of the search dictionary (ADMIN)",
      description = "Answers 204; 404 when there is none with that id.")
  public Response deleteTerm(@PathParam("id") String id) {
    store.deleteTerm(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("national-services")
  @Operation(
      summary = "Topics handled by a national service instead of the province",
      description =
          "Answers {items: [{id, agency, agencyVi, agencyEn, url, note, triggers}]}: a"
              + " search naming one of the triggers says who handles it and links the service.")
  @PermitAll
  public JsonObject services() {
    Locale locale = RequestLocale.of(headers);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    store.services().forEach(s -> items.add(CatalogueJson.nationalService(s, locale)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("national-services")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a national-service topic (ADMIN)",
      description = "{triggers: \"a|b\", agencyVi, agencyEn, url (https), note?}. Answers 201.")
  public Response addService(@NotNull(message = "request.bodyRequired") ServiceRequest body) {
    NationalService s =
        store.saveService(null, body.input(), security.getUserPrincipal().getName());
    return Response.status(Response.Status.CREATED)
        .entity(CatalogueJson.nationalService(s, RequestLocale.of(headers)).toString())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @PUT
  @Path("national-services/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a national-service topic (ADMIN)")
  public JsonObject updateService(
      @PathParam("id") String id, @NotNull(message = "request.bodyRequired") ServiceRequest body) {
    return CatalogueJson.nationalService(
        store.saveService(id(id), body.input(), security.getUserPrincipal().getName()),
        RequestLocale.of(headers));
  }

  @DELETE
  @Path("national-services/{id}")
  @Operation(summary = "Delete a national-service topic (ADMIN)")
  public Response deleteService(@PathParam("id") String id) {
    store.deleteService(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("log")
  @Operation(
      summary = "The most frequent searches that found nothing or were not opened (ADMIN)",
      description =
          "kind=empty (no result, the default) or unclicked (results, none opened from"
              + " the search page); from and to are dates (default the last 30 days, at most 366"
              + " days); limit 1-500 (default 100). Queries are written without tones. Answers"
              + " {kind, from, to, items: [{query, searches, emptySearches, clicks}]}.")
  public JsonObject log(
      @QueryParam("kind") String kind,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    Params p = new Params();
    boolean empty = kind == null || kind.isBlank() || "empty".equals(kind);
    if (!empty && !"unclicked".equals(kind)) {
      p.add(new FieldProblem("kind", "searchLog.kind", kind));
    }
    LocalDate end = date(p, "to", to, SearchLog.today());
    LocalDate start = date(p, "from", from, end.minusDays(29));
    if (start.isAfter(end) || start.plusDays(MAX_LOG_DAYS).isBefore(end)) {
      p.add(new FieldProblem("from", "searchLog.period", MAX_LOG_DAYS));
    }
    Integer n = p.integer("limit", limit);
    int max = n == null ? 100 : n;
    if (max < 1 || max > 500) {
      p.add(new FieldProblem("limit", "searchLog.limit", 500));
    }
    p.check();
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (SearchLog.LoggedQuery q : log.report(start, end, empty, max)) {
      items.add(
          JSON.createObjectBuilder()
              .add("query", q.query())
              .add("searches", q.searches())
              .add("emptySearches", q.emptySearches())
              .add("clicks", q.clicks()));
    }
    return JSON.createObjectBuilder()
        .add("kind", empty ? "empty" : "unclicked")
        .add("from", start.toString())
        .add("to", end.toString())
        .add("items", items)
        .build();
  }

  private static LocalDate date(Params p, String name, String text, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      p.add(new FieldProblem(name, "searchLog.date", text));
      return otherwise;
    }
  }

  private static long id(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("id", "searchTerm.id", text);
    }
  }

  static JsonObject term(Term t) {
    JsonArrayBuilder expansions = JSON.createArrayBuilder();
    t.expansions().forEach(expansions::add);
    return JSON.createObjectBuilder()
        .add("id", t.id())
        .add("kind", t.kind().name())
        .add("phrase", t.phrase())
        .add("expansions", expansions)
        .add("weight", t.weight())
        .add("meaning", t.meaning())
        .build();
  }

  /**
   * The body that adds or changes a search word: {@code expansion} (or {@code expansions}) as "a|b"
   * or as an array of texts. The rules for each member are the dictionary's.
   */
  public record TermRequest(
      String kind,
      String phrase,
      @JsonbTypeDeserializer(StrictJson.Phrases.class) String expansion,
      @JsonbTypeDeserializer(StrictJson.Phrases.class) String expansions,
      String weight,
      String meaning) {

    TermInput input() {
      return new TermInput(
          kind, phrase, expansion != null ? expansion : expansions, weight, meaning);
    }
  }

  /** The body that adds or changes a national service: its triggers as "a|b" or an array. */
  public record ServiceRequest(
      @JsonbTypeDeserializer(StrictJson.Phrases.class) String triggers,
      String agencyVi,
      String agencyEn,
      String url,
      String note) {

    ServiceInput input() {
      return new ServiceInput(triggers, agencyVi, agencyEn, url, note);
    }
  }
}
