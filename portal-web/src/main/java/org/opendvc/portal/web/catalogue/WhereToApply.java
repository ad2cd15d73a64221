package org.opendvc.portal.web.catalogue;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.ProvinceIdentity;

/**
 * "Where do I apply?" for one procedure: the provinces whose agencies offer it, the offering
 * agencies of the chosen province grouped by district (or under "province level" and "communes and
 * wards"), and the agency the person's choice leads to, with its level there and how to file.
 *
 * <p>A choice is a province and a unit (an agency code). A unit that does not offer this procedure
 * itself leads to the nearest agency above it that does (a commune remembered from a commune-level
 * procedure leads to its district for a district-level one), and a province where a single agency
 * offers the procedure leads straight to it.
 */
public final class WhereToApply {

  /** An option of a picker. */
  public record Choice(String code, String label, boolean selected) {}

  /** A group of units ({@code <optgroup>}). */
  public record Group(String label, List<Choice> units) {}

  /** The agency the choice leads to and how to file there. */
  public record Place(
      String agencyCode,
      String agencyName,
      String agencyUrl,
      String level,
      int levelNumber,
      String submitUrl,
      String address,
      String phone,
      String email) {

    /** Level 3 and 4 take dossiers online. */
    public boolean isOnline() {
      return submitUrl != null;
    }

    /** The phone as a {@code tel:} address, digits only. */
    public String getPhoneUrl() {
      String digits = phone == null ? "" : phone.replaceAll("[^0-9+]", "");
      return digits.isEmpty() ? null : "tel:" + digits;
    }
  }

  private final List<Choice> provinces;
  private final List<Group> groups;
  private final String province;
  private final Place place;
  private final boolean unitChosen;
  private String fromUnit;

  /**
   * @param offerings the procedure's offerings
   * @param wanted the province and unit asked for, in order of preference (the address first, then
   *     the remembered choice, then the portal's own province); null entries are skipped
   * @param findAgency looks an agency up by code (for a remembered unit that does not offer this
   *     procedure)
   */
  public WhereToApply(
      String procedureCode,
      List<Offering> offerings,
      List<String[]> wanted,
      Function<String, Optional<Agency>> findAgency,
      PageLinks links,
      CatalogueLabels labels,
      Collator collator,
      String provinceLevelLabel,
      String communesLabel) {
    Map<String, Offering> byAgency = new LinkedHashMap<>();
    Map<String, Agency> roots = new LinkedHashMap<>();
    Map<String, String> rootOf = new LinkedHashMap<>();
    for (Offering o : offerings) {
      byAgency.put(o.agency().code(), o);
      Agency root = root(o.agency());
      roots.putIfAbsent(root.code(), root);
      rootOf.put(o.agency().code(), root.code());
    }

    String chosenProvince = null;
    String chosenUnit = null;
    for (String[] w : wanted) {
      if (w == null) {
        continue;
      }
      String unit = w.length > 1 ? w[1] : null;
      String root = w[0];
      if (root == null && unit != null) {
        // a unit alone names its province too
        root = findAgency.apply(unit).map(a -> root(a).code()).orElse(null);
      }
      if (root == null || !roots.containsKey(root)) {
        continue;
      }
      chosenProvince = root;
      chosenUnit = unit;
      break;
    }
    if (chosenProvince == null && roots.size() == 1) {
      chosenProvince = roots.keySet().iterator().next();
    }
    province = chosenProvince;

    List<Choice> p = new ArrayList<>();
    for (Agency root :
        roots.values().stream()
            .sorted(Comparator.comparing(a -> ProvinceIdentity.placeName(a.name()), collator))
            .toList()) {
      p.add(
          new Choice(
              root.code(),
              capitalised(ProvinceIdentity.placeName(root.name())),
              root.code().equals(province)));
    }
    provinces = List.copyOf(p);

    Offering found = null;
    if (province != null) {
      List<Offering> inProvince =
          offerings.stream().filter(o -> province.equals(rootOf.get(o.agency().code()))).toList();
      if (chosenUnit != null) {
        Optional<Agency> unit =
            byAgency.containsKey(chosenUnit)
                ? Optional.of(byAgency.get(chosenUnit).agency())
                : findAgency.apply(chosenUnit);
        for (Agency a = unit.orElse(null);
            a != null && found == null;
            a = a.parent().orElse(null)) {
          Offering o = byAgency.get(a.code());
          if (o != null && province.equals(rootOf.get(a.code()))) {
            found = o;
            fromUnit = unit.get().code();
          }
        }
      }
      if (found == null && inProvince.size() == 1) {
        found = inProvince.get(0);
      }
      groups = groups(inProvince, found, collator, provinceLevelLabel, communesLabel);
    } else {
      groups = List.of();
    }
    unitChosen = found != null;
    if (found == null) {
      place = null;
    } else {
      Agency a = found.agency();
      int level = found.level().number();
      place =
          new Place(
              a.code(),
              a.name(),
              links.agency(a.code()),
              labels.level(level),
              level,
              found.level().allowsOnlineSubmission()
                  ? links.path(
                      "/my/submit/"
                          + PageLinks.encode(procedureCode)
                          + "?agency="
                          + PageLinks.encodeParam(a.code()))
                  : null,
              blankToNull(a.address()),
              blankToNull(a.phone()),
              blankToNull(a.email()));
    }
  }

