package org.opendvc.portal.catalogue.search;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.opendvc.portal.catalogue.search.SearchDictionary.Kind;
import org.opendvc.portal.catalogue.search.SearchDictionary.NationalService;
import org.opendvc.portal.catalogue.search.SearchDictionary.Term;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;

/**
 * The dictionary of the search in the database: read whole when an index snapshot is made, and
 * edited by admins. Every change bumps {@code search_dictionary_state.revision} in the same
 * transaction, so every node of a cluster reloads it at its next check (a few seconds); this node
 * reloads it once the change is committed ({@link SearchDictionaryChanged}).
 */
@Stateless
public class SearchDictionaryStore {

  private static final String TERMS =
      "SELECT id, kind, phrase, expansion, weight, meaning FROM search_term";
  private static final String SERVICES =
      "SELECT id, triggers, agency_vi, agency_en, url, note FROM national_service";

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Clock clock;
  @Inject private Event<SearchDictionaryChanged> changed;

  /** The whole dictionary at its current revision. */
  public SearchDictionary load() {
    try (Connection c = dataSource.getConnection()) {
      return read(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the search dictionary", e);
    }
  }

  static SearchDictionary read(Connection c) {
    try {
      long revision;
      try (PreparedStatement s =
              c.prepareStatement("SELECT revision FROM search_dictionary_state WHERE id = 1");
          ResultSet r = s.executeQuery()) {
        revision = r.next() ? r.getLong(1) : 0L;
      }
      return SearchDictionary.of(
          terms(c, TERMS + " ORDER BY kind, phrase_key"),
          services(c, SERVICES + " ORDER BY id"),
          revision);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the search dictionary", e);
    }
  }

  public List<Term> terms() {
    return load().terms();
  }

  public Term term(long id) {
    try (Connection c = dataSource.getConnection()) {
      List<Term> found = terms(c, TERMS + " WHERE id = ?", id);
      if (found.isEmpty()) {
        throw new NotFoundException("searchTerm.notFound", Long.toString(id));
      }
      return found.get(0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Term addTerm(TermInput input, String by) {
    Term t = input.termOrThrow(0);
    try (Connection c = dataSource.getConnection()) {
      duplicate(c, t, 0);
      long id;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO search_term (kind, phrase,"
                  + " phrase_key, expansion, weight, meaning, updated_at, updated_by)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        bind(s, t, by);
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      bump(c);
      return new Term(id, t.kind(), t.phrase(), t.expansions(), t.weight(), t.meaning());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      changed.fire(new SearchDictionaryChanged());
    }
  }

  public Term updateTerm(long id, TermInput input, String by) {
    Term t = input.termOrThrow(id);
    term(id);
    try (Connection c = dataSource.getConnection()) {
      duplicate(c, t, id);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE search_term SET kind = ?, phrase = ?,"
                  + " phrase_key = ?, expansion = ?, weight = ?, meaning = ?, updated_at = ?,"
                  + " updated_by = ? WHERE id = ?")) {
        bind(s, t, by);
        s.setLong(9, id);
        s.executeUpdate();
      }
      bump(c);
      return t;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      changed.fire(new SearchDictionaryChanged());
    }
  }

  public void deleteTerm(long id) {
    term(id);
    delete("DELETE FROM search_term WHERE id = ?", id);
  }

  public List<NationalService> services() {
    return load().services();
  }

  public NationalService service(long id) {
    try (Connection c = dataSource.getConnection()) {
      List<NationalService> found = services(c, SERVICES + " WHERE id = ?", id);
      if (found.isEmpty()) {
        throw new NotFoundException("nationalService.notFound", Long.toString(id));
      }
      return found.get(0);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public NationalService saveService(Long id, ServiceInput input, String by) {
    NationalService n = input.serviceOrThrow(id == null ? 0 : id);
    if (id != null) {
      service(id);
    }
    String sql =
        id == null
            ? "INSERT INTO national_service (triggers, agency_vi, agency_en, url, note, updated_at,"
                + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
            : "UPDATE national_service SET triggers = ?, agency_vi = ?, agency_en = ?, url = ?,"
                + " note = ?, updated_at = ?, updated_by = ? WHERE id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, String.join("|", n.triggers()));
      s.setString(2, n.agencyVi());
      s.setString(3, n.agencyEn());
      s.setString(4, n.url());
      s.setString(5, n.note());
      s.setTimestamp(6, Timestamp.from(clock.instant()));
      s.setString(7, by);
      long saved = id == null ? 0 : id;
      if (id != null) {
        s.setLong(8, id);
      }
      s.executeUpdate();
      if (id == null) {
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          saved = keys.getLong(1);
        }
      }
      bump(c);
      return new NationalService(
          saved, n.triggers(), n.agencyVi(), n.agencyEn(), n.url(), n.note());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      changed.fire(new SearchDictionaryChanged());
    }
  }

  public void deleteService(long id) {
    service(id);
    delete("DELETE FROM national_service WHERE id = ?", id);
  }

  private void delete(String sql, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
      bump(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      changed.fire(new SearchDictionaryChanged());
    }
  }

  /** The phrase, written without tones, is unique per kind. */
  static String key(String phrase) {
    return String.join(
        " ",
        SearchDictionary.words(phrase).stream()
            .map(org.opendvc.portal.shared.TextFolding::fold)
            .toList());
  }

  private static void duplicate(Connection c, Term t, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM search_term WHERE kind = ? AND phrase_key = ? AND id <> ?")) {
      s.setString(1, t.kind().name());
      s.setString(2, key(t.phrase()));
      s.setLong(3, id);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new InvalidInputException("phrase", "searchTerm.duplicate", t.phrase());
        }
      }
    }
  }

  private void bind(PreparedStatement s, Term t, String by) throws SQLException {
    s.setString(1, t.kind().name());
    s.setString(2, t.phrase());
    s.setString(3, key(t.phrase()));
    s.setString(4, t.expansions().isEmpty() ? null : String.join("|", t.expansions()));
    s.setBigDecimal(
        5, java.math.BigDecimal.valueOf(t.weight()).setScale(2, java.math.RoundingMode.HALF_UP));
    s.setString(6, t.meaning());
    s.setTimestamp(7, Timestamp.from(clock.instant()));
    s.setString(8, by);
  }

  private void bump(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE search_dictionary_state"
                + " SET revision = revision + 1, changed_at = ? WHERE id = 1")) {
      s.setTimestamp(1, Timestamp.from(clock.instant()));
      s.executeUpdate();
    }
  }

  private static List<Term> terms(Connection c, String sql, Object... params) throws SQLException {
    List<Term> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String expansion = r.getString(4);
          out.add(
              new Term(
                  r.getLong(1),
                  Kind.valueOf(r.getString(2)),
                  r.getString(3),
                  expansion == null ? List.of() : Arrays.asList(expansion.split("\\|")),
                  r.getBigDecimal(5).doubleValue(),
                  r.getString(6)));
        }
      }
    }
    return out;
  }

  private static List<NationalService> services(Connection c, String sql, Object... params)
      throws SQLException {
    List<NationalService> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new NationalService(
                  r.getLong(1),
                  Arrays.asList(r.getString(2).split("\\|")),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6)));
        }
      }
    }
    return out;
  }
}
