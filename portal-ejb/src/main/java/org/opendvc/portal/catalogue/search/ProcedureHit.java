package org.opendvc.portal.catalogue.search;

import java.util.List;
import org.opendvc.portal.catalogue.Tier;

/** One search result: enough to list it and link to its page. */
public record ProcedureHit(
    String code, String name, String field, List<Integer> levels, List<Tier> tiers, float score) {

  public ProcedureHit {
    levels = List.copyOf(levels);
    tiers = List.copyOf(tiers);
  }
}
