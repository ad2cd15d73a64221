package org.opendvc.portal.publication;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.TextFolding;

/**
 * The public results board (công khai kết quả giải quyết hồ sơ): dossiers that were accepted and
 * then finished (resolved, returned, stopped, or refused after acceptance), newest finish first. A
 * dossier is on the board when {@code finished_at} and {@code outcome} are both set: withdrawn
 * dossiers and those refused before acceptance have no outcome and never appear.
 *
 * <p>Each page is one query on the indexes {@code ix_dossier_finished} and {@code
 * ix_dossier_agency_finished}. The total is counted on at most {@link ResultQuery#MAX_ROWS} + 1
 * matching rows, so that it costs the same on a table of ten million dossiers as on one of ten
 * thousand; past the cap the answer says "more than".
 *
 * <p>The agency tree and the fields are small and change rarely: they are read whole and kept for a
 * minute (and read again at once when a code is not found, at most every few seconds), and the
 * units under an agency are worked out from that copy.
 */
@ApplicationScoped
public class ResultsBoard {

  /** How many dossiers the Atom feed of an agency carries. */
  public static final int FEED_SIZE = 50;

  private static final long CATALOGUE_TTL = TimeUnit.SECONDS.toNanos(60);
  private static final long MISS_RELOAD_AFTER = TimeUnit.SECONDS.toNanos(5);

  private static final String COLUMNS =
      "SELECT d.code, p.code, p.name, a.code, a.name,"
          + " d.receiving_agency_id <> d.agency_id, ra.code, ra.name, f.name, o.level,"
          + " d.received_at, d.due_at, d.finished_at, d.outcome, d.applicant_type, d.applicant_name";

  private static final String JOINS =
      " FROM dossier d"
          + " JOIN catalogue_procedure p ON p.id = d.procedure_id"
          + " JOIN agency a ON a.id = d.agency_id"
          + " JOIN agency ra ON ra.id = d.receiving_agency_id"
          + " LEFT JOIN field f ON f.id = p.field_id"
          + " LEFT JOIN offering o ON o.procedure_id = d.procedure_id AND o.agency_id = d.agency_id";

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  private volatile Catalogue catalogue;

  /** The agencies and fields, as read at {@code readAt} (System.nanoTime). */
  private record Catalogue(
      Map<String, AgencyRow> byCode,
      Map<Long, List<AgencyRow>> children,
      List<AgencyRow> roots,
      Map<String, FieldRow> fields,
      long readAt) {}

  private record AgencyRow(long id, String code, String name, Long parentId) {}

  private record FieldRow(long id, String code, String name) {}

  /** The filters of a query resolved to ids. */
  private record Filter(
      List<Long> agencyIds,
      Long fieldId,
      Integer level,
      Timeliness timeliness,
      Instant from,
      Instant until) {}

  /**
   * One page of the board. An agency or a field that does not exist is an {@link
   * InvalidInputException} naming it (every such problem at once).
   */
  public ResultPage find(ResultQuery q) {
    Filter filter = resolve(q);
    try (Connection c = dataSource.getConnection()) {
      List<PublishedResult> items = select(c, filter, q.size(), q.offset());
      long counted;
      if (q.page() == 0 && items.size() < q.size()) {
        counted = items.size(); // the whole selection is on this page: no need to count it
      } else {
        counted = count(c, filter);
      }
      boolean capped = counted > ResultQuery.MAX_ROWS;
      return new ResultPage(
          items, capped ? ResultQuery.MAX_ROWS : counted, capped, q.page(), q.size());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the results board", e);
    }
  }

  /** The {@value #FEED_SIZE} newest finished dossiers of the agency and the units under it. */
  public ResultFeed feed(String agencyCode) {
    AgencyRow agency =
        agency(agencyCode)
            .orElseThrow(
                () -> new NotFoundException("agency.notFound", String.valueOf(agencyCode)));
    Filter filter = new Filter(subtree(catalogue(), agency), null, null, null, null, null);
    try (Connection c = dataSource.getConnection()) {
      return new ResultFeed(agency.code(), agency.name(), select(c, filter, FEED_SIZE, 0));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the results feed of " + agencyCode, e);
    }
  }

