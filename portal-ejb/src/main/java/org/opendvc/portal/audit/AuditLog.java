package org.opendvc.portal.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.opendvc.portal.shared.Page;

/**
 * Keeps and lists the administrators' changes ({@code admin_audit}). Rows are only ever added:
 * nothing in the portal updates or deletes them.
 */
@ApplicationScoped
public class AuditLog {

  /** One change: when, by whom, in which area, the method and address, and the answer. */
  public record Entry(
      Instant at, String actor, String area, String action, String target, int status) {}

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject private Clock clock;

  /** Records a change an administrator made. */
  public void record(String actor, String area, String action, String target, int status) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO admin_audit"
                    + " (at, actor, area, action, target, status) VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setTimestamp(1, Timestamp.from(clock.instant()));
      s.setString(2, cut(actor, 254));
      s.setString(3, cut(area, 30));
      s.setString(4, cut(action, 10));
      s.setString(5, cut(target, 500));
      s.setInt(6, status);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record an administrator's change", e);
    }
  }

  /** The changes between two moments, newest first. */
  public Page<Entry> list(Instant from, Instant to, int page, int size) {
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement s =
          c.prepareStatement("SELECT COUNT(*) FROM admin_audit WHERE at >= ? AND at < ?")) {
        s.setTimestamp(1, Timestamp.from(from));
        s.setTimestamp(2, Timestamp.from(to));
        try (ResultSet r = s.executeQuery()) {
          r.next();
          total = r.getLong(1);
        }
      }
      List<Entry> items = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT at, actor, area, action, target,"
                  + " status FROM admin_audit WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC"
                  + " LIMIT ? OFFSET ?")) {
        s.setTimestamp(1, Timestamp.from(from));
        s.setTimestamp(2, Timestamp.from(to));
        s.setInt(3, size);
        s.setLong(4, (long) page * size);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            items.add(
                new Entry(
                    r.getTimestamp(1).toInstant(),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getInt(6)));
          }
        }
      }
      return new Page<>(items, total, page, size);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log", e);
    }
  }

  private static String cut(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() > max ? v.substring(0, max) : v;
  }
}
