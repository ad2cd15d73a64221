package org.opendvc.portal.catalogue;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opendvc.portal.shared.TextFolding;

/**
 * Writes checked procedure records to the database in batches, each batch in its own transaction:
 * an upsert by code, so that importing the same feed twice changes nothing but the update time.
 */
@Stateless
public class ProcedureWriter {

  private static final String UPSERT =
      "INSERT INTO catalogue_procedure (code, name, field_id, national_level, tiers,"
          + " procedure_type, decision_no, decision_date, description, requirements, keywords,"
          + " details, created_at, updated_at, version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
          + " ON DUPLICATE KEY UPDATE name = VALUES(name), field_id = VALUES(field_id),"
          + " national_level = VALUES(national_level), tiers = VALUES(tiers),"
          + " procedure_type = VALUES(procedure_type), decision_no = VALUES(decision_no),"
          + " decision_date = VALUES(decision_date), description = VALUES(description),"
          + " requirements = VALUES(requirements), keywords = VALUES(keywords),"
          + " details = VALUES(details), updated_at = VALUES(updated_at), version = version + 1";

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Clock clock;

  /** Result of one batch: how many codes were new. */
  public record BatchResult(int created, int updated) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public BatchResult write(List<ProcedureRecord> records) throws SQLException {
    // The last record with a code wins, as it would one at a time.
    Map<String, ProcedureRecord> byCode = new LinkedHashMap<>();
    records.forEach(r -> byCode.put(r.code(), r));
    try (Connection c = dataSource.getConnection()) {
      Map<String, Long> fieldIds = fieldIds(c, byCode.values());
      Set<String> existing = existingCodes(c, byCode.keySet());
      Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      try (PreparedStatement s = c.prepareStatement(UPSERT)) {
        for (ProcedureRecord r : byCode.values()) {
          int i = 1;
          s.setString(i++, r.code());
          s.setString(i++, r.name());
          Long fieldId =
              r.fieldName() == null ? null : fieldIds.get(TextFolding.slug(r.fieldName()));
          if (fieldId == null) {
            s.setNull(i++, Types.BIGINT);
          } else {
            s.setLong(i++, fieldId);
          }
          s.setInt(i++, r.nationalLevel().number());
          s.setString(
              i++, r.tiers().stream().map(Tier::key).sorted().collect(Collectors.joining(",")));
          s.setString(i++, r.procedureType());
          s.setString(i++, r.decisionNo());
          s.setDate(i++, r.decisionDate() == null ? null : Date.valueOf(r.decisionDate()));
          s.setString(i++, r.description());
          s.setString(i++, r.requirements());
          s.setString(i++, r.keywords());
          s.setString(i++, ProcedureDetailsConverter.toJson(r.details()));
          s.setTimestamp(i++, now);
          s.setTimestamp(i, now);
          s.addBatch();
        }
        s.executeBatch();
      }
      int created = (int) byCode.keySet().stream().filter(code -> !existing.contains(code)).count();
      return new BatchResult(created, records.size() - created);
    }
  }

  /** Moves the catalogue revision on, so that every node rebuilds its search index. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void bumpRevision() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE catalogue_state SET revision = revision + 1, changed_at = ? WHERE id = 1")) {
      s.setTimestamp(
          1, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
      s.executeUpdate();
    }
  }

  private static Map<String, Long> fieldIds(Connection c, Collection<ProcedureRecord> records)
      throws SQLException {
    Map<String, String> names = new HashMap<>();
    for (ProcedureRecord r : records) {
      if (r.fieldName() != null && !TextFolding.slug(r.fieldName()).isEmpty()) {
        names.putIfAbsent(TextFolding.slug(r.fieldName()), r.fieldName());
      }
    }
    Map<String, Long> ids = new HashMap<>();
    if (names.isEmpty()) {
      return ids;
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT IGNORE INTO field (code, name) VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : names.entrySet()) {
        s.setString(1, e.getKey());
        s.setString(2, e.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
    String in = String.join(",", java.util.Collections.nCopies(names.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement("SELECT code, id FROM field WHERE code IN (" + in + ")")) {
      int i = 1;
      for (String code : names.keySet()) {
        s.setString(i++, code);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return ids;
  }

  private static Set<String> existingCodes(Connection c, Collection<String> codes)
      throws SQLException {
    Set<String> existing = new HashSet<>();
    String in = String.join(",", java.util.Collections.nCopies(codes.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement("SELECT code FROM catalogue_procedure WHERE code IN (" + in + ")")) {
      int i = 1;
      for (String code : codes) {
        s.setString(i++, code);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          existing.add(r.getString(1));
        }
      }
    }
    return existing;
  }
}
