package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.shared.NotFoundException;

/** The agency tree. */
@RequestScoped
@Path("/v1/agencies")
@Tag(name = "Catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

  @Inject private CatalogueService catalogue;
  @Context private HttpHeaders headers;

  @GET
  @Operation(summary = "Agencies under a parent (the roots when none), or every agency of a tier")
  public JsonObject agencies(@QueryParam("parent") String parent, @QueryParam("tier") String tier) {
    Params p = new Params();
    Optional<Tier> t = p.tier(tier);
    p.check();
    Optional<String> parentCode =
        parent == null || parent.isBlank() ? Optional.empty() : Optional.of(parent.strip());
    List<Agency> agencies = catalogue.agencies(parentCode, t);
    Locale locale = RequestLocale.of(headers);
    JsonArrayBuilder items = JSON.createArrayBuilder();
    agencies.forEach(a -> items.add(CatalogueJson.agency(a, locale)));
    return JSON.createObjectBuilder().add("total", agencies.size()).add("items", items).build();
  }

  @GET
  @Path("{code}")
  @Operation(summary = "One agency with its parent and the units under it")
  public JsonObject agency(@PathParam("code") String code) {
    Agency agency =
        catalogue.agency(code).orElseThrow(() -> new NotFoundException("agency.notFound", code));
    Locale locale = RequestLocale.of(headers);
    JsonObjectBuilder out = JSON.createObjectBuilder(CatalogueJson.agency(agency, locale));
    JsonArrayBuilder children = JSON.createArrayBuilder();
    catalogue.children(agency).forEach(c -> children.add(CatalogueJson.agency(c, locale)));
    out.add("children", children);
    return out.build();
  }
}
