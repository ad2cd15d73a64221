package org.opendvc.portal.infrastructure.demo;

import java.util.List;
import java.util.Set;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.catalogue.Tier;

/**
 * One demo procedure as read from the catalogue table, before it becomes a national feed record:
 * tiers, time limit, fee in đồng (0 = free) and the level most agencies offer it at.
 */
record DemoProcedure(
    String code,
    DemoField field,
    Set<Tier> tiers,
    int timeLimit,
    TimeUnit timeUnit,
    long fee,
    int level,
    String name,
    List<String> results,
    List<DemoField.Paper> extraPapers) {

  DemoProcedure {
    tiers = Set.copyOf(tiers);
    results = List.copyOf(results);
    extraPapers = List.copyOf(extraPapers);
  }
}
