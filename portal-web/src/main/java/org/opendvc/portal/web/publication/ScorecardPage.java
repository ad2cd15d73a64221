package org.opendvc.portal.web.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.scoring.Scorecard;
import org.opendvc.portal.scoring.ScorecardService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageText;

/**
 * The scorecard, {@code /scorecard?period=&agency=&tier=}: the 100 points of the province or of an
 * agency with every indicator's numbers and formula, a radar of the five groups (with the same
 * figures as a table), the last six months, and the league of agencies. A GET form; no script.
 */
@Named
@RequestScoped
public class ScorecardPage {

  static final String PATH = "/scorecard";
  private static final int HISTORY_MONTHS = 6;

  @Inject private ScorecardService scorecards;
  @Inject private StatisticsService statistics;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private ScorecardService.League league;
  private String period;
  private String agency;
  private String tier;
  private final List<String> notices = new ArrayList<>();

  /** Read once per request: the page asks for them while rendering, maybe more than once. */
  private List<Month> history;

  private String circular01;

  /** A group: its name, points out of its maximum, and its indicators. */
  public record GroupView(
      String key,
      String name,
      String points,
      int max,
      double ratio,
      List<IndicatorView> indicators) {}

  /** An indicator as read by people. */
  public record IndicatorView(
      String key,
      String name,
      String formula,
      String numbers,
      String value,
      String fullAt,
      String points,
      int max,
      String status) {}

  /** A row of the league. */
  public record LeagueRow(
      int rank,
      String code,
      String name,
      String tier,
      String url,
      String points,
      List<String> groups) {}

  /** A month of the history. */
  public record Month(String month, String points, String measuredMax) {}

  /** The period and agency asked, bound from the request by the page's viewParams. */
  private final PeriodFilter filter = new PeriodFilter();

  // bound from the request by the page's <f:viewParam>
  private String tierParam;

