package org.opendvc.portal.web.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.opendvc.portal.opendata.Column;
import org.opendvc.portal.opendata.OpenDataService;
import org.opendvc.portal.opendata.OpenDataService.Dataset;
import org.opendvc.portal.opendata.StatisticsTables;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/**
 * The data dictionary, {@code /open-data}: each open dataset and each download of the statistics
 * with what it holds, its parameters, its download links and a table of its fields (name, type,
 * meaning, from the page bundle), and the licence they are published under.
 */
@Named
@RequestScoped
public class OpenDataPage {

  @Inject private OpenDataService openData;
  @Inject private PageText text;
  @Inject private PageLinks links;

  /** A field of a table: its name in the files, its type and what it means. */
  public record Field(String name, String type, String meaning) {}

  /** A query parameter and what it does. */
  public record Param(String name, String meaning) {}

  /** A download link: its label, address and file type. */
  public record Download(String label, String url, String type) {}

  /** A dataset or a download of the statistics, as the page describes it. */
  public record Section(
      String id,
      String title,
      String description,
      String note,
      List<Param> params,
      List<Download> downloads,
      List<Field> fields) {}

  /** The open datasets: statistics, results, procedures. */
  public List<Section> getDatasets() {
    List<Section> out = new ArrayList<>();
    for (Dataset d : Dataset.values()) {
      String base = "/api/v1/open-data/" + d.key();
      out.add(
          new Section(
              d.key(),
              text.get("opendata.dataset." + d.key() + ".title"),
              text.get("opendata.dataset." + d.key() + ".description"),
              d == Dataset.RESULTS ? resultsLimits() : null,
              params(d.parameters()),
              List.of(
                  download("CSV", base + ".csv", "text/csv"),
                  download("JSON", base + ".json", "application/json")),
              fields(d.key(), d.columns())));
    }
    return out;
  }

  /** The downloads of the statistics tables the statistics page links to. */
  public List<Section> getExports() {
    List<String> period = List.of("from", "to", "period", "groupBy", "agency");
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    List<Param> uptakeParams = new ArrayList<>(params(period));
    uptakeParams.add(new Param("table", text.get("opendata.param.table")));
    return List.of(
        new Section(
            "export-statistics",
            text.get("opendata.export.statistics.title"),
            text.get("opendata.export.statistics.description"),
            null,
            params(period),
            List.of(
                download("CSV", "/api/v1/statistics.csv", "text/csv"),
                download("XLSX", "/api/v1/statistics.xlsx", xlsx)),
            fields(StatisticsTables.STATISTICS, StatisticsTables.STATISTICS_COLUMNS)),
        new Section(
            "export-online-uptake",
            text.get("opendata.export.online-uptake.title"),
            text.get("opendata.export.online-uptake.description"),
            null,
            uptakeParams,
            List.of(
                download("CSV", "/api/v1/statistics/online-uptake.csv", "text/csv"),
                download("XLSX", "/api/v1/statistics/online-uptake.xlsx", xlsx)),
            fields(StatisticsTables.UPTAKE, StatisticsTables.UPTAKE_COLUMNS)),
        new Section(
            "export-online-uptake-idle",
            text.get("opendata.export.online-uptake-idle.title"),
            text.get("opendata.export.online-uptake-idle.description"),
            null,
            List.of(),
            List.of(download("CSV", "/api/v1/statistics/online-uptake.csv?table=idle", "text/csv")),
            fields(StatisticsTables.IDLE, StatisticsTables.IDLE_COLUMNS)));
  }

  public String getLicenceName() {
    return openData.licence().name();
  }

  public String getLicenceUrl() {
    return openData.licence().url();
  }

  /** The most days and rows of one download of the results. */
  private String resultsLimits() {
    return text.format(
        "opendata.limits", OpenDataService.RESULTS_MAX_DAYS, OpenDataService.RESULTS_MAX_ROWS);
  }

  private Download download(String label, String path, String type) {
    return new Download(label, links.path(path), type);
  }

  private List<Param> params(List<String> names) {
    return names.stream().map(n -> new Param(n, text.get("opendata.param." + n))).toList();
  }

  private List<Field> fields(String table, List<Column> columns) {
    return columns.stream()
        .map(
            c ->
                new Field(
                    c.name(),
                    text.get("opendata.type." + c.type().key()),
                    text.get("opendata.field." + table + "." + c.name())))
        .toList();
  }
}
