package org.opendvc.portal.catalogue;

import java.time.LocalDate;
import java.util.Set;

/**
 * A procedure as read from an import, checked and ready to store: the fields of the national feed
 * in the portal's terms.
 */
public record ProcedureRecord(
    String code,
    String name,
    String fieldName,
    OnlineLevel nationalLevel,
    Set<Tier> tiers,
    String procedureType,
    String decisionNo,
    LocalDate decisionDate,
    String description,
    String requirements,
    String keywords,
    ProcedureDetails details) {

  public ProcedureRecord {
    tiers = Set.copyOf(tiers);
  }
}
