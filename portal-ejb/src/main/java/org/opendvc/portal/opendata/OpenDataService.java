package org.opendvc.portal.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.publication.PublishedResult;
import org.opendvc.portal.publication.ResultsBoard;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.RevisionCache;
import org.opendvc.portal.statistics.StatisticsQuery;
import org.opendvc.portal.statistics.StatisticsService;

/**
 * The open datasets (dữ liệu mở) of the portal, each a {@link Table} with the same figures and
 * values as the API and the pages: the statistics, the finished dossiers of the results board
 * (names masked as on the board), and the catalogue of procedures per offering agency.
 */
@ApplicationScoped
public class OpenDataService {

  /** The longest period of one download of the results. */
  public static final int RESULTS_MAX_DAYS = 366;

  /** The most dossiers one download of the results holds. */
  public static final int RESULTS_MAX_ROWS = 100_000;

  /** The datasets, by the name in their address. */
  public enum Dataset {
    STATISTICS(
        StatisticsTables.STATISTICS_COLUMNS, List.of("from", "to", "period", "groupBy", "agency")),
    RESULTS(ResultsTable.COLUMNS, List.of("from", "to", "period", "agency")),
    PROCEDURES(ProceduresTable.COLUMNS, List.of());

    private final List<Column> columns;
    private final List<String> parameters;

    Dataset(List<Column> columns, List<String> parameters) {
      this.columns = columns;
      this.parameters = parameters;
    }

    /** Its name in addresses and files: {@code statistics}, {@code results}, {@code procedures}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public List<Column> columns() {
      return columns;
    }

    /** The query parameters it takes. */
    public List<String> parameters() {
      return parameters;
    }

    public static Optional<Dataset> of(String key) {
      return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
    }
  }

  /** The query parameters of a download, as text; null when not given. */
  public record Params(String from, String to, String period, String groupBy, String agency) {}

  /**
   * A dataset ready to be written: the period it covers (null for the catalogue), the day figures
   * in progress are counted at (statistics only), and the table.
   */
  public record Extract(
      Dataset dataset, LocalDate from, LocalDate to, LocalDate countedTo, Table table) {}

  /** The licence the open data is published under, and where to read it. */
  public record Licence(String name, String url) {}

  @Inject
  @ConfigProperty(
      name = "portal.opendata.licence",
      defaultValue = "Creative Commons Attribution 4.0 (CC BY 4.0)")
  String licenceName;

  @Inject
  @ConfigProperty(
      name = "portal.opendata.licence.url",
      defaultValue = "https://creativecommons.org/licenses/by/4.0/")
  String licenceUrl;

  @Inject private StatisticsService statistics;
  @Inject private ResultsBoard board;
  @Inject private CatalogueService catalogue;

  /** The catalogue's rows, as last read, under their catalogue revision. */
  private final RevisionCache<Dataset, List<Object[]>> catalogueRows = new RevisionCache<>();

  /**
   * The dataset for those parameters. Bad parameters are an {@link InvalidInputException} naming
   * each; an unknown agency of the statistics a {@link NotFoundException}, as in the API.
   */
  public Extract extract(Dataset dataset, Params p) {
    return switch (dataset) {
      case STATISTICS -> {
        StatisticsQuery q =
            StatisticsQuery.parse(
                p.from(), p.to(), defaultPeriod(p), p.groupBy(), p.agency(), statistics.today());
        StatisticsService.Report report = statistics.report(q);
        yield new Extract(
            dataset,
            report.from(),
            report.to(),
            report.countedTo(),
            StatisticsTables.statistics(report));
      }
      case RESULTS -> results(p);
      case PROCEDURES -> new Extract(dataset, null, null, null, procedures());
    };
  }

  /** The licence of every dataset ({@code portal.opendata.licence} and {@code .url}). */
  public Licence licence() {
    return new Licence(licenceName.strip(), licenceUrl.strip());
  }

  /** Today, in Vietnam. */
  public LocalDate today() {
    return statistics.today();
  }

  /** Without any period: the last complete month. */
  private String defaultPeriod(Params p) {
    if (blank(p.from()) && blank(p.to()) && blank(p.period())) {
      return YearMonth.from(statistics.today()).minusMonths(1).toString();
    }
    return p.period();
  }

  private Extract results(Params p) {
    StatisticsQuery q =
        StatisticsQuery.parse(p.from(), p.to(), defaultPeriod(p), null, null, statistics.today());
    if (ChronoUnit.DAYS.between(q.from(), q.to()) + 1 > RESULTS_MAX_DAYS) {
      throw new InvalidInputException("to", "opendata.periodTooLong", RESULTS_MAX_DAYS);
    }
    String agency = blank(p.agency()) ? null : p.agency().strip();
    long count = board.countFinished(agency, q.from(), q.to(), RESULTS_MAX_ROWS);
    if (count > RESULTS_MAX_ROWS) {
      throw new InvalidInputException("period", "opendata.tooManyRows", RESULTS_MAX_ROWS);
    }
    Table table =
        new Table(
            Dataset.RESULTS.key(),
            ResultsTable.COLUMNS,
            each ->
                board.forEachFinished(
                    agency, q.from(), q.to(), r -> each.accept(ResultsTable.row(r))));
    return new Extract(Dataset.RESULTS, q.from(), q.to(), null, table);
  }