  private static List<Group> groups(
      List<Offering> inProvince,
      Offering chosen,
      Collator collator,
      String provinceLevelLabel,
      String communesLabel) {
    Map<String, String> groupLabel = new LinkedHashMap<>();
    Map<String, List<Agency>> members = new LinkedHashMap<>();
    Map<String, String> order = new LinkedHashMap<>();
    for (Offering o : inProvince) {
      Agency a = o.agency();
      Agency parent = a.parent().orElse(null);
      String key;
      String label;
      String sort;
      if (a.tier() == Tier.DISTRICT) {
        key = a.code();
        label = capitalised(ProvinceIdentity.placeName(a.name()));
        sort = "1" + a.code();
      } else if (a.tier() == Tier.COMMUNE && parent != null && parent.tier() == Tier.DISTRICT) {
        key = parent.code();
        label = capitalised(ProvinceIdentity.placeName(parent.name()));
        sort = "1" + parent.code();
      } else if (a.tier() == Tier.COMMUNE) {
        key = "communes";
        label = communesLabel;
        sort = "2";
      } else {
        key = "province";
        label = provinceLevelLabel;
        sort = "0";
      }
      groupLabel.putIfAbsent(key, label);
      order.putIfAbsent(key, sort);
      members.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    String chosenCode = chosen == null ? null : chosen.agency().code();
    return members.keySet().stream()
        .sorted(Comparator.comparing(order::get))
        .map(
            k ->
                new Group(
                    groupLabel.get(k),
                    members.get(k).stream()
                        // a district's own committee first, then its communes by name
                        .sorted(
                            Comparator.comparing((Agency a) -> a.tier() == Tier.DISTRICT ? 0 : 1)
                                .thenComparing(a -> ProvinceIdentity.placeName(a.name()), collator))
                        .map(a -> new Choice(a.code(), unitLabel(a), a.code().equals(chosenCode)))
                        .toList()))
        .toList();
  }

  /** A commune or district by its place ("xã An Lộc"); other agencies by their own name. */
  private static String unitLabel(Agency a) {
    return a.tier() == Tier.COMMUNE || a.tier() == Tier.DISTRICT
        ? capitalised(ProvinceIdentity.placeName(a.name()))
        : a.name();
  }

  private static Agency root(Agency agency) {
    Agency a = agency;
    for (int depth = 0; depth < 64 && a.parent().isPresent(); depth++) {
      a = a.parent().get();
    }
    return a;
  }

  static String capitalised(String s) {
    return s == null || s.isEmpty()
        ? s
        : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public List<Choice> getProvinces() {
    return provinces;
  }

  /** Whether there is a province to choose between (more than one offers the procedure). */
  public boolean isProvinceChoice() {
    return provinces.size() > 1;
  }

  public String getProvince() {
    return province;
  }

  public List<Group> getGroups() {
    return groups;
  }

  /** Whether the chosen province has more than one agency to choose between. */
  public boolean isUnitChoice() {
    return groups.stream().mapToInt(g -> g.units().size()).sum() > 1;
  }

  /** Whether groups need labels: more than one group. */
  public boolean isGrouped() {
    return groups.size() > 1;
  }

  public Place getPlace() {
    return place;
  }

  /** The unit asked for that led to the place (it or a unit under it), or null. */
  public String getFromUnit() {
    return fromUnit;
  }

  public boolean isUnitChosen() {
    return unitChosen;
  }

  /** Whether any agency offers the procedure ({@code empty} is a word of EL, not a name). */
  public boolean isOffered() {
    return !provinces.isEmpty();
  }
}
