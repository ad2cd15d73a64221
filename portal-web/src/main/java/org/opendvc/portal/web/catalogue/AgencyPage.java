package org.opendvc.portal.web.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.search.CatalogueSearch;
import org.opendvc.portal.catalogue.search.SearchQuery;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/**
 * An agency's page, {@code /agencies/{code}}: where it sits in the tree and the procedures it
 * offers, paged and filterable by level; an unknown code is a 404.
 */
@Named
@RequestScoped
public class AgencyPage {

  /** An agency linked from this page. */
  public record AgencyLink(String code, String name, String tier, String url) {}

  @Inject private CatalogueService catalogue;
  @Inject private CatalogueSearch search;
  @Inject private HttpServletRequest request;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;

  private Agency agency;
  private String tier;
  private AgencyLink parent;
  private List<AgencyLink> children;
  private SearchParams params;
  private ResultsView results;
  private final List<String> notices = new ArrayList<>();
  private String path;

  /** The view action: loads the agency or answers 404. */
  public void load() {
    Optional<Agency> found = catalogue.agency(CodeParam.of(request));
    if (found.isEmpty()) {
      NotFound.send();
      return;
    }
    agency = found.get();
    CatalogueLabels labels = new CatalogueLabels(text::get, language.getLocale());
    tier = labels.tier(agency.tier());
    parent = agency.parent().map(p -> link(p, labels)).orElse(null);
    children =
        catalogue.children(agency).stream()
            .sorted(
                Comparator.comparing(Agency::tier)
                    .thenComparing(Agency::name, Collator.getInstance(language.getLocale())))
            .map(c -> link(c, labels))
            .toList();
    SearchParams.Parsed parsed = SearchParams.parse(request::getParameter);
    parsed.notices().forEach(n -> notices.add(text.format(n.key(), n.args().toArray())));
    params = parsed.params().withAgency(null).withPage(parsed.params().page());
    path = links.agency(agency.code());
    SearchQuery query =
        new SearchQuery(
            params.q(),
            params.level(),
            params.tier(),
            agency.code(),
            params.field(),
            params.page() - 1,
            SearchQuery.DEFAULT_SIZE);
    results = new ResultsView(search.search(query), params, path, links, labels);
  }

  private AgencyLink link(Agency a, CatalogueLabels labels) {
    return new AgencyLink(a.code(), a.name(), labels.tier(a.tier()), links.agency(a.code()));
  }

  /** The window title: the agency, and the page number after the first page. */
  public String getWindowTitle() {
    return params.page() > 1
        ? agency.name() + " – " + text.format("pager.pageOf", params.page())
        : agency.name();
  }

  public Agency getAgency() {
    return agency;
  }

  public String getTier() {
    return tier;
  }

  public AgencyLink getParent() {
    return parent;
  }

  public List<AgencyLink> getChildren() {
    return children;
  }

  public SearchParams getParams() {
    return params;
  }

  public ResultsView getResults() {
    return results;
  }

  public List<String> getNotices() {
    return notices;
  }

  /** True when the agency offers no procedure at all (not merely none matching the words). */
  public boolean isOffersNothing() {
    return results.getTotal() == 0 && !params.hasText() && !params.hasFilters();
  }

  /** This page's own address, where its search form sends the words. */
  public String getPath() {
    return path;
  }

  /** The same list on the search page, where every filter is at hand. */
  public String getSearchUrl() {
    return SearchParams.empty().withAgency(agency.code()).url(links.getSearch());
  }
}