  private Table procedures() {
    return Table.of(Dataset.PROCEDURES.key(), ProceduresTable.COLUMNS, catalogueRows());
  }

  /**
   * The catalogue's rows, read again only when the catalogue revision has moved (on any node): the
   * catalogue changes a few times a year and anyone may download it, so a download costs one small
   * query instead of reading every procedure and offering, one to two seconds of the processor for
   * the national catalogue. The rows are held in memory, as many as the catalogue has offerings.
   * One reading at a time ({@link RevisionCache}).
   */
  private List<Object[]> catalogueRows() {
    // the revision is read first: rows newer than their revision are only read once more
    return catalogueRows.get(
        Dataset.PROCEDURES,
        catalogue.revision(),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          catalogue.forEachProcedure(view -> ProceduresTable.rows(view, rows::add));
          return List.copyOf(rows);
        });
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The finished dossiers: the fields of {@code GET /api/v1/results}, flat. */
  static final class ResultsTable {
    static final List<Column> COLUMNS =
        List.of(
            Column.text("code"),
            Column.text("procedureCode"),
            Column.text("procedureName"),
            Column.text("agencyCode"),
            Column.text("agencyName"),
            Column.text("receivingAgencyCode"),
            Column.text("receivingAgencyName"),
            Column.text("field"),
            Column.integer("level"),
            Column.dateTime("receivedAt"),
            Column.dateTime("dueAt"),
            Column.dateTime("finishedAt"),
            Column.text("timeliness"),
            Column.text("applicant"));

    static Object[] row(PublishedResult r) {
      return new Object[] {
        r.code(),
        r.procedureCode(),
        r.procedureName(),
        r.agencyCode(),
        r.agencyName(),
        r.receivingAgencyCode(),
        r.receivingAgencyName(),
        r.field(),
        r.level(),
        time(r.receivedAt()),
        time(r.dueAt()),
        time(r.finishedAt()),
        r.timeliness().name(),
        r.applicant()
      };
    }

    private static OffsetDateTime time(Instant t) {
      return t == null ? null : OffsetDateTime.ofInstant(t, WorkingCalendar.ZONE);
    }
  }

  /**
   * The catalogue: one row per procedure and agency offering it (one row without an agency for a
   * procedure nobody offers yet), with what its public page shows of it: field, level, the first
   * time limit the catalogue lists and the fees.
   */
  static final class ProceduresTable {
    static final List<Column> COLUMNS =
        List.of(
            Column.text("procedureCode"),
            Column.text("procedureName"),
            Column.text("field"),
            Column.text("agencyCode"),
            Column.text("agencyName"),
            Column.text("agencyTier"),
            Column.integer("level"),
            Column.number("timeLimit"),
            Column.text("timeLimitUnit"),
            Column.text("fees"));

    static void rows(ProcedureView view, Consumer<Object[]> each) {
      Procedure p = view.procedure();
      String field = p.field().map(f -> f.name()).orElse(null);
      ProcedureDetails.TimeLimit limit = firstTimeLimit(p.details());
      BigDecimal amount = limit == null ? null : limit.amount();
      String unit = limit == null || limit.unit() == null ? null : limit.unit().name();
      String fees = fees(p.details());
      if (view.offerings().isEmpty()) {
        each.accept(
            new Object[] {
              p.code(),
              p.name(),
              field,
              null,
              null,
              null,
              p.nationalLevel() == null ? null : p.nationalLevel().number(),
              amount,
              unit,
              fees
            });
        return;
      }
      for (Offering o : view.offerings()) {
        each.accept(
            new Object[] {
              p.code(),
              p.name(),
              field,
              o.agency().code(),
              o.agency().name(),
              o.agency().tier() == null ? null : o.agency().tier().name(),
              o.level().number(),
              amount,
              unit,
              fees
            });
      }
    }

    private static ProcedureDetails.TimeLimit firstTimeLimit(ProcedureDetails d) {
      if (d == null) {
        return null;
      }
      for (ProcedureDetails.ChannelTerms c : d.channels()) {
        for (ProcedureDetails.TimeLimit t : c.timeLimits()) {
          if (t.amount() != null) {
            return t;
          }
        }
      }
      return null;
    }

    /** Every distinct fee: "amount currency: description", separated by " | ". */
    private static String fees(ProcedureDetails d) {
      if (d == null) {
        return null;
      }
      Set<String> out = new LinkedHashSet<>();
      for (ProcedureDetails.ChannelTerms c : d.channels()) {
        for (ProcedureDetails.TimeLimit t : c.timeLimits()) {
          for (ProcedureDetails.Fee f : t.fees()) {
            List<String> parts = new ArrayList<>();
            if (f.amount() != null) {
              parts.add(
                  f.amount().stripTrailingZeros().toPlainString()
                      + (f.currency() == null || f.currency().isBlank() ? "" : " " + f.currency()));
            }
            if (f.description() != null && !f.description().isBlank()) {
              parts.add(f.description().strip().replaceAll("\\s+", " "));
            }
            if (!parts.isEmpty()) {
              out.add(String.join(": ", parts));
            }
          }
        }
      }
      return out.isEmpty() ? null : String.join(" | ", out);
    }
  }
}
