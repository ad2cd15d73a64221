package org.opendvc.portal.web.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.dossier.WorkListQuery;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.Page;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * The officer's work list, {@code
 * /officer/dossiers?scope=&status=&overdue=&dueSoon=&procedure=&q=&page=}: by default the agency's
 * open dossiers, most urgent first (overdue, due soon, new online submissions, the rest); finished
 * ones behind {@code scope=finished} (or {@code all}, or their status). Every filter is a GET
 * parameter, so a list is a bookmark; the counts per status link to their filter.
 */
@Named
@RequestScoped
public class WorkListPage {

  static final int PAGE_SIZE = 20;

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private org.opendvc.portal.web.shared.PageText text;

  /** Page text, with arguments when given. */
  private String t(String key, Object... args) {
    String pattern = text.get(key);
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale()).format(args);
  }

  private WorkListQuery.Scope scope;
  private String status;
  private boolean overdue;
  private boolean dueSoon;
  private String procedure;
  private String q;
  private int page;
  private Page<Dossier> result;
  private Map<DossierStatus, Long> counts;
  private Instant now;
  private String transferred;
  // bound from the request by the page's <f:viewParam>s, as typed; load() reads them leniently
  private String scopeParam;
  private String statusParam;
  private String overdueParam;
  private String dueSoonParam;
  private String procedureParam;
  private String queryParam;
  private String transferredParam;
  private String pageParam;

  /** One row of the list, formatted. */
  public record Row(
      String code,
      String procedure,
      String applicant,
      String statusKey,
      String status,
      String receivedAt,
      String dueAt,
      String dueIso,
      String timeliness,
      String timelinessKey) {}

  /** A count per status, with its link. */
  public record Count(String key, String label, long count, String href, boolean current) {}

  /** A page link. */
  public record PageLink(int number, String href, boolean current) {}

  public void load() {
    scope = WorkListQuery.Scope.ofKey(scopeParam).orElse(WorkListQuery.Scope.OPEN);
    status = Formats.trim(statusParam);
    overdue = "true".equalsIgnoreCase(overdueParam);
    dueSoon = "true".equalsIgnoreCase(dueSoonParam);
    procedure = Formats.trim(procedureParam);
    q = Formats.trim(queryParam);
    if (q != null && q.length() > 200) {
      q = q.substring(0, 200);
    }
    transferred = Formats.trim(transferredParam);
    try {
      page =
          Math.min(Params.MAX_PAGE, Math.max(0, Integer.parseInt(String.valueOf(pageParam)) - 1));
    } catch (NumberFormatException e) {
      page = 0;
    }
    Optional<DossierStatus> s =
        status == null
            ? Optional.empty()
            : status.matches("\\d{1,2}")
                ? DossierStatus.ofCode(Integer.parseInt(status))
                : DossierStatus.ofKey(status);
    status = s.map(DossierStatus::key).orElse(null);
    now = Instant.now();
    result =
        dossiers.workList(
            user.caller(),
            new WorkListQuery(scope, s, overdue, dueSoon, procedure, q, page, PAGE_SIZE));
    counts = dossiers.statusCounts(user.caller());
  }

  private Locale locale() {
    return language.getLocale();
  }

  public List<Row> getRows() {
    return result.items().stream()
        .map(
            d ->
                new Row(
                    d.code().toString(),
                    d.procedure().name(),
                    d.applicant().fullName(),
                    d.status().key(),
                    Messages.get(locale(), d.status().messageKey()),
                    Formats.when(d.receivedAt()),
                    Formats.when(d.dueAt().orElse(null)),
                    Formats.iso(d.dueAt().orElse(null)),
                    Timeliness.label(d.timeliness(now), locale()),
                    d.timeliness(now).map(Enum::name).orElse("NONE")))
        .toList();
  }

  public List<Count> getCounts() {
    List<Count> out = new ArrayList<>();
    for (Map.Entry<DossierStatus, Long> e : counts.entrySet()) {
      out.add(
          new Count(
              e.getKey().key(),
              Messages.get(locale(), e.getKey().messageKey()),
              e.getValue(),
              link(null, e.getKey().key(), false, false, null, null, 1),
              e.getKey().key().equals(status)));
    }
    return out;
  }

  public List<PageLink> getPages() {
    List<PageLink> out = new ArrayList<>();
    int count = result.pageCount();
    for (int i = 1; i <= count; i++) {
      if (count > 12 && i > 2 && i < count - 1 && Math.abs(i - (page + 1)) > 2) {
        continue;
      }
      out.add(
          new PageLink(i, link(scope, status, overdue, dueSoon, procedure, q, i), i == page + 1));
    }
    return out;
  }

  /** The address of the list with these filters (the open scope is the default, left out). */
  static String link(
      WorkListQuery.Scope scope,
      String status,
      boolean overdue,
      boolean dueSoon,
      String procedure,
      String q,
      int page) {
    Map<String, String> params = new LinkedHashMap<>();
    if (scope != null && scope != WorkListQuery.Scope.OPEN) {
      params.put("scope", scope.key());
    }
    if (status != null) {
      params.put("status", status);
    }
    if (overdue) {
      params.put("overdue", "true");
    }
    if (dueSoon) {
      params.put("dueSoon", "true");
    }
    if (procedure != null) {
      params.put("procedure", procedure);
    }
    if (q != null) {
      params.put("q", q);
    }
    if (page > 1) {
      params.put("page", String.valueOf(page));
    }
    StringBuilder b = new StringBuilder("/officer/dossiers");
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(PageLinks.encodeParam(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  /** The default list: open dossiers, most urgent first. */
  public String getOpenHref() {
    return link(null, null, false, false, null, null, 1);
  }

  /** Finished dossiers (refused, withdrawn, stopped, resolved, returned), latest first. */
  public String getFinishedHref() {
    return link(WorkListQuery.Scope.FINISHED, null, false, false, null, null, 1);
  }

  public String getAllHref() {
    return link(WorkListQuery.Scope.ALL, null, false, false, null, null, 1);
  }

  public String getOverdueHref() {
    return link(null, null, true, false, null, null, 1);
  }

  public String getDueSoonHref() {
    return link(null, null, false, true, null, null, 1);
  }

  /** The scope shown, as its parameter value: open, finished or all. */
  public String getScope() {
    return scope.key();
  }

  /** Whether the list shows its default: open dossiers with no other filter. */
  public boolean isOpenDefault() {
    return scope == WorkListQuery.Scope.OPEN && !isFiltered();
  }

  public List<DossierService.Choice> getProcedures() {
    return dossiers.offeredProcedures(user.caller());
  }

  public List<DossierStatus> getStatuses() {
    return List.of(DossierStatus.values());
  }

  public String statusLabel(DossierStatus s) {
    return Messages.get(locale(), s.messageKey());
  }

  public String getStatus() {
    return status;
  }

  public boolean isOverdue() {
    return overdue;
  }

  public boolean isDueSoon() {
    return dueSoon;
  }

  public String getProcedure() {
    return procedure;
  }

  public String getQ() {
    return q;
  }

  public long getTotal() {
    return result.total();
  }

  public int getDueSoonHours() {
    return dossiers.dueSoonHours();
  }

  public String getTransferred() {
    return transferred;
  }

  public boolean isFiltered() {
    return status != null || overdue || dueSoon || procedure != null || q != null;
  }

  public String getScopeParam() {
    return scopeParam;
  }

  public void setScopeParam(String scopeParam) {
    this.scopeParam = scopeParam;
  }

  public String getStatusParam() {
    return statusParam;
  }

  public void setStatusParam(String statusParam) {
    this.statusParam = statusParam;
  }

  public String getOverdueParam() {
    return overdueParam;
  }

  public void setOverdueParam(String overdueParam) {
    this.overdueParam = overdueParam;
  }

  public String getDueSoonParam() {
    return dueSoonParam;
  }

  public void setDueSoonParam(String dueSoonParam) {
    this.dueSoonParam = dueSoonParam;
  }

  public String getProcedureParam() {
    return procedureParam;
  }

  public void setProcedureParam(String procedureParam) {
    this.procedureParam = procedureParam;
  }

  public String getQueryParam() {
    return queryParam;
  }

  public void setQueryParam(String queryParam) {
    this.queryParam = queryParam;
  }

  public String getTransferredParam() {
    return transferredParam;
  }

  public void setTransferredParam(String transferredParam) {
    this.transferredParam = transferredParam;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
