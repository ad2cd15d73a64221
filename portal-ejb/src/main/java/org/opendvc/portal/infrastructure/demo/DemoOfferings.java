package org.opendvc.portal.infrastructure.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.catalogue.Tier;

/**
 * Which demo agency offers which demo procedure at which level. Province-tier procedures go to the
 * department of their field, district-tier ones to every district and commune-tier ones to every
 * commune; in a province without districts (after July 2025) the communes take over the
 * district-tier procedures, as the 2025 reform did.
 *
 * <p>The level is the procedure's usual level, varied per agency by a stable hash of the two codes
 * (no randomness, same result on every run and node): about one agency in seven offers a level-4
 * procedure only at level 3, a few offer a level-3 procedure at level 4 and a few only at level 2.
 * Level 2 procedures stay at level 2, since they have no online channel.
 */
final class DemoOfferings {

  private DemoOfferings() {}

  static List<DemoOffering> of(List<DemoProcedure> procedures, List<DemoProvince> provinces) {
    Map<String, DemoOffering> offerings = new LinkedHashMap<>();
    for (DemoProvince province : provinces) {
      List<DemoAgency> districts = province.ofTier(Tier.DISTRICT);
      List<DemoAgency> communes = province.ofTier(Tier.COMMUNE);
      for (DemoProcedure p : procedures) {
        List<String> agencies = new ArrayList<>();
        if (p.tiers().contains(Tier.PROVINCE)) {
          agencies.add(province.departmentFor(p.field().departmentKey()));
        }
        if (p.tiers().contains(Tier.DISTRICT)) {
          (province.hasDistrictTier() ? districts : communes).forEach(a -> agencies.add(a.code()));
        }
        if (p.tiers().contains(Tier.COMMUNE)) {
          communes.forEach(a -> agencies.add(a.code()));
        }
        for (String agency : agencies) {
          offerings.putIfAbsent(
              p.code() + " " + agency, new DemoOffering(p.code(), agency, levelAt(p, agency)));
        }
      }
    }
    return List.copyOf(offerings.values());
  }

  /** The level at which an agency offers a procedure. */
  static int levelAt(DemoProcedure p, String agencyCode) {
    int h = Math.floorMod((p.code() + "@" + agencyCode).hashCode(), 100);
    return switch (p.level()) {
      case 4 -> h < 15 ? 3 : 4;
      case 3 -> h < 6 ? 4 : h < 12 ? 2 : 3;
      default -> 2;
    };
  }
}
