package org.opendvc.portal.web.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.opendvc.portal.publication.AgencyChoice;
import org.opendvc.portal.publication.ResultsBoard;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.statistics.Figures;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsQuery.GroupBy;
import org.opendvc.portal.statistics.StatisticsService;
import org.opendvc.portal.statistics.StatisticsService.Report;
import org.opendvc.portal.statistics.StatisticsService.Uptake;
import org.opendvc.portal.statistics.StatisticsService.UptakeRow;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/**
 * The statistics page, {@code /statistics?period=&from=&to=&groupBy=&agency=}: the 06a figures of
 * {@code GET /api/v1/statistics} for the same parameters, the total per tier, charts drawn on the
 * server (bars as SVG, each followed by its figures as a table), the monthly trend, and the online
 * uptake. A GET form and links only, so it works without script; a bad value is explained beside
 * its field with status 400, never an error page.
 */
@Named
@RequestScoped
public class StatisticsPage {

  static final String PATH = "/statistics";

  /** The most bars a chart per agency draws (the lowest first); the table has every row. */
  static final int CHART_BARS = 25;

  /** The figures of a row in the order of the table's columns. */
  static final List<String> COLUMNS =
      List.of(
          "received",
          "carriedOver",
          "receivedOnline",
          "receivedOffline",
          "resolved",
          "resolvedEarly",
          "resolvedOnTime",
          "resolvedLate",
          "inProgress",
          "inProgressWithinTime",
          "inProgressOverdue",
          "transferredIn",
          "transferredOut",
          "withdrawn");