  public void load() {
    period = filter.getPeriod();
    agency = filter.getAgency();
    tier = Formats.trim(tierParam);
    String from = filter.getFrom();
    String to = filter.getTo();
    try {
      league =
          scorecards.league(
              StatisticsQuery.parse(from, to, period, null, agency, statistics.today()), tier);
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        notices.add(Messages.get(locale(), p.messageKey(), p.args()));
      }
      period = null;
      tier = null;
      agency = null;
      league =
          scorecards.league(
              StatisticsQuery.parse(null, null, null, null, null, statistics.today()), null);
    } catch (NotFoundException e) {
      notices.add(Messages.get(locale(), e.messageKey(), e.code()));
      agency = null;
      league =
          scorecards.league(
              StatisticsQuery.parse(from, to, period, null, null, statistics.today()), tier);
    }
  }

  public String getPeriod() {
    return period == null ? "" : period;
  }

  public String getAgency() {
    return agency;
  }

  public String getTier() {
    return tier == null ? "" : tier.toUpperCase(Locale.ROOT);
  }

  public List<String> getTiers() {
    return ScorecardService.TIERS;
  }

  public String getFrom() {
    return league.from().toString();
  }

  public String getTo() {
    return league.to().toString();
  }

  public List<String> getNotices() {
    return notices;
  }

  /** The scope's name: the agency's, or the province's. */
  public String getScopeName() {
    return league.total().name() == null ? text.get("scorecard.province") : league.total().name();
  }

  public String getPoints() {
    return number(league.total().scorecard().points());
  }

  public String getMeasuredMax() {
    return number(league.total().scorecard().measuredMax());
  }

  public List<GroupView> getGroups() {
    List<GroupView> out = new ArrayList<>();
    for (Scorecard.Group g : league.total().scorecard().groups()) {
      List<IndicatorView> indicators = g.indicators().stream().map(this::indicator).toList();
      out.add(
          new GroupView(
              g.key(),
              text.get("scorecard.group." + g.key()),
              number(g.points()),
              g.max(),
              g.points() / g.max(),
              indicators));
    }
    return out;
  }

  private IndicatorView indicator(Scorecard.Indicator i) {
    NumberFormat whole = NumberFormat.getIntegerInstance(locale());
    String numbers =
        i.status() == Scorecard.Status.NOT_MEASURED
            ? "–"
            : whole.format(i.numerator()) + " / " + whole.format(i.denominator());
    String value =
        i.value() == null
            ? text.get(
                i.status() == Scorecard.Status.NOT_MEASURED
                    ? "scorecard.notMeasured"
                    : "scorecard.noData")
            : percent(i.value());
    return new IndicatorView(
        i.key(),
        text.get("scorecard.indicator." + i.key()),
        text.get("scorecard.formula." + i.key()),
        numbers,
        value,
        percent(i.fullAt()),
        number(i.points()),
        i.max(),
        i.status().name());
  }

  /**
   * The radar's polygon: one corner per group at its share of its maximum, on a circle of radius
   * 100 around (150, 130); then the grid's rings and the axes' ends, for the SVG.
   */
  public String getRadarPoints() {
    List<GroupView> groups = getGroups();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      double[] p = corner(i, groups.size(), 100 * groups.get(i).ratio());
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    return b.toString().strip();
  }

  /** A ring of the radar's grid at a share of the maximum (0.25 to 1). */
  public String ring(double share) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      double[] p = corner(i, 5, 100 * share);
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    return b.toString().strip();
  }

  /** The end of axis {@code i} (x or y), and where its label goes. */
  public String axis(int i, String which) {
    double[] p = corner(i, 5, which.startsWith("label") ? 118 : 100);
    return String.format(Locale.ROOT, "%.1f", which.endsWith("x") ? p[0] : p[1]);
  }

  private static double[] corner(int i, int n, double radius) {
    double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
    return new double[] {150 + radius * Math.cos(angle), 130 + radius * Math.sin(angle)};
  }

  public List<LeagueRow> getLeague() {
    List<LeagueRow> out = new ArrayList<>();
    for (ScorecardService.Card c : league.rows()) {
      String url =
          request.getContextPath()
              + PATH
              + "?agency="
              + c.key()
              + (period == null ? "" : "&period=" + period);
      out.add(
          new LeagueRow(
              c.rank(),
              c.key(),
              c.name(),
              text.get("tier." + c.tier().toLowerCase(Locale.ROOT)),
              url,
              number(c.scorecard().points()),
              c.scorecard().groups().stream().map(g -> number(g.points())).toList()));
    }
    return out;
  }

  /** The average Circular 01 evaluation of the scope's dossiers finished in the period. */
  public String getCircular01() {
    if (circular01 == null) {
      circular01 = circular01Text();
    }
    return circular01;
  }

  private String circular01Text() {
    ScorecardService.Evaluations t =
        scorecards
            .evaluations(
                new StatisticsQuery(
                    league.from(), league.to(), StatisticsQuery.GroupBy.AGENCY, agency))
            .total();
    if (t.dossiers() == 0) {
      return text.get("scorecard.circular01.none");
    }
    return text.format(
        "scorecard.circular01",
        number(t.averagePoints()),
        number(t.averageMeasuredMax()),
        NumberFormat.getIntegerInstance(locale()).format(t.dossiers()));
  }

  /** The scope's points in each of the last months up to the period's end. */
  public List<Month> getHistory() {
    if (history == null) {
      history = readHistory();
    }
    return history;
  }

  private List<Month> readHistory() {
    List<Month> out = new ArrayList<>();
    YearMonth last = YearMonth.from(league.to());
    for (int i = HISTORY_MONTHS - 1; i >= 0; i--) {
      YearMonth m = last.minusMonths(i);
      ScorecardService.League l =
          scorecards.league(
              new StatisticsQuery(
                  m.atDay(1), m.atEndOfMonth(), StatisticsQuery.GroupBy.AGENCY, agency),
              null);
      out.add(
          new Month(
              m.toString(),
              number(l.total().scorecard().points()),
              number(l.total().scorecard().measuredMax())));
    }
    return out;
  }

  private String number(double v) {
    NumberFormat f = NumberFormat.getNumberInstance(locale());
    f.setMaximumFractionDigits(2);
    return f.format(v);
  }

  private String percent(double v) {
    NumberFormat f = NumberFormat.getPercentInstance(locale());
    f.setMaximumFractionDigits(1);
    return f.format(v);
  }

  private Locale locale() {
    return language.getLocale();
  }

  /** The period and agency as asked, for the page's viewParams. */
  public PeriodFilter getFilter() {
    return filter;
  }

  public String getTierParam() {
    return tierParam;
  }

  public void setTierParam(String tierParam) {
    this.tierParam = tierParam;
  }
}
