package org.opendvc.portal.api.admin;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.audit.AuditLog;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.Page;

/** The audit log of administrators' changes. */
@Path("/v1/admin/audit")
@Tag(name = "Administration", description = "Accounts and operations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class AuditResource {

  @Inject private AuditLog audit;

  @GET
  @Operation(
      summary = "Administrators' changes, newest first (ADMIN)",
      description =
          "from, to: ISO moments (default the last 30 days); page, size. Answers {total,"
              + " page, size, items: [{at, actor, area, action, target, status}]} with area one of"
              + " users, catalogue, calendar, dictionary, files, statistics, summaries.")
  public JsonObject list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Params p = new Params();
    Instant end = moment(p, "to", to).orElse(Instant.now().plusSeconds(1));
    Instant start = moment(p, "from", from).orElse(end.minus(Duration.ofDays(30)));
    int pg = p.page(page);
    int sz = p.size(size, 50, 100);
    p.check();
    Page<AuditLog.Entry> entries = audit.list(start, end, pg, sz);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    entries
        .items()
        .forEach(
            e ->
                items.add(
                    JSON.createObjectBuilder()
                        .add("at", e.at().toString())
                        .add("actor", e.actor())
                        .add("area", e.area())
                        .add("action", e.action())
                        .add("target", e.target())
                        .add("status", e.status())));
    return JSON.createObjectBuilder()
        .add("total", entries.total())
        .add("page", pg)
        .add("size", sz)
        .add("items", items)
        .build();
  }

  private static Optional<Instant> moment(Params p, String name, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<Instant> m = Params.moment(text);
    if (m.isEmpty()) {
      p.add(new FieldProblem(name, "param.momentInvalid", name, text));
    }
    return m;
  }
}
