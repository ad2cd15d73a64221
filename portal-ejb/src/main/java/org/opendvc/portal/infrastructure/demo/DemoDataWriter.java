package org.opendvc.portal.infrastructure.demo;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The demo loader's plain JDBC writes: the agency tree in one transaction and the offerings in
 * chunks of one transaction each, batched (the data source rewrites a batch into multi-row
 * inserts). SQL kept to what MySQL 8 and MariaDB 10.6+ both run.
 */
@Stateless
public class DemoDataWriter {

  static final String INSERT_AGENCY =
      "INSERT INTO agency (code, name, tier, parent_id, address, phone, email)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_OFFERING =
      "INSERT INTO offering (procedure_id, agency_id, level) VALUES (?, ?, ?)";
  static final String INSERT_DOSSIER =
      "INSERT INTO dossier (code, procedure_id, receiving_agency_id, agency_id, channel, status,"
          + " status_before_request, applicant_type, applicant_name, applicant_id_number,"
          + " applicant_phone, applicant_email, applicant_address, owner_id, received_at,"
          + " accepted_at, due_at, paused_at, finished_at, supplement_requests, outcome, version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_HISTORY =
      "INSERT INTO dossier_history (dossier_id, seq, action, from_status, to_status, at, actor,"
          + " unit_code, note, due_at, agency_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_COUNTER =
      "INSERT INTO dossier_counter (unit_code, day, last_seq) VALUES (?, ?, ?)";
  private static final int IN_LIST = 500;

