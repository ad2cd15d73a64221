package org.opendvc.portal.web.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.catalogue.search.ProcedureHit;
import org.opendvc.portal.catalogue.search.SearchQuery;
import org.opendvc.portal.catalogue.search.SearchResult;
import org.opendvc.portal.shared.Page;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * One page of search results as the page shows it: rows of hits, facet links with their counts and
 * the pager, every link already built. Shared by the search and agency pages.
 */
public final class ResultsView {

  /** A procedure in the list. */
  public record HitRow(
      String code,
      String name,
      String url,
      String field,
      List<String> levels,
      List<String> tiers) {}

  /** A facet value: following the link applies it, or removes it when it is the selected one. */
  public record FacetLink(String value, String label, String count, String url, boolean selected) {}

  /** A link of the pager; a {@code null} number is a gap ("…"). */
  public record PageLink(Integer number, String url, boolean current) {}

  private final long total;
  private final int page;
  private final int pageCount;
  private final List<HitRow> hits;
  private final List<FacetLink> levels;
  private final List<FacetLink> tiers;
  private final List<FacetLink> fields;
  private final List<PageLink> pages;
  private final String previousUrl;
  private final String nextUrl;
  private final String lastPageUrl;
  private final String selectedFieldName;
  private final String totalText;

  public ResultsView(
      SearchResult result,
      SearchParams params,
      String path,
      PageLinks links,
      CatalogueLabels labels) {
    this(result, params, path, links, labels, null);
  }

  /**
   * With {@code clickBase} (the context path), each result links through {@link
   * SearchClickServlet}, which counts that a result was opened for these words.
   */
  public ResultsView(
      SearchResult result,
      SearchParams params,
      String path,
      PageLinks links,
      CatalogueLabels labels,
      String clickBase) {
    Page<ProcedureHit> found = result.hits();
    total = found.total();
    totalText = labels.count(total);
    page = params.page();
    pageCount = found.pageCount();
    hits =
        found.items().stream()
            .map(
                h ->
                    new HitRow(
                        h.code(),
                        h.name(),
                        clickBase != null && params.hasText()
                            ? SearchClickServlet.link(clickBase, h.code(), params.q())
                            : links.procedure(h.code()),
                        h.field(),
                        h.levels().stream().map(labels::level).toList(),
                        h.tiers().stream().map(labels::tier).toList()))
            .toList();

    levels = new ArrayList<>();
    facet(result, SearchResult.LEVEL)
        .forEach(
            (value, count) -> {
              int number = Integer.parseInt(value);
              boolean selected = params.level() != null && params.level() == number;
              levels.add(
                  new FacetLink(
                      value,
                      labels.level(number),
                      labels.count(count),
                      (selected ? params.withLevel(null) : params.withLevel(number)).url(path),
                      selected));
            });
    tiers = new ArrayList<>();
    facet(result, SearchResult.TIER)
        .forEach(
            (value, count) -> {
              Tier tier = Tier.fromKey(value).orElse(Tier.OTHER);
              boolean selected = tier == params.tier();
              tiers.add(
                  new FacetLink(
                      value,
                      labels.tier(tier),
                      labels.count(count),
                      (selected ? params.withTier(null) : params.withTier(tier)).url(path),
                      selected));
            });
    fields = new ArrayList<>();
    String wantedField = params.field() == null ? null : TextFolding.slug(params.field());
    String selectedName = null;
    for (Map.Entry<String, Long> e : facet(result, SearchResult.FIELD).entrySet()) {
      String slug = TextFolding.slug(e.getKey());
      boolean selected = slug.equals(wantedField);
      if (selected) {
        selectedName = e.getKey();
      }
      fields.add(
          new FacetLink(
              slug,
              e.getKey(),
              labels.count(e.getValue()),
              (selected ? params.withField(null) : params.withField(slug)).url(path),
              selected));
    }
    selectedFieldName = selectedName != null ? selectedName : params.field();

    pages = new ArrayList<>();
    int last = Math.min(pageCount, SearchParams.MAX_PAGE);
    Integer previous = null;
    for (int n = 1; n <= last; n++) {
      if (n == 1 || n == last || Math.abs(n - page) <= 2) {
        if (previous != null && n - previous > 1) {
          pages.add(new PageLink(null, null, false));
        }
        pages.add(new PageLink(n, params.withPage(n).url(path), n == page));
        previous = n;
      }
    }
    previousUrl = page > 1 && page <= last ? params.withPage(page - 1).url(path) : null;
    nextUrl = page < last ? params.withPage(page + 1).url(path) : null;
    lastPageUrl = last >= 1 ? params.withPage(last).url(path) : null;
  }

  private static Map<String, Long> facet(SearchResult result, String name) {
    return result.facets().getOrDefault(name, Map.of());
  }

  public long getTotal() {
    return total;
  }

  public String getTotalText() {
    return totalText;
  }

  public int getPage() {
    return page;
  }

  public int getPageCount() {
    return pageCount;
  }

  /** The numbers of the first and last hit shown, from 1. */
  public long getFirstShown() {
    return hits.isEmpty() ? 0 : (long) (page - 1) * SearchQuery.DEFAULT_SIZE + 1;
  }

  public long getLastShown() {
    return hits.isEmpty() ? 0 : getFirstShown() + hits.size() - 1;
  }

  public List<HitRow> getHits() {
    return hits;
  }

  /** True when there are matches but the page asked for lies beyond the last one. */
  public boolean isPastTheEnd() {
    return hits.isEmpty() && total > 0;
  }

  public List<FacetLink> getLevels() {
    return levels;
  }

  public List<FacetLink> getTiers() {
    return tiers;
  }

  public List<FacetLink> getFields() {
    return fields;
  }

  public List<PageLink> getPages() {
    return pages;
  }

  public boolean isPaged() {
    return pageCount > 1;
  }

  public String getPreviousUrl() {
    return previousUrl;
  }

  public String getNextUrl() {
    return nextUrl;
  }

  public String getLastPageUrl() {
    return lastPageUrl;
  }

  public String getSelectedFieldName() {
    return selectedFieldName;
  }
}
