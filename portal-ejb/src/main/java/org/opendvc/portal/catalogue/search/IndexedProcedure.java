package org.opendvc.portal.catalogue.search;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Tier;

/** What the search index knows of a procedure. */
public record IndexedProcedure(
    String code,
    String name,
    String fieldName,
    String keywords,
    Set<Tier> tiers,
    OnlineLevel nationalLevel,
    List<OfferedAt> offerings) {

  public IndexedProcedure {
    tiers = Set.copyOf(tiers);
    offerings = List.copyOf(offerings);
  }

  /** One agency offering the procedure, at a level. */
  public record OfferedAt(String agencyCode, Tier agencyTier, int level) {}

  /** The levels at which it is offered anywhere; the announced level when nobody offers it. */
  public TreeSet<Integer> levels() {
    TreeSet<Integer> levels = new TreeSet<>();
    offerings.forEach(o -> levels.add(o.level()));
    if (levels.isEmpty()) {
      levels.add(nationalLevel.number());
    }
    return levels;
  }

  /**
   * The (tier, level) pairs it is offered at: from its offerings, or its own tiers at the announced
   * level when nobody offers it.
   */
  public java.util.Map<Tier, TreeSet<Integer>> levelsByTier() {
    java.util.Map<Tier, TreeSet<Integer>> out = new java.util.EnumMap<>(Tier.class);
    if (offerings.isEmpty()) {
      tiers.forEach(t -> out.computeIfAbsent(t, k -> new TreeSet<>()).add(nationalLevel.number()));
    } else {
      offerings.forEach(
          o -> out.computeIfAbsent(o.agencyTier(), k -> new TreeSet<>()).add(o.level()));
    }
    return out;
  }

  /** The levels at one agency (empty when it does not offer it). */
  public TreeSet<Integer> levelsAt(String agencyCode) {
    TreeSet<Integer> levels = new TreeSet<>();
    offerings.stream()
        .filter(o -> o.agencyCode().equals(agencyCode))
        .forEach(o -> levels.add(o.level()));
    return levels;
  }
}
