package org.opendvc.portal.catalogue.search;

import java.util.Map;
import org.opendvc.portal.shared.Page;

/**
 * A page of hits and, for each facet ({@code level}, {@code tier}, {@code field}), the number of
 * matches per value when every other filter of the query applies.
 */
public record SearchResult(Page<ProcedureHit> hits, Map<String, Map<String, Long>> facets) {

  public static final String LEVEL = "level";
  public static final String TIER = "tier";
  public static final String FIELD = "field";

  public SearchResult {
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
