package org.opendvc.portal.infrastructure.demo;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the demo loads, built in memory without a database: the same on every run, so tests
 * can check exactly what a node will load.
 */
record DemoData(
    List<DemoProvince> provinces,
    List<DemoProcedure> procedures,
    List<DemoOffering> offerings,
    List<DemoAccount> accounts) {

  DemoData {
    provinces = List.copyOf(provinces);
    procedures = List.copyOf(procedures);
    offerings = List.copyOf(offerings);
    accounts = List.copyOf(accounts);
  }

  static DemoData build() {
    List<DemoProvince> provinces = DemoProvinces.all();
    List<DemoProcedure> procedures = DemoCatalogue.load();
    return new DemoData(
        provinces, procedures, DemoOfferings.of(procedures, provinces), DemoAccounts.of(provinces));
  }

  /** Every agency of both provinces, parents before children. */
  List<DemoAgency> agencies() {
    List<DemoAgency> all = new ArrayList<>();
    provinces.forEach(p -> all.addAll(p.agencies()));
    return all;
  }

  /** The procedures in the national feed's shape, ready for the import. */
  List<JsonValue> feedRecords() {
    return procedures.stream().map(p -> (JsonValue) DemoCatalogue.toFeedRecord(p)).toList();
  }

  /** Offerings per level: {2: n, 3: n, 4: n}. */
  Map<Integer, Integer> offeringsByLevel() {
    Map<Integer, Integer> byLevel = new HashMap<>();
    for (int level = 2; level <= 4; level++) {
      byLevel.put(level, 0);
    }
    offerings.forEach(o -> byLevel.merge(o.level(), 1, Integer::sum));
    return byLevel;
  }
}