  private static final List<GroupBy> GROUPINGS =
      List.of(GroupBy.AGENCY, GroupBy.FIELD, GroupBy.LEVEL, GroupBy.TIER, GroupBy.PROCEDURE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject private StatisticsService statistics;
  @Inject private ResultsBoard board;
  @Inject private LanguageView language;
  @Inject private PageText text;
  @Inject private PageLinks links;

  /** The form's values as typed, bound from the request by the page's viewParams. */
  private final PeriodFilter filter = new PeriodFilter();

  private String groupByParam;

  private final Map<String, String> errors = new LinkedHashMap<>();
  private StatisticsQuery query;
  private Report report;
  private Report byAgency;
  private Report trend;
  private Uptake uptake;
  private List<AgencyChoice> tree;
  private Map<String, Integer> treeIndex;
  private NumberFormat integers;

  /** One cell of figures. */
  public record Cell(String figure, String text) {}

  /** One row of a figures table: its name (a link when one can drill into it) and its cells. */
  public record Row(
      String key,
      String name,
      boolean dataName,
      String url,
      String sub,
      List<Cell> cells,
      String rate,
      boolean rateMissing) {}

  /** A choice of a select. */
  public record Option(String value, String label, boolean selected) {}

  /** A link of the breadcrumb or of the groupings. */
  public record Link(String label, String url, boolean current) {}

  /** A bar of a chart: its label, its length (0 to 100) and the value written beside it. */
  public record Bar(String key, String label, String width, String value, boolean missing) {}

  /** One month of the trend: received and resolved (as bars against the largest month), rate. */
  public record Month(String label, String iso, Bar received, Bar resolved, Bar rate) {}

  /** A row of the online uptake. */
  public record UptakeLine(
      String key,
      String name,
      String url,
      String offered,
      String withOnline,
      String received,
      String receivedOnline,
      String share,
      boolean shareMissing) {}

  /** An offering that received no online dossier. */
  public record Idle(String agency, String procedureCode, String procedure, String level) {}

  public void load() {
    integers = NumberFormat.getIntegerInstance(locale());
    groupByParam = Formats.trim(groupByParam);
    try {
      query =
          StatisticsQuery.parse(
              filter.getFrom(),
              filter.getTo(),
              filter.getPeriod(),
              groupByParam,
              filter.getAgency(),
              statistics.today());
      report = statistics.report(query);
    } catch (InvalidInputException bad) {
      errors.putAll(Formats.byField(bad.problems(), locale(), Map.of()));
    } catch (NotFoundException unknown) {
      errors.put("agency", Messages.get(locale(), unknown.messageKey(), unknown.code()));
    }
    if (!errors.isEmpty()) {
      query = null;
      report = null;
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    byAgency =
        query.groupBy() == GroupBy.AGENCY
            ? report
            : statistics.report(
                new StatisticsQuery(query.from(), query.to(), GroupBy.AGENCY, query.agencyCode()));
    YearMonth last = YearMonth.from(query.to());
    trend =
        statistics.report(
            new StatisticsQuery(
                last.minusMonths(11).atDay(1),
                last.atEndOfMonth(),
                GroupBy.MONTH,
                query.agencyCode()));
    uptake =
        statistics.uptake(
            new StatisticsQuery(
                query.from(),
                query.to(),
                query.groupBy() == GroupBy.PROCEDURE ? GroupBy.PROCEDURE : GroupBy.AGENCY,
                query.agencyCode()));
  }

  private Locale locale() {
    return language.getLocale();
  }

  // --- the form ---

  public boolean isShown() {
    return report != null;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public List<String> getErrorList() {
    return List.copyOf(errors.values());
  }

  /** The period field: as typed, or the current month when no period or dates were given. */
  public String getPeriod() {
    if (filter.getPeriod() != null) {
      return filter.getPeriod();
    }
    if (filter.getFrom() == null && filter.getTo() == null && query != null) {
      return YearMonth.from(query.from()).toString();
    }
    return "";
  }

  public String getFrom() {
    return filter.getPeriod() == null && filter.getFrom() != null ? filter.getFrom() : "";
  }

  public String getTo() {
    return filter.getPeriod() == null && filter.getTo() != null ? filter.getTo() : "";
  }

  public List<Option> getGroupings() {
    GroupBy current = query == null ? groupByOf(groupByParam) : query.groupBy();
    return GROUPINGS.stream()
        .map(
            g ->
                new Option(
                    g.name().toLowerCase(Locale.ROOT),
                    text.get("stat.by." + g.name().toLowerCase(Locale.ROOT)),
                    g == current))
        .toList();
  }

  private static GroupBy groupByOf(String value) {
    try {
      return value == null ? GroupBy.AGENCY : GroupBy.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every agency in tree order, indented by depth. */
  public List<Option> getAgencies() {
    String selected = query == null ? filter.getAgency() : query.agencyCode();
    return tree().stream()
        .map(
            a ->
                new Option(
                    a.code(),
                    "\u00a0\u00a0\u00a0".repeat(a.depth()) + a.name(),
                    a.code().equals(selected)))
        .toList();
  }

  public String getClearUrl() {
    return links.path(PATH);
  }

  // --- where we are ---

  /** All agencies › the agency's parents › the agency, each keeping the period and grouping. */
  public List<Link> getBreadcrumb() {
    if (query == null) {
      return List.of(new Link(text.get("stat.allAgencies"), links.path(PATH), false));
    }
    List<Link> out = new ArrayList<>();
    String scope = query.agencyCode();
    out.add(new Link(text.get("stat.allAgencies"), url(null, GroupBy.AGENCY), scope == null));
    if (scope != null) {
      List<AgencyChoice> path = ancestors(scope);
      for (AgencyChoice a : path) {
        boolean current = a.code().equals(scope);
        out.add(new Link(a.name(), url(a.code(), drillGrouping(a.code())), current));
      }
    }
    return out;
  }

  /** The scope's name: the agency with its units, or every agency. */
  public String getScopeName() {
    return report == null || report.agency() == null
        ? text.get("stat.allAgencies")
        : report.agency().name();
  }

  /** The same scope and period seen by agency, field, level, tier or procedure. */
  public List<Link> getGroupingLinks() {
    return GROUPINGS.stream()
        .map(
            g ->
                new Link(
                    text.get("stat.by." + g.name().toLowerCase(Locale.ROOT)),
                    url(query.agencyCode(), g),
                    g == query.groupBy()))
        .toList();
  }

  /** "Tháng 11/2026", "Quý 4/2026", "Năm 2026" or "01/11/2026 – 30/11/2026". */
  public String getPeriodLabel() {
    LocalDate from = report.from();
    LocalDate to = report.to();
    if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth())) {
      return text.format("stat.period.month", from.getMonthValue(), String.valueOf(from.getYear()));
    }
    if (from.getDayOfMonth() == 1
        && from.getMonthValue() % 3 == 1
        && to.equals(YearMonth.from(from).plusMonths(2).atEndOfMonth())) {
      return text.format(
          "stat.period.quarter", (from.getMonthValue() + 2) / 3, String.valueOf(from.getYear()));
    }
    if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
      return text.format("stat.period.year", String.valueOf(from.getYear()));
    }
    return text.format("stat.period.days", DAY.format(from), DAY.format(to));
  }

  /** Said when the figures in progress are counted before the period's end (it has not ended). */
  public String getCountedTo() {
    return report.countedTo().isBefore(report.to())
        ? text.format("stat.countedTo", DAY.format(report.countedTo()))
        : null;
  }

  public String getGroupingLabel() {
    return text.get("stat.by." + query.groupBy().name().toLowerCase(Locale.ROOT));
  }

  /** The grouping as a word inside a sentence: "theo cơ quan", "by agency". */
  public String getGroupingNoun() {
    return getGroupingLabel().toLowerCase(locale());
  }

  // --- the 06a table ---

  public List<Row> getRows() {
    return report.rows().stream().map(r -> row(r, query.groupBy())).toList();
  }

  public Row getTotal() {
    return figures("TOTAL", text.get("stat.total"), false, null, null, report.total());
  }

  public List<Row> getTiers() {
    return report.tiers().stream().map(r -> row(r, GroupBy.TIER)).toList();
  }

  private Row row(StatisticsService.Row r, GroupBy by) {
    String name = r.name();
    String url = null;
    String sub = null;
    boolean dataName = by == GroupBy.AGENCY || by == GroupBy.FIELD || by == GroupBy.PROCEDURE;
    switch (by) {
      case AGENCY -> {
        url = r.key().equals(query.agencyCode()) ? null : url(r.key(), drillGrouping(r.key()));
        sub = r.key();
      }
      case TIER -> name = tierLabel(r.key());
      case LEVEL ->
          name =
              r.key().isEmpty()
                  ? text.get("stat.unknown")
                  : Messages.get(locale(), "level." + r.key());
      case FIELD ->
          name = r.name() == null || r.name().isEmpty() ? text.get("stat.unknown") : r.name();
      case PROCEDURE -> sub = r.key();
      case MONTH -> name = monthLabel(r.key());
      default -> {}
    }
    return figures(r.key(), name, dataName, url, sub, r.figures());
  }

  private Row figures(
      String key, String name, boolean dataName, String url, String sub, Figures f) {
    List<Cell> cells = new ArrayList<>();
    for (String c : COLUMNS) {
      cells.add(new Cell(c, integers.format(value(f, c))));
    }
    return new Row(
        key, name, dataName, url, sub, cells, rate(f.onTimeRate()), f.onTimeRate() == null);
  }

  static long value(Figures f, String figure) {
    return switch (figure) {
      case "received" -> f.received();
      case "carriedOver" -> f.carriedOver();
      case "receivedOnline" -> f.receivedOnline();
      case "receivedOffline" -> f.receivedOffline();
      case "resolved" -> f.resolved();
      case "resolvedEarly" -> f.resolvedEarly();
      case "resolvedOnTime" -> f.resolvedOnTime();
      case "resolvedLate" -> f.resolvedLate();
      case "inProgress" -> f.inProgress();
      case "inProgressWithinTime" -> f.inProgressWithinTime();
      case "inProgressOverdue" -> f.inProgressOverdue();
      case "transferredIn" -> f.transferredIn();
      case "transferredOut" -> f.transferredOut();
      case "withdrawn" -> f.withdrawn();
      default -> throw new IllegalArgumentException(figure);
    };
  }

  /** A share as a percentage with one decimal, or "không có số liệu" / "n/a". */
  private String rate(Double share) {
    return share == null ? text.get("stat.noData") : text.format("stat.percent", share * 100);
  }

  private String tierLabel(String tier) {
    return Messages.get(
        locale(), "tier." + (tier == null ? "other" : tier.toLowerCase(Locale.ROOT)));
  }

  private String monthLabel(String iso) {
    YearMonth m = YearMonth.parse(iso);
    return String.format("%02d/%d", m.getMonthValue(), m.getYear());
  }

  public boolean isAgencyRows() {
    return query.groupBy() == GroupBy.AGENCY;
  }

  // --- charts ---

  /** On-time rate per agency that resolved something, the lowest first. */
  public List<Bar> getRateBars() {
    return agencyBars(Figures::onTimeRate, f -> f.resolved());
  }

  /** Share of new dossiers filed online per agency that received any, the lowest first. */
  public List<Bar> getOnlineBars() {
    return agencyBars(Figures::onlineShare, f -> f.receivedOnline() + f.receivedOffline());
  }

  /** How many agencies a chart leaves out (its table lists the same bars). */
  public int getRateBarsLeftOut() {
    return leftOut(f -> f.resolved());
  }

  public int getOnlineBarsLeftOut() {
    return leftOut(f -> f.receivedOnline() + f.receivedOffline());
  }

  private int leftOut(ToLongFunction<Figures> counted) {
    long n = byAgency.rows().stream().filter(r -> counted.applyAsLong(r.figures()) > 0).count();
    return (int) Math.max(0, n - CHART_BARS);
  }

  private List<Bar> agencyBars(
      java.util.function.Function<Figures, Double> share, ToLongFunction<Figures> counted) {
    return byAgency.rows().stream()
        .filter(r -> counted.applyAsLong(r.figures()) > 0)
        .sorted(
            Comparator.comparing((StatisticsService.Row r) -> share.apply(r.figures()))
                .thenComparing(StatisticsService.Row::name))
        .limit(CHART_BARS)
        .map(r -> bar(r.key(), r.name(), share.apply(r.figures())))
        .toList();
  }

  private Bar bar(String key, String label, Double share) {
    return new Bar(key, label, width(share == null ? 0 : share), rate(share), share == null);
  }

  private static String width(double share) {
    return String.format(Locale.ROOT, "%.2f", Math.max(0, Math.min(1, share)) * 100);
  }

  /** The twelve months ending with the period's last month. */
  public List<Month> getTrend() {
    long max =
        trend.rows().stream()
            .mapToLong(r -> Math.max(r.figures().received(), r.figures().resolved()))
            .max()
            .orElse(0);
    List<Month> out = new ArrayList<>();
    for (StatisticsService.Row r : trend.rows()) {
      Figures f = r.figures();
      out.add(
          new Month(
              monthLabel(r.key()),
              r.key(),
              new Bar(
                  "received",
                  text.get("stat.col.received"),
                  width(max == 0 ? 0 : (double) f.received() / max),
                  integers.format(f.received()),
                  false),
              new Bar(
                  "resolved",
                  text.get("stat.col.resolved"),
                  width(max == 0 ? 0 : (double) f.resolved() / max),
                  integers.format(f.resolved()),
                  false),
              bar("onTimeRate", text.get("stat.col.onTimeRate"), f.onTimeRate())));
    }
    return out;
  }

  public String getTrendLabel() {
    return text.format(
        "stat.trend.label",
        monthLabel(trend.rows().get(0).key()),
        monthLabel(trend.rows().get(trend.rows().size() - 1).key()));
  }

  // --- online uptake ---

  public boolean isUptakeByProcedure() {
    return "PROCEDURE".equals(uptake.groupBy());
  }

  public List<UptakeLine> getUptakeRows() {
    return uptake.rows().stream()
        .map(
            r ->
                uptakeLine(
                    r,
                    r.name(),
                    isUptakeByProcedure() || r.key().equals(query.agencyCode())
                        ? null
                        : url(r.key(), drillGrouping(r.key()))))
        .toList();
  }

  public UptakeLine getUptakeTotal() {
    return uptakeLine(uptake.total(), text.get("stat.total"), null);
  }

  private UptakeLine uptakeLine(UptakeRow r, String name, String url) {
    return new UptakeLine(
        r.key(),
        name,
        url,
        integers.format(r.offeredOnline()),
        integers.format(r.withOnlineDossiers()),
        integers.format(r.received()),
        integers.format(r.receivedOnline()),
        rate(r.onlineShare()),
        r.onlineShare() == null);
  }

  public List<Idle> getIdle() {
    return uptake.idle().stream()
        .map(
            i ->
                new Idle(
                    i.agencyName(),
                    i.procedureCode(),
                    i.procedureName(),
                    Messages.get(locale(), "level." + i.level())))
        .toList();
  }

  public String getIdleCount() {
    return text.format(
        uptake.idleCount() > uptake.idle().size() ? "stat.idle.countListed" : "stat.idle.count",
        uptake.idleCount(),
        uptake.idle().size());
  }

  // --- downloads ---

  public String getCsvUrl() {
    return api("/api/v1/statistics.csv", params(query.agencyCode(), query.groupBy()));
  }

  public String getXlsxUrl() {
    return api("/api/v1/statistics.xlsx", params(query.agencyCode(), query.groupBy()));
  }

  public String getAgencyCsvUrl() {
    return api("/api/v1/statistics.csv", params(query.agencyCode(), GroupBy.AGENCY));
  }

  public String getAgencyXlsxUrl() {
    return api("/api/v1/statistics.xlsx", params(query.agencyCode(), GroupBy.AGENCY));
  }

  public String getTrendCsvUrl() {
    return api("/api/v1/statistics.csv", trendParams());
  }

  public String getTrendXlsxUrl() {
    return api("/api/v1/statistics.xlsx", trendParams());
  }

  public String getUptakeCsvUrl() {
    return api("/api/v1/statistics/online-uptake.csv", uptakeParams());
  }

  public String getUptakeXlsxUrl() {
    return api("/api/v1/statistics/online-uptake.xlsx", uptakeParams());
  }

  public String getOpenDataUrl() {
    return links.path("/open-data");
  }

  private Map<String, String> trendParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", trend.from().toString());
    p.put("to", trend.to().toString());
    p.put("groupBy", "month");
    p.put("agency", query.agencyCode());
    return p;
  }

  private Map<String, String> uptakeParams() {
    return params(query.agencyCode(), isUptakeByProcedure() ? GroupBy.PROCEDURE : GroupBy.AGENCY);
  }

  // --- addresses ---

  /** The period as the request gave it: a period, dates, or else the current month. */
  private Map<String, String> params(String agency, GroupBy groupBy) {
    Map<String, String> p = new LinkedHashMap<>();
    if (filter.getPeriod() != null) {
      p.put("period", filter.getPeriod());
    } else if (filter.getFrom() != null || filter.getTo() != null) {
      p.put("from", query.from().toString());
      p.put("to", query.to().toString());
    } else {
      p.put("period", YearMonth.from(query.from()).toString());
    }
    p.put("groupBy", groupBy.name().toLowerCase(Locale.ROOT));
    p.put("agency", agency);
    return p;
  }

  private String url(String agency, GroupBy groupBy) {
    return query(links.path(PATH), params(agency, groupBy));
  }

  private String api(String path, Map<String, String> params) {
    return query(links.path(path), params);
  }

  private static String query(String path, Map<String, String> params) {
    StringBuilder s = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() != null) {
        s.append(sep).append(e.getKey()).append('=').append(PageLinks.encodeParam(e.getValue()));
        sep = '&';
      }
    }
    return s.toString();
  }

  // --- the agency tree, for the breadcrumb and the drill-down ---

  private List<AgencyChoice> tree() {
    if (tree == null) {
      tree = board.agencies();
      treeIndex = new HashMap<>();
      for (int i = 0; i < tree.size(); i++) {
        treeIndex.put(tree.get(i).code(), i);
      }
    }
    return tree;
  }

  /** By its units when it has some, else by procedure. */
  private GroupBy drillGrouping(String code) {
    tree();
    Integer i = treeIndex.get(code);
    boolean units =
        i != null && i + 1 < tree.size() && tree.get(i + 1).depth() > tree.get(i).depth();
    return units ? GroupBy.AGENCY : GroupBy.PROCEDURE;
  }

  /** The agency's root, its parents and itself. */
  private List<AgencyChoice> ancestors(String code) {
    tree();
    Integer i = treeIndex.get(code);
    if (i == null) {
      return List.of();
    }
    List<AgencyChoice> out = new ArrayList<>();
    AgencyChoice a = tree.get(i);
    out.add(a);
    int depth = a.depth();
    for (int j = i - 1; j >= 0 && depth > 0; j--) {
      if (tree.get(j).depth() == depth - 1) {
        out.add(0, tree.get(j));
        depth--;
      }
    }
    return out;
  }

  public String getWindowTitle() {
    return report == null
        ? text.get("stat.title")
        : text.get("stat.title") + " – " + getPeriodLabel() + " – " + getScopeName();
  }

  /** The period and agency as asked, for the page's viewParams. */
  public PeriodFilter getFilter() {
    return filter;
  }

  public String getGroupByParam() {
    return groupByParam;
  }

  public void setGroupByParam(String groupByParam) {
    this.groupByParam = groupByParam;
  }
}
