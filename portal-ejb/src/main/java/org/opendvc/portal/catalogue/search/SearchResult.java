package org.opendvc.portal.catalogue.search;

import java.util.List;
import java.util.Map;
import org.opendvc.portal.catalogue.search.SearchDictionary.NationalService;
import org.opendvc.portal.shared.Page;

/**
 * A page of hits and, for each facet ({@code level}, {@code tier}, {@code field}), the number of
 * matches per value when every other filter of the query applies; what the search also looked for
 * through the dictionary, and the national services that handle what the query names (so a page can
 * say so instead of a bare "no results").
 */
public record SearchResult(
    Page<ProcedureHit> hits,
    Map<String, Map<String, Long>> facets,
    List<String> alsoSearched,
    List<NationalService> nationalServices) {

  public static final String LEVEL = "level";
  public static final String TIER = "tier";
  public static final String FIELD = "field";

  public SearchResult {
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    alsoSearched = alsoSearched == null ? List.of() : List.copyOf(alsoSearched);
    nationalServices = nationalServices == null ? List.of() : List.copyOf(nationalServices);
  }

  public SearchResult(Page<ProcedureHit> hits, Map<String, Map<String, Long>> facets) {
    this(hits, facets, List.of(), List.of());
  }
}