  /**
   * The number of finished dossiers of an agency (with the units under it, or every agency when
   * null) finished from one day to another (local days, both included), counted no further than
   * {@code limit + 1}. An unknown agency is an {@link InvalidInputException} naming it.
   */
  public long countFinished(String agency, LocalDate from, LocalDate to, int limit) {
    Filter filter = resolve(new ResultQuery(agency, null, null, null, from, to, 0, 1));
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT COUNT(*) FROM (SELECT 1 FROM dossier d" + where(filter, params) + " LIMIT ?) t";
    params.add(limit + 1);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the results board", e);
    }
  }

  /**
   * Hands every finished dossier of an agency (with the units under it, or every agency when null)
   * finished from one day to another to the consumer, newest first like the board, each with the
   * same masked name. The rows are streamed from the database as they are consumed: the caller
   * bounds their number first with {@link #countFinished}.
   */
  public void forEachFinished(
      String agency, LocalDate from, LocalDate to, Consumer<PublishedResult> each) {
    Filter filter = resolve(new ResultQuery(agency, null, null, null, from, to, 0, 1));
    List<Object> params = new ArrayList<>();
    String sql =
        COLUMNS + JOINS + where(filter, params) + " ORDER BY d.finished_at DESC, d.id DESC";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.setFetchSize(Integer.MIN_VALUE); // MySQL Connector/J: one row at a time, not all at once
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          each.accept(read(r));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the results board", e);
    }
  }

  /** The agency of that code, if there is one: its code and name. */
  public Optional<AgencyChoice> agencyNamed(String code) {
    return agency(code).map(a -> new AgencyChoice(a.code(), a.name(), 0));
  }

  /** Every agency in tree order (each followed by the units under it), with its depth. */
  public List<AgencyChoice> agencies() {
    Catalogue cat = catalogue();
    List<AgencyChoice> out = new ArrayList<>();
    Deque<Map.Entry<AgencyRow, Integer>> stack = new ArrayDeque<>();
    List<AgencyRow> roots = new ArrayList<>(cat.roots());
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(Map.entry(roots.get(i), 0));
    }
    while (!stack.isEmpty()) {
      Map.Entry<AgencyRow, Integer> next = stack.pop();
      AgencyRow a = next.getKey();
      out.add(new AgencyChoice(a.code(), a.name(), next.getValue()));
      List<AgencyRow> kids = cat.children().getOrDefault(a.id(), List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(Map.entry(kids.get(i), next.getValue() + 1));
      }
    }
    return out;
  }

  /** Every field, by name. */
  public List<FieldChoice> fields() {
    return catalogue().fields().values().stream()
        .map(f -> new FieldChoice(f.code(), f.name()))
        .sorted(Comparator.comparing((FieldChoice f) -> TextFolding.fold(f.name())))
        .toList();
  }

  /** The name of the field a query's field value means, if any. */
  public Optional<String> fieldName(String field) {
    return field(field).map(FieldRow::name);
  }

  private Filter resolve(ResultQuery q) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Long> agencyIds = null;
    if (q.agency() != null) {
      Optional<AgencyRow> agency = agency(q.agency());
      if (agency.isPresent()) {
        agencyIds = subtree(catalogue(), agency.get());
      } else {
        problems.add(new FieldProblem("agency", "agency.notFound", q.agency()));
      }
    }
    Long fieldId = null;
    if (q.field() != null) {
      Optional<FieldRow> field = field(q.field());
      if (field.isPresent()) {
        fieldId = field.get().id();
      } else {
        problems.add(new FieldProblem("field", "results.fieldUnknown", q.field()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant from = q.from() == null ? null : startOf(q.from());
    Instant until = q.to() == null ? null : startOf(q.to().plusDays(1));
    return new Filter(agencyIds, fieldId, q.level(), q.timeliness(), from, until);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(WorkingCalendar.ZONE).toInstant();
  }

  private List<PublishedResult> select(Connection c, Filter f, int limit, int offset)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        COLUMNS
            + JOINS
            + where(f, params)
            + " ORDER BY d.finished_at DESC, d.id DESC LIMIT ? OFFSET ?";
    params.add(limit);
    params.add(offset);
    List<PublishedResult> out = new ArrayList<>();
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(read(r));
      }
    }
    return out;
  }

  /** The row a result set is on, as the board shows it: the name masked, nothing else personal. */
  private static PublishedResult read(ResultSet r) throws SQLException {
    boolean transferred = r.getBoolean(6);
    int level = r.getInt(10);
    Integer levelOrNull = r.wasNull() ? null : level;
    return new PublishedResult(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        transferred ? r.getString(7) : null,
        transferred ? r.getString(8) : null,
        r.getString(9),
        levelOrNull,
        instant(r, 11),
        instant(r, 12),
        instant(r, 13),
        Timeliness.valueOf(r.getString(14)),
        NameMask.mask(applicantType(r.getString(15)), r.getString(16)));
  }

  /** The number of matching rows, counting no further than one past the cap. */
  private long count(Connection c, Filter f) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder from = new StringBuilder(" FROM dossier d");
    if (f.fieldId() != null) {
      from.append(" JOIN catalogue_procedure p ON p.id = d.procedure_id");
    }
    if (f.level() != null) {
      from.append(
          " JOIN offering o ON o.procedure_id = d.procedure_id" + " AND o.agency_id = d.agency_id");
    }
    String sql = "SELECT COUNT(*) FROM (SELECT 1" + from + where(f, params) + " LIMIT ?) t";
    params.add(ResultQuery.MAX_ROWS + 1);
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String where(Filter f, List<Object> params) {
    StringBuilder w =
        new StringBuilder(" WHERE d.finished_at IS NOT NULL AND d.outcome IS NOT NULL");
    if (f.agencyIds() != null) {
      w.append(" AND d.agency_id IN (").append("?,".repeat(f.agencyIds().size() - 1)).append("?)");
      params.addAll(f.agencyIds());
    }
    if (f.fieldId() != null) {
      w.append(" AND p.field_id = ?");
      params.add(f.fieldId());
    }
    if (f.level() != null) {
      w.append(" AND o.level = ?");
      params.add(f.level());
    }
    if (f.timeliness() != null) {
      w.append(" AND d.outcome = ?");
      params.add(f.timeliness().name());
    }
    if (f.from() != null) {
      w.append(" AND d.finished_at >= ?");
      params.add(LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC));
    }
    if (f.until() != null) {
      w.append(" AND d.finished_at < ?");
      params.add(LocalDateTime.ofInstant(f.until(), ZoneOffset.UTC));
    }
    return w.toString();
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setQueryTimeout(30);
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
    return s;
  }

  private static ApplicantType applicantType(String type) {
    return "BUSINESS".equals(type) ? ApplicantType.BUSINESS : ApplicantType.CITIZEN;
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    LocalDateTime t = r.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  // --- the agency tree and the fields ---

  private Optional<AgencyRow> agency(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String key = code.strip();
    Catalogue cat = catalogue();
    AgencyRow found = cat.byCode().get(key);
    if (found == null && System.nanoTime() - cat.readAt() > MISS_RELOAD_AFTER) {
      found = reload().byCode().get(key); // perhaps added since the copy was read
    }
    return Optional.ofNullable(found);
  }

  private Optional<FieldRow> field(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String slug = TextFolding.slug(value);
    Catalogue cat = catalogue();
    FieldRow found = cat.fields().get(slug);
    if (found == null && System.nanoTime() - cat.readAt() > MISS_RELOAD_AFTER) {
      found = reload().fields().get(slug);
    }
    return Optional.ofNullable(found);
  }

  /** The agency's id and the ids of every unit under it, at any depth. */
  private static List<Long> subtree(Catalogue cat, AgencyRow agency) {
    List<Long> ids = new ArrayList<>();
    Deque<AgencyRow> todo = new ArrayDeque<>();
    todo.add(agency);
    while (!todo.isEmpty() && ids.size() <= cat.byCode().size()) { // a cycle cannot loop forever
      AgencyRow a = todo.poll();
      ids.add(a.id());
      todo.addAll(cat.children().getOrDefault(a.id(), List.of()));
    }
    return ids;
  }

  private Catalogue catalogue() {
    Catalogue cat = catalogue;
    if (cat == null || System.nanoTime() - cat.readAt() > CATALOGUE_TTL) {
      cat = reload();
    }
    return cat;
  }

  private Catalogue reload() {
    long started = System.nanoTime();
    Map<String, AgencyRow> byCode = new HashMap<>();
    Map<Long, List<AgencyRow>> children = new HashMap<>();
    List<AgencyRow> roots = new ArrayList<>();
    Map<String, FieldRow> fields = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
              c.prepareStatement("SELECT id, code, name, parent_id FROM agency ORDER BY code");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long parent = r.getLong(4);
          Long parentId = r.wasNull() ? null : parent;
          AgencyRow a = new AgencyRow(r.getLong(1), r.getString(2), r.getString(3), parentId);
          byCode.put(a.code(), a);
          if (a.parentId() == null) {
            roots.add(a);
          } else {
            children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT id, code, name FROM field");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          fields.put(r.getString(2), new FieldRow(r.getLong(1), r.getString(2), r.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the agencies and fields", e);
    }
    Catalogue cat = new Catalogue(byCode, children, roots, fields, started);
    catalogue = cat;
    return cat;
  }
}
