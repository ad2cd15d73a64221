package org.opendvc.portal.web.publication;

import org.opendvc.portal.web.shared.Formats;

/**
 * The period and agency a publication page is asked for: {@code period}, {@code from}, {@code to}
 * and {@code agency}, which the statistics, the satisfaction index and the scorecard take alike (as
 * {@code GET /api/v1/statistics} does). Each page holds one and binds it with {@code <f:viewParam
 * name="period" value="#{page.filter.period}"/>}. Values are kept as text, trimmed, a blank one as
 * absent (null): the page checks them through {@code StatisticsQuery}, so a wrong value is the
 * page's own notice, never a conversion error.
 */
public class PeriodFilter {

  private String period;
  private String from;
  private String to;
  private String agency;

  /** A year, quarter or month ({@code 2026}, {@code 2026-Q3}, {@code 2026-11}); else null. */
  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = Formats.trim(period);
  }

  /** The first day ({@code yyyy-MM-dd}) as typed; null without one. */
  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = Formats.trim(from);
  }

  /** The last day ({@code yyyy-MM-dd}) as typed; null without one. */
  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = Formats.trim(to);
  }

  /** The agency's code as typed; null for the whole province. */
  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = Formats.trim(agency);
  }
}