  /** The fee the demo's officers asked of the dossiers awaiting online payment, in đồng. */
  static final long DEMO_FEE = 50_000;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean hasAgencies() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM agency LIMIT 1");
        ResultSet r = s.executeQuery()) {
      return r.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the agencies", e);
    }
  }

  /**
   * Inserts the agencies, parents first, in one transaction, and returns their ids by code. The
   * first agency goes in alone: if its code is already taken, another node is loading the demo at
   * this moment (its uncommitted row made this insert wait, then conflict) or has just loaded it,
   * and this returns empty without writing anything.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Map<String, Long>> insertAgencies(List<DemoAgency> agencies) {
    Map<String, Long> ids = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT_AGENCY)) {
      List<List<DemoAgency>> levels = byDepth(agencies);
      DemoAgency first = levels.get(0).get(0);
      try {
        bind(insert, first, null);
        insert.executeUpdate();
      } catch (SQLException e) {
        if (isClaimedElsewhere(e)) {
          return Optional.empty();
        }
        throw e;
      }
      ids.putAll(ids(c, "agency", List.of(first.code())));
      for (List<DemoAgency> level : levels) {
        List<String> codes = new ArrayList<>();
        for (DemoAgency a : level) {
          if (a == first) {
            continue;
          }
          bind(insert, a, a.parentCode() == null ? null : ids.get(a.parentCode()));
          insert.addBatch();
          codes.add(a.code());
        }
        insert.executeBatch();
        ids.putAll(ids(c, "agency", codes));
      }
      return Optional.of(ids);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the demo agencies", e);
    }
  }

  /** Ids of the given procedure codes that are in the catalogue. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Map<String, Long> procedureIds(Collection<String> codes) {
    try (Connection c = dataSource.getConnection()) {
      return ids(c, "catalogue_procedure", codes);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the demo procedures", e);
    }
  }

  /**
   * Inserts one chunk of offerings in its own transaction and returns how many it inserted
   * (offerings whose procedure or agency has no id are skipped).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int insertOfferings(
      List<DemoOffering> chunk, Map<String, Long> procedureIds, Map<String, Long> agencyIds) {
    int count = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(INSERT_OFFERING)) {
      for (DemoOffering o : chunk) {
        Long procedure = procedureIds.get(o.procedureCode());
        Long agency = agencyIds.get(o.agencyCode());
        if (procedure == null || agency == null) {
          continue;
        }
        s.setLong(1, procedure);
        s.setLong(2, agency);
        s.setInt(3, o.level());
        s.addBatch();
        count++;
      }
      if (count > 0) {
        s.executeBatch();
      }
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the demo offerings", e);
    }
  }

  /** Ids of the given usernames that have an account. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Map<String, Long> accountIds(Collection<String> usernames) {
    Map<String, Long> ids = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE username = ?")) {
      for (String u : usernames) {
        s.setString(1, u);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            ids.put(u, r.getLong(1));
          }
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the demo accounts", e);
    }
  }

  /**
   * Inserts one chunk of demo dossiers and their history in its own transaction, both batched, and
   * returns how many dossiers it inserted (one whose procedure or agency has no id is skipped, with
   * its history).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int insertDossiers(
      List<DemoDossier> chunk,
      Map<String, Long> procedureIds,
      Map<String, Long> agencyIds,
      Map<String, Long> accountIds) {
    List<DemoDossier> stored = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(INSERT_DOSSIER)) {
        for (DemoDossier d : chunk) {
          Long procedure = procedureIds.get(d.procedureCode());
          Long receiving = agencyIds.get(d.receivingAgencyCode());
          Long agency = agencyIds.get(d.agencyCode());
          if (procedure == null || receiving == null || agency == null) {
            continue;
          }
          int i = 1;
          s.setString(i++, d.code());
          s.setLong(i++, procedure);
          s.setLong(i++, receiving);
          s.setLong(i++, agency);
          s.setString(i++, d.channel());
          s.setInt(i++, d.status());
          setInt(s, i++, d.statusBeforeRequest());
          s.setString(i++, d.applicantType());
          s.setString(i++, d.applicantName());
          s.setString(i++, d.applicantIdNumber());
          s.setString(i++, d.applicantPhone());
          s.setString(i++, d.applicantEmail());
          s.setString(i++, d.applicantAddress());
          Long owner = d.ownerUsername() == null ? null : accountIds.get(d.ownerUsername());
          if (owner == null) {
            s.setNull(i++, Types.BIGINT);
          } else {
            s.setLong(i++, owner);
          }
          setTime(s, i++, d.receivedAt());
          setTime(s, i++, d.acceptedAt());
          setTime(s, i++, d.dueAt());
          setTime(s, i++, d.pausedAt());
          setTime(s, i++, d.finishedAt());
          s.setInt(i++, d.supplementRequests());
          s.setString(i++, d.outcome());
          s.setInt(i, d.version());
          s.addBatch();
          stored.add(d);
        }
        if (stored.isEmpty()) {
          return 0;
        }
        s.executeBatch();
      }
      Map<String, Long> ids = ids(c, "dossier", stored.stream().map(DemoDossier::code).toList());
      try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
        for (DemoDossier d : stored) {
          long id = ids.get(d.code());
          for (DemoDossier.Step h : d.history()) {
            int i = 1;
            s.setLong(i++, id);
            s.setInt(i++, h.seq());
            s.setString(i++, h.action());
            setInt(s, i++, h.fromStatus());
            s.setInt(i++, h.toStatus());
            setTime(s, i++, h.at());
            s.setString(i++, h.actor());
            s.setString(i++, h.unitCode());
            s.setString(i++, h.note());
            setTime(s, i++, h.dueAt());
            s.setLong(i, agencyIds.get(h.agencyCode()));
            s.addBatch();
          }
        }
        s.executeBatch();
      }
      return stored.size();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the demo dossiers", e);
    }
  }

  /**
   * Inserts the daily counters the demo dossiers used (unit and day → highest sequence), so that a
   * dossier received later the same day gets the next number.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void insertCounters(Map<String, Integer> counters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(INSERT_COUNTER)) {
      for (Map.Entry<String, Integer> e : counters.entrySet()) {
        String[] key = e.getKey().split("\\|");
        s.setString(1, key[0]);
        s.setObject(2, java.time.LocalDate.parse(key[1]));
        s.setInt(3, e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the demo dossier counters", e);
    }
  }

  /**
   * The demo dossiers awaiting payment that could be paid online (an applicant's account, a level-4
   * offering at the receiving agency) are given the amount an officer would have asked, {@value
   * #DEMO_FEE} đồng, so the applicant's Pay button leads to the sandbox bank; the others pay at the
   * desk, as their offering says. Returns how many were given an amount.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int askDemoPayments() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE dossier d JOIN offering o"
                    + " ON o.procedure_id = d.procedure_id AND o.agency_id = d.receiving_agency_id"
                    + " AND o.level = 4 SET d.payment_amount = ?"
                    + " WHERE d.status = 6 AND d.owner_id IS NOT NULL AND d.payment_amount IS NULL")) {
      s.setLong(1, DEMO_FEE);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot ask the demo payments", e);
    }
  }

  private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.TINYINT);
    } else {
      s.setInt(i, value);
    }
  }

  /** A moment as the UTC wall-clock time the connection (session time zone UTC) keeps. */
  private static void setTime(PreparedStatement s, int i, java.time.Instant t) throws SQLException {
    if (t == null) {
      s.setNull(i, Types.TIMESTAMP);
    } else {
      s.setObject(i, java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
    }
  }

  /** The agencies grouped by depth in the tree (roots first), each group in the input order. */
  static List<List<DemoAgency>> byDepth(List<DemoAgency> agencies) {
    Map<String, DemoAgency> byCode = new HashMap<>();
    agencies.forEach(a -> byCode.put(a.code(), a));
    Map<Integer, List<DemoAgency>> levels = new java.util.TreeMap<>();
    for (DemoAgency a : agencies) {
      int depth = 0;
      for (String p = a.parentCode(); p != null; p = byCode.get(p).parentCode()) {
        if (!byCode.containsKey(p) || ++depth > agencies.size()) {
          throw new IllegalArgumentException("bad parent of " + a.code() + ": " + p);
        }
      }
      levels.computeIfAbsent(depth, d -> new ArrayList<>()).add(a);
    }
    return new ArrayList<>(levels.values());
  }

  /**
   * Whether inserting the first agency failed because another node holds it: a unique-key conflict
   * once that node committed, or a lock wait timeout (1205) while it is still loading.
   */
  static boolean isClaimedElsewhere(SQLException e) {
    return isDuplicateKey(e) || e.getErrorCode() == 1205;
  }

  static boolean isDuplicateKey(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || e.getErrorCode() == 1062
        || "23000".equals(e.getSQLState());
  }

  private static void bind(PreparedStatement s, DemoAgency a, Long parentId) throws SQLException {
    s.setString(1, a.code());
    s.setString(2, a.name());
    s.setString(3, a.tier().name());
    if (parentId == null) {
      s.setNull(4, Types.BIGINT);
    } else {
      s.setLong(4, parentId);
    }
    s.setString(5, a.address());
    s.setString(6, a.phone());
    s.setString(7, a.email());
  }

  /** code → id for the given codes of a table with columns code and id. */
  private static Map<String, Long> ids(Connection c, String table, Collection<String> codes)
      throws SQLException {
    Map<String, Long> ids = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(codes);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
      String in = String.join(",", Collections.nCopies(part.size(), "?"));
      try (PreparedStatement s =
          c.prepareStatement("SELECT code, id FROM " + table + " WHERE code IN (" + in + ")")) {
        for (int i = 0; i < part.size(); i++) {
          s.setString(i + 1, part.get(i));
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            ids.put(r.getString(1), r.getLong(2));
          }
        }
      }
    }
    return ids;
  }
}
