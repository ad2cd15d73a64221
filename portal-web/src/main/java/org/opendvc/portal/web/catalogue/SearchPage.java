package org.opendvc.portal.web.catalogue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.search.CatalogueSearch;
import org.opendvc.portal.catalogue.search.SearchLog;
import org.opendvc.portal.catalogue.search.SearchQuery;
import org.opendvc.portal.catalogue.search.SearchResult;
import org.opendvc.portal.web.catalogue.SearchParams.Notice;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/** The search page, {@code /procedures?q=&level=&tier=&agency=&field=&page=}. */
@Named
@RequestScoped
public class SearchPage {

  /** A filter in force, with the link that removes it. */
  public record ActiveFilter(String label, String value, String removeUrl) {}

  @Inject private CatalogueService catalogue;
  @Inject private CatalogueSearch search;
  @Inject private SearchLog searchLog;
  @Inject private HttpServletRequest request;
  @Inject private PageText text;
  @Inject private PageLinks links;
  @Inject private LanguageView language;

  private SearchParams params;
  private final List<String> notices = new ArrayList<>();
  private final List<ActiveFilter> filters = new ArrayList<>();
  private ResultsView results;
  private String agencyName;
  private List<NationalNotice> nationalServices = List.of();
  private List<String> alsoSearched = List.of();

  /** A service outside the province that handles what was searched for. */
  public record NationalNotice(String agency, String url, String note) {}

  /** Who else handles what the words name, with the link to their service. */
  public List<NationalNotice> getNationalServices() {
    return nationalServices;
  }

  /** What the dictionary read the words as, to show under the heading. */
  public String getAlsoSearched() {
    return alsoSearched.isEmpty()
        ? null
        : String.join(" · ", alsoSearched.subList(0, Math.min(3, alsoSearched.size())));
  }

  @PostConstruct
  void search() {
    SearchParams.Parsed parsed = SearchParams.parse(request::getParameter);
    params = parsed.params();
    parsed.notices().forEach(this::notice);
    if (params.agency() != null) {
      Optional<Agency> agency = catalogue.agency(params.agency());
      if (agency.isPresent()) {
        agencyName = agency.get().name();
      } else {
        notice(new Notice("notice.agencyUnknown", List.of(params.agency())));
        params = params.withAgency(null).withPage(params.page());
      }
    }
    CatalogueLabels labels = new CatalogueLabels(text::get, language.getLocale());
    SearchResult found = search.search(query(params));
    if (params.hasText() && params.page() == 1) {
      searchLog.searched(params.q(), found.hits().total());
    }
    nationalServices =
        found.nationalServices().stream()
            .map(n -> new NationalNotice(n.agency(language.getLocale()), n.url(), n.note()))
            .toList();
    alsoSearched = found.alsoSearched();
    results =
        new ResultsView(
            found,
            params,
            links.getSearch(),
            links,
            labels,
            request.getContextPath() == null ? "" : request.getContextPath());
    String path = links.getSearch();
    if (params.level() != null) {
      filters.add(
          new ActiveFilter(
              text.get("search.level"),
              labels.level(params.level()),
              params.withLevel(null).url(path)));
    }
    if (params.tier() != null) {
      filters.add(
          new ActiveFilter(
              text.get("search.tier"),
              labels.tier(params.tier()),
              params.withTier(null).url(path)));
    }
    if (params.field() != null) {
      filters.add(
          new ActiveFilter(
              text.get("search.field"),
              results.getSelectedFieldName(),
              params.withField(null).url(path)));
    }
    if (params.agency() != null) {
      filters.add(
          new ActiveFilter(
              text.get("search.agency"), agencyName, params.withAgency(null).url(path)));
    }
  }

  static SearchQuery query(SearchParams p) {
    return new SearchQuery(
        p.q(), p.level(), p.tier(), p.agency(), p.field(), p.page() - 1, SearchQuery.DEFAULT_SIZE);
  }

  private void notice(Notice notice) {
    notices.add(text.format(notice.key(), notice.args().toArray()));
  }

  public SearchParams getParams() {
    return params;
  }

  public List<String> getNotices() {
    return notices;
  }

  public List<ActiveFilter> getFilters() {
    return filters;
  }

  public ResultsView getResults() {
    return results;
  }

  /** The same words without any filter: what to suggest when the filters leave nothing. */
  public String getWithoutFiltersUrl() {
    return SearchParams.empty().withText(params.q()).url(links.getSearch());
  }

  public String getAgencyName() {
    return agencyName;
  }

  /** The heading: the words searched for, or the whole catalogue. */
  public String getTitle() {
    return params.hasText() ? text.format("search.titleFor", params.q()) : text.get("search.title");
  }

  /** The window title: the heading, and the page number after the first page. */
  public String getWindowTitle() {
    return params.page() > 1
        ? getTitle() + " – " + text.format("pager.pageOf", params.page())
        : getTitle();
  }
}
