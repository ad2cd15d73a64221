package org.opendvc.portal.web.applicant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.shared.Page;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.LanguageView;

/**
 * {@code /my/dossiers?page=}: the signed-in applicant's own dossiers, newest first, 20 a page, each
 * with its national status, due date, timeliness and a link to the dossier.
 */
@Named
@RequestScoped
public class MyDossiersPage {

  static final int SIZE = 20;

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;

  private List<DossierRow> rows = List.of();
  private int page = 1;
  private int pageCount;
  private long total;
  // bound from the request by the page's <f:viewParam>
  private String pageParam;

  /** One link of the pager. */
  public record PageLink(int number, String url, boolean current) {}

  public void load() {
    page = ApplicantFormat.page(pageParam);
    Page<Dossier> found = dossiers.ownDossiers(user.caller(), page - 1, SIZE);
    if (found.items().isEmpty() && page > 1) {
      page = 1;
      found = dossiers.ownDossiers(user.caller(), 0, SIZE);
    }
    total = found.total();
    pageCount = found.pageCount();
    Instant now = Instant.now();
    String base = request.getContextPath();
    rows =
        found.items().stream().map(d -> DossierRow.of(d, base, language.getLocale(), now)).toList();
  }

  public List<DossierRow> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }

  public int getPageCount() {
    return pageCount;
  }

  public List<PageLink> getPages() {
    List<PageLink> links = new ArrayList<>();
    if (pageCount <= 1) {
      return links;
    }
    for (int n = Math.max(1, page - 4); n <= Math.min(pageCount, page + 4); n++) {
      links.add(new PageLink(n, request.getContextPath() + "/my/dossiers?page=" + n, n == page));
    }
    return links;
  }
}
