package org.opendvc.portal.api.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.catalogue.search.CatalogueSearch;

/** Counts of offered procedures by tier and level. */
@RequestScoped
@Path("/v1/catalogue/summary")
@Tag(name = "Catalogue")
public class CatalogueSummaryResource {

  @Inject private CatalogueSearch search;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Counts of offered procedures by level, and by tier and level")
  public JsonObject summary() {
    return CatalogueJson.summary(search.summary());
  }
}
