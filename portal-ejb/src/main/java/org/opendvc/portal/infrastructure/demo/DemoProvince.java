package org.opendvc.portal.infrastructure.demo;

import java.util.List;
import java.util.Map;
import org.opendvc.portal.catalogue.Tier;

/**
 * A demo province: its agency tree (parents before children) and which department offers the
 * province-tier procedures of each department key ("JUSTICE", "ENV"... as named in the catalogue
 * table).
 */
record DemoProvince(String name, List<DemoAgency> agencies, Map<String, String> departmentByKey) {

  DemoProvince {
    agencies = List.copyOf(agencies);
    departmentByKey = Map.copyOf(departmentByKey);
  }

  DemoAgency root() {
    return agencies.get(0);
  }

  /** The departments (sở, ban, ngành): province-tier children of the root. */
  List<DemoAgency> departments() {
    return agencies.stream()
        .filter(a -> a.tier() == Tier.PROVINCE && root().code().equals(a.parentCode()))
        .toList();
  }

  List<DemoAgency> ofTier(Tier tier) {
    return agencies.stream().filter(a -> a.tier() == tier).toList();
  }

  boolean hasDistrictTier() {
    return !ofTier(Tier.DISTRICT).isEmpty();
  }

  /** The department that offers the province-tier procedures of a key. */
  String departmentFor(String key) {
    String code = departmentByKey.get(key);
    if (code == null) {
      throw new IllegalArgumentException("no department of " + name + " for " + key);
    }
    return code;
  }
}
