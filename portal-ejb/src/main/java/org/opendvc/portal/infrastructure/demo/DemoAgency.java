package org.opendvc.portal.infrastructure.demo;

import org.opendvc.portal.catalogue.Tier;

/**
 * One agency of a demo province, as it goes into the {@code agency} table; the parent is named by
 * its code (null for the province's People's Committee).
 */
record DemoAgency(
    String code,
    String name,
    Tier tier,
    String parentCode,
    String address,
    String phone,
    String email) {

  /** The name without the "UBND " that starts the names of People's Committees. */
  String shortName() {
    return name.startsWith("UBND ") ? name.substring(5) : name;
  }
}
