package org.opendvc.portal.web.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.satisfaction.KioskFigures;
import org.opendvc.portal.satisfaction.KioskService;
import org.opendvc.portal.satisfaction.SatisfactionIndex;
import org.opendvc.portal.satisfaction.SatisfactionService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageText;

/**
 * The satisfaction index, {@code /satisfaction?period=&agency=}: per agency, the share of responses
 * satisfied with each element, always with the counts beside it; rows with too few responses are
 * flagged, not hidden. A GET form, so every choice is a bookmark.
 */
@Named
@RequestScoped
public class SatisfactionPage {

  static final String PATH = "/satisfaction";

  @Inject private SatisfactionService satisfaction;
  @Inject private KioskService kiosk;
  @Inject private StatisticsService statistics;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private SatisfactionIndex index;
  private KioskFigures counter;
  private String period;
  private String agency;
  private final List<String> notices = new ArrayList<>();

  /** A share for people: "82 %" and "41 / 50", or "n/a" with "0 / 0". */
  public record Cell(String share, String counts) {}

  /** One agency's row of the counter kiosk's table; the counts from score 5 down to 1. */
  public record CounterRow(String name, long responses, List<String> counts, Cell satisfied) {}

  /** One row of the table. */
  public record Row(
      String code,
      String name,
      String url,
      long responses,
      boolean significant,
      List<Cell> elements,
      Cell overall) {}

  /** The period and agency asked, bound from the request by the page's viewParams. */
  private final PeriodFilter filter = new PeriodFilter();

  public void load() {
    period = filter.getPeriod();
    agency = filter.getAgency();
    String from = filter.getFrom();
    String to = filter.getTo();
    try {
      index =
          satisfaction.index(
              StatisticsQuery.parse(from, to, period, null, agency, statistics.today()));
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        notices.add(Messages.get(locale(), p.messageKey(), p.args()));
      }
      index =
          satisfaction.index(
              StatisticsQuery.parse(null, null, null, null, null, statistics.today()));
      period = null;
      agency = null;
    } catch (NotFoundException e) {
      notices.add(Messages.get(locale(), e.messageKey(), e.code()));
      agency = null;
      index =
          satisfaction.index(
              StatisticsQuery.parse(from, to, period, null, null, statistics.today()));
    }
    counter =
        kiosk.agencies(
            new StatisticsQuery(index.from(), index.to(), StatisticsQuery.GroupBy.AGENCY, agency));
  }

  /** The counter kiosk's figures per agency, for the same period and agency as the index. */
  public List<CounterRow> getCounterRows() {
    return counter.rows().stream().map(this::counterRow).toList();
  }

  /** The counter kiosk's scores, from 5 (very satisfied) down to 1, as its columns. */
  public List<Integer> getScores() {
    return List.of(5, 4, 3, 2, 1);
  }

  public CounterRow getCounterTotal() {
    return counterRow(counter.total());
  }

  private CounterRow counterRow(KioskFigures.Row r) {
    NumberFormat whole = NumberFormat.getIntegerInstance(locale());
    List<String> counts = new ArrayList<>(r.counts().stream().map(whole::format).toList());
    java.util.Collections.reverse(counts); // from 5 down to 1, as the kiosk asks
    return new CounterRow(r.name(), r.responses(), counts, cell(r.satisfied()));
  }

  public String getPeriod() {
    return period == null ? "" : period;
  }

  public String getAgency() {
    return agency;
  }

  public String getFrom() {
    return index.from().toString();
  }

  public String getTo() {
    return index.to().toString();
  }

  public int getMinResponses() {
    return index.minResponses();
  }

  public List<String> getNotices() {
    return notices;
  }

  public List<String> getElements() {
    return index.total().elements().stream()
        .map(SatisfactionIndex.ElementFigures::element)
        .toList();
  }

  public List<Row> getRows() {
    return index.rows().stream().map(this::row).toList();
  }

  public Row getTotal() {
    return row(index.total());
  }

  private Row row(SatisfactionIndex.Row r) {
    String url =
        r.key() == null
            ? null
            : request.getContextPath()
                + PATH
                + "?agency="
                + r.key()
                + (period == null ? "" : "&period=" + period);
    return new Row(
        r.key(),
        r.name(),
        url,
        r.responses(),
        r.significant(),
        r.elements().stream().map(e -> cell(e.satisfied())).toList(),
        cell(r.overall()));
  }

  private Cell cell(SatisfactionIndex.Share s) {
    NumberFormat whole = NumberFormat.getIntegerInstance(locale());
    String counts = whole.format(s.count()) + " / " + whole.format(s.of());
    if (s.share() == null) {
      return new Cell(text.get("satisfaction.none"), counts);
    }
    NumberFormat percent = NumberFormat.getPercentInstance(locale());
    percent.setMaximumFractionDigits(1);
    return new Cell(percent.format(s.share()), counts);
  }

  private Locale locale() {
    return language.getLocale();
  }

  /** The period and agency as asked, for the page's viewParams. */
  public PeriodFilter getFilter() {
    return filter;
  }
}
