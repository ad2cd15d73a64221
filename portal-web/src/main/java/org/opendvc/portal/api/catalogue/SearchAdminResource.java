package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.catalogue.search.SearchDictionary.NationalService;
import org.opendvc.portal.catalogue.search.SearchDictionary.Term;
import org.opendvc.portal.catalogue.search.SearchDictionaryStore;
import org.opendvc.portal.catalogue.search.SearchLog;
import org.opendvc.portal.catalogue.search.ServiceInput;
import org.opendvc.portal.catalogue.search.TermInput;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The search's dictionary, its national-service topics and the log of searches that found
 * nothing, for admins (docs/search.md). Changes take effect on every node within seconds.
 */
@Path("/v1/search")
@Tag(name = "Search", description = "Dictionary, national services and the log of the search")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class SearchAdminResource {

  /** The longest period the log report covers at once. */
  static final int MAX_LOG_DAYS = 366;

  @Inject private SearchDictionaryStore store;
  @Inject private SearchLog log;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Path("dictionary")
  @Operation(summary = "Every entry of the search dictionary (ADMIN)",
      description = "Answers {items: [{id, kind, phrase, expansions, weight, meaning}]}; kind"
          + " SYNONYM (the phrase is also read as each expansion) or STOP (a filler that must"
          + " not decide the ranking).")
  public JsonObject terms() {
    Access.require(request, headers, Role.ADMIN);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    store.terms().forEach(t -> items.add(term(t)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("dictionary")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an entry to the search dictionary (ADMIN)",
      description = "{kind?: SYNONYM|STOP, phrase, expansion: \"a|b\" (required for SYNONYM),"
          + " weight?: 0.1-3 (default 1), meaning}. Answers 201 with the entry; 400 naming each"
          + " wrong field, or when the phrase (without tones) is already an entry of that kind.")
  public Response addTerm(JsonObject body) {
    TokenClaims who = Access.require(request, headers, Role.ADMIN);
    Term t = store.addTerm(termInput(body), who.username());
    return Response.status(Response.Status.CREATED).entity(term(t).toString())
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PUT
  @Path("dictionary/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace an entry of the search dictionary (ADMIN)",
      description = "Body as for POST. Answers the entry; 404 when there is none with that id.")
  public JsonObject updateTerm(@PathParam("id") String id, JsonObject body) {
    TokenClaims who = Access.require(request, headers, Role.ADMIN);
    return term(store.updateTerm(id(id), termInput(body), who.username()));
  }

  @DELETE
  @Path("dictionary/{id}")
  @Operation(summary = "Delete an entry of the search dictionary (ADMIN)",
      description = "Answers 204; 404 when there is none with that id.")
  public Response deleteTerm(@PathParam("id") String id) {
    Access.require(request, headers, Role.ADMIN);
    store.deleteTerm(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("national-services")
  @Operation(summary = "Topics handled by a national service instead of the province",
      description = "Answers {items: [{id, agency, agencyVi, agencyEn, url, note, triggers}]}: a"
          + " search naming one of the triggers says who handles it and links the service.")
  public JsonObject services() {
    Locale locale = RequestLocale.of(headers);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    store.services().forEach(s -> items.add(CatalogueJson.nationalService(s, locale)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @POST
  @Path("national-services")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a national-service topic (ADMIN)",
      description = "{triggers: \"a|b\", agencyVi, agencyEn, url (https), note?}. Answers 201.")
  public Response addService(JsonObject body) {
    TokenClaims who = Access.require(request, headers, Role.ADMIN);
    NationalService s = store.saveService(null, serviceInput(body), who.username());
    return Response.status(Response.Status.CREATED)
        .entity(CatalogueJson.nationalService(s, RequestLocale.of(headers)).toString())
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PUT
  @Path("national-services/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a national-service topic (ADMIN)")
  public JsonObject updateService(@PathParam("id") String id, JsonObject body) {
    TokenClaims who = Access.require(request, headers, Role.ADMIN);
    return CatalogueJson.nationalService(
        store.saveService(id(id), serviceInput(body), who.username()), RequestLocale.of(headers));
  }

  @DELETE
  @Path("national-services/{id}")
  @Operation(summary = "Delete a national-service topic (ADMIN)")
  public Response deleteService(@PathParam("id") String id) {
    Access.require(request, headers, Role.ADMIN);
    store.deleteService(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("log")
  @Operation(summary = "The most frequent searches that found nothing or were not opened (ADMIN)",
      description = "kind=empty (no result, the default) or unclicked (results, none opened from"
          + " the search page); from and to are dates (default the last 30 days, at most 366"
          + " days); limit 1-500 (default 100). Queries are written without tones. Answers"
          + " {kind, from, to, items: [{query, searches, emptySearches, clicks}]}.")
  public JsonObject log(@QueryParam("kind") String kind, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") String limit) {
    Access.require(request, headers, Role.ADMIN);
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
      items.add(JSON.createObjectBuilder().add("query", q.query()).add("searches", q.searches())
          .add("emptySearches", q.emptySearches()).add("clicks", q.clicks()));
    }
    return JSON.createObjectBuilder().add("kind", empty ? "empty" : "unclicked")
        .add("from", start.toString()).add("to", end.toString()).add("items", items).build();
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
    return JSON.createObjectBuilder().add("id", t.id()).add("kind", t.kind().name())
        .add("phrase", t.phrase()).add("expansions", expansions).add("weight", t.weight())
        .add("meaning", t.meaning()).build();
  }

  private static TermInput termInput(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    return new TermInput(text(b, "kind"), text(b, "phrase"), expansion(b), text(b, "weight"),
        text(b, "meaning"));
  }

  private static ServiceInput serviceInput(JsonObject body) {
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    return new ServiceInput(list(b, "triggers"), text(b, "agencyVi"), text(b, "agencyEn"),
        text(b, "url"), text(b, "note"));
  }

  /** The expansions, as "a|b" or as an array of strings. */
  private static String expansion(JsonObject b) {
    String single = list(b, "expansion");
    return single != null ? single : list(b, "expansions");
  }

  private static String list(JsonObject b, String key) {
    JsonValue v = b.get(key);
    if (v instanceof jakarta.json.JsonArray a) {
      StringBuilder out = new StringBuilder();
      for (JsonValue item : a) {
        if (item instanceof JsonString s) {
          out.append(out.length() > 0 ? "|" : "").append(s.getString());
        }
      }
      return out.toString();
    }
    return text(b, key);
  }

  /** A string (or, for numbers, its text); any other JSON type counts as missing. */
  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return v instanceof JsonString s ? s.getString() : null;
  }
}
