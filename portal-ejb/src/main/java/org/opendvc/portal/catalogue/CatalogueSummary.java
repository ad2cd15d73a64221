package org.opendvc.portal.catalogue;

import java.util.Map;

/**
 * Counts of procedures offered, by tier and level: how many distinct procedures agencies of each
 * tier offer at each level, and in total per level.
 */
public record CatalogueSummary(
    long procedures, Map<Integer, Long> byLevel, Map<Tier, Map<Integer, Long>> byTierAndLevel) {

  public CatalogueSummary {
    byLevel = Map.copyOf(byLevel);
    byTierAndLevel = Map.copyOf(byTierAndLevel);
  }
}
