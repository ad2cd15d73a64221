package org.opendvc.portal.web.catalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.web.catalogue.AgencyPage.AgencyLink;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/**
 * The agency directory, {@code /agencies}: the top of the tree and, while it is small, the units
 * under each top agency grouped by tier. Deeper levels are on each agency's own page.
 */
@Named
@RequestScoped
public class AgencyDirectoryPage {

  /** Units of one tier under a top agency. */
  public record TierGroup(String tier, List<AgencyLink> agencies) {}

  /** A top agency and what sits under it. */
  public record Root(AgencyLink agency, List<TierGroup> groups) {}

  /** Beyond this many top agencies only the top is listed, one query each being enough. */
  private static final int EXPAND_AT_MOST = 10;

  @Inject private CatalogueService catalogue;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;

  private final List<Root> roots = new ArrayList<>();

  @PostConstruct
  void load() {
    CatalogueLabels labels = new CatalogueLabels(text::get, language.getLocale());
    Comparator<Agency> byName =
        Comparator.comparing(Agency::name, Collator.getInstance(language.getLocale()));
    List<Agency> top =
        catalogue.agencies(Optional.empty(), Optional.empty()).stream()
            .sorted(Comparator.comparing(Agency::tier).thenComparing(byName))
            .toList();
    boolean expand = top.size() <= EXPAND_AT_MOST;
    for (Agency root : top) {
      List<TierGroup> groups = new ArrayList<>();
      if (expand) {
        Map<Tier, List<AgencyLink>> byTier = new EnumMap<>(Tier.class);
        catalogue.children(root).stream()
            .sorted(byName)
            .forEach(
                c -> byTier.computeIfAbsent(c.tier(), t -> new ArrayList<>()).add(link(c, labels)));
        byTier.forEach((tier, list) -> groups.add(new TierGroup(labels.tier(tier), list)));
      }
      roots.add(new Root(link(root, labels), groups));
    }
  }

  private AgencyLink link(Agency a, CatalogueLabels labels) {
    return new AgencyLink(a.code(), a.name(), labels.tier(a.tier()), links.agency(a.code()));
  }

  public List<Root> getRoots() {
    return roots;
  }
}
