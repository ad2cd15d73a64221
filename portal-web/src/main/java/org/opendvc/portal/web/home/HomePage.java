package org.opendvc.portal.web.home;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.catalogue.CatalogueSummary;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.catalogue.search.CatalogueSearch;
import org.opendvc.portal.catalogue.search.SearchQuery;
import org.opendvc.portal.catalogue.search.SearchResult;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.web.catalogue.CatalogueLabels;
import org.opendvc.portal.web.catalogue.SearchParams;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/** The home page, {@code /}. */
@Named
@RequestScoped
public class HomePage {

  /** A level with the number of procedures offered at it and the search that lists them. */
  public record LevelCount(int number, String label, String decree42, String count, String url) {}

  /** A count in the tier × level table; url is null when the count is zero. */
  public record Cell(String count, String url) {}

  public record TierRow(String label, String url, List<Cell> cells) {}

  public record FieldLink(String name, String count, String url) {}

  private static final int FIELDS_SHOWN = 12;

  @Inject private CatalogueSearch catalogue;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;

  private String total;
  private boolean empty;
  private final List<LevelCount> levels = new ArrayList<>();
  private final List<TierRow> tiers = new ArrayList<>();
  private final List<FieldLink> fields = new ArrayList<>();

  @PostConstruct
  void load() {
    CatalogueLabels labels = new CatalogueLabels(text::get, language.getLocale());
    CatalogueSummary summary = catalogue.summary();
    total = labels.count(summary.procedures());
    empty = summary.procedures() == 0;
    String search = links.getSearch();
    SearchParams none = SearchParams.empty();
    for (OnlineLevel level : OnlineLevel.values()) {
      long n = summary.byLevel().getOrDefault(level.number(), 0L);
      levels.add(
          new LevelCount(
              level.number(),
              labels.levelShort(level.number()),
              labels.levelDecree42(level.number()),
              labels.count(n),
              none.withLevel(level.number()).url(search)));
    }
    for (Tier tier : Tier.values()) {
      Map<Integer, Long> byLevel = summary.byTierAndLevel().get(tier);
      if (byLevel == null || byLevel.isEmpty()) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (OnlineLevel level : OnlineLevel.values()) {
        long n = byLevel.getOrDefault(level.number(), 0L);
        cells.add(
            new Cell(
                labels.count(n),
                n == 0 ? null : none.withTier(tier).withLevel(level.number()).url(search)));
      }
      tiers.add(new TierRow(labels.tier(tier), none.withTier(tier).url(search), cells));
    }
    SearchResult all = catalogue.search(new SearchQuery("", null, null, null, null, 0, 1));
    all.facets().getOrDefault(SearchResult.FIELD, Map.of()).entrySet().stream()
        .limit(FIELDS_SHOWN)
        .forEach(
            e ->
                fields.add(
                    new FieldLink(
                        e.getKey(),
                        labels.count(e.getValue()),
                        none.withField(TextFolding.slug(e.getKey())).url(search))));
  }

  public String getTotal() {
    return total;
  }

  public boolean isEmpty() {
    return empty;
  }

  public List<LevelCount> getLevels() {
    return levels;
  }

  /** The level headings of the tier table, in order. */
  public List<LevelCount> getLevelColumns() {
    return levels;
  }

  public List<TierRow> getTiers() {
    return tiers;
  }

  public List<FieldLink> getFields() {
    return fields;
  }
}
