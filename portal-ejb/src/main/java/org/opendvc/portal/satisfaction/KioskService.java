package org.opendvc.portal.satisfaction;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.statistics.StatisticsQuery;

/**
 * The counter kiosk (docs/satisfaction.md, "Counter kiosk"): an officer signed in opens the kiosk
 * of a desk, and each person served there rates the officer with one tap. Taps at one desk closer
 * together than {@code portal.kiosk.minSecondsBetweenRatings} (3 s by default) are not counted: one
 * conditional update of the desk's row decides, so it holds across nodes. The agencies' figures are
 * public; the officers' are for their own agency and the admins.
 */
@Stateless
public class KioskService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "portal.kiosk.minSecondsBetweenRatings", defaultValue = "3")
  private int minSecondsBetweenRatings;

  /** A desk's kiosk as its page shows it: the officer and the officer's agency. */
  public record Desk(String code, String agencyCode, String agencyName) {}

  /**
   * The kiosk of a desk for the officer signed in: {@link NotFoundException} for a malformed desk
   * code, {@link ForbiddenException} for anyone but an officer or an agency admin.
   */
  public Desk open(String desk, Caller caller) {
    if (!KioskRating.isDesk(desk)) {
      throw new NotFoundException("kiosk.deskNotFound", String.valueOf(desk));
    }
    Agency agency = agencyOf(caller);
    return new Desk(desk, agency.code(), agency.name());
  }

  /**
   * Records a tap: the score (1 to 5) for the officer signed in at the desk. Empty when the desk
   * took a rating less than the minimum interval ago: that tap is not counted.
   */
  public Optional<KioskRating> rate(String desk, Integer score, Caller caller) {
    if (!KioskRating.isDesk(desk)) {
      throw new NotFoundException("kiosk.deskNotFound", String.valueOf(desk));
    }
    int checked = KioskRating.checkedScore(score);
    Agency agency = agencyOf(caller);
    Instant now = clock.instant();
    if (!claimDesk(agency, desk, now)) {
      return Optional.empty();
    }
    KioskRating rating = new KioskRating(agency, caller.username(), desk, checked, now);
    em.persist(rating);
    return Optional.of(rating);
  }

  /** The minimum interval between two counted taps at one desk. */
  public int minSecondsBetweenRatings() {
    return minSecondsBetweenRatings;
  }

  /**
   * Moves the desk's last rating to now if the previous one is at least the minimum interval old
   * (or there was none); false when it is too soon. One statement each way, so two taps at the same
   * moment, on any nodes, count once.
   */
  private boolean claimDesk(Agency agency, String desk, Instant now) {
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    LocalDateTime threshold = at.minusSeconds(minSecondsBetweenRatings);
    int moved =
        em.createNativeQuery(
                "UPDATE kiosk_desk SET last_rated_at = ?"
                    + " WHERE agency_id = ? AND desk = ? AND last_rated_at <= ?")
            .setParameter(1, at)
            .setParameter(2, agency.id())
            .setParameter(3, desk)
            .setParameter(4, threshold)
            .executeUpdate();
    if (moved == 1) {
      return true;
    }
    // the desk's first rating, unless its row exists (then it is too soon)
    return em.createNativeQuery(
                "INSERT IGNORE INTO kiosk_desk (agency_id, desk, last_rated_at)"
                    + " VALUES (?, ?, ?)")
            .setParameter(1, agency.id())
            .setParameter(2, desk)
            .setParameter(3, at)
            .executeUpdate()
        == 1;
  }

  private Agency agencyOf(Caller caller) {
    if (caller.role() != Role.OFFICER && caller.role() != Role.AGENCY_ADMIN
        || caller.agencyCode() == null) {
      throw new ForbiddenException("kiosk.officerOnly");
    }
    return em.createQuery("SELECT a FROM Agency a WHERE a.code = :c", Agency.class)
        .setParameter("c", caller.agencyCode())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new ForbiddenException("kiosk.officerOnly"));
  }

  /**
   * The public figures of the query's period: per agency whose officers took ratings, and in total;
   * with an agency, that agency and its sub-units.
   */
  public KioskFigures agencies(StatisticsQuery q) {
    StringBuilder sql = new StringBuilder();
    if (q.agencyCode() != null) {
      sql.append(
          "WITH RECURSIVE scope (id) AS (SELECT id FROM agency WHERE code = ?"
              + " UNION ALL SELECT a.id FROM agency a JOIN scope s ON a.parent_id = s.id) ");
    }
    sql.append("SELECT a.code, a.name, a.code")
        .append(countColumns())
        .append(
            " FROM kiosk_rating r JOIN agency a ON a.id = r.agency_id"
                + " WHERE r.rated_on BETWEEN ? AND ?");
    if (q.agencyCode() != null) {
      sql.append(" AND r.agency_id IN (SELECT id FROM scope)");
    }
    sql.append(" GROUP BY a.code, a.name ORDER BY a.code");
    return read(q, sql.toString(), q.agencyCode());
  }

  /**
   * The figures per officer, for the agency's own eyes: an officer or agency admin reads their own
   * agency (asking for another is {@link ForbiddenException}); an admin reads any one agency, or
   * every agency's officers without one. The agency here is the agency itself, without its
   * sub-units, whose officers are theirs to read.
   */
  public KioskFigures officers(StatisticsQuery q, Caller caller) {
    String agency = q.agencyCode();
    if (caller.role() == Role.OFFICER || caller.role() == Role.AGENCY_ADMIN) {
      if (agency != null && !agency.equals(caller.agencyCode())) {
        throw new ForbiddenException("kiosk.ownAgencyOnly");
      }
      agency = caller.agencyCode();
    } else if (caller.role() != Role.ADMIN) {
      throw new ForbiddenException("kiosk.ownAgencyOnly");
    }
    StringBuilder sql =
        new StringBuilder("SELECT r.officer, COALESCE(u.full_name, r.officer)," + " a.code")
            .append(countColumns())
            .append(
                " FROM kiosk_rating r JOIN agency a ON a.id = r.agency_id"
                    + " LEFT JOIN account u ON u.username = r.officer"
                    + " WHERE r.rated_on BETWEEN ? AND ?");
    if (agency != null) {
      sql.append(" AND a.code = ?");
    }
    sql.append(" GROUP BY r.officer, u.full_name, a.code ORDER BY a.code, r.officer");
    StatisticsQuery scoped = new StatisticsQuery(q.from(), q.to(), q.groupBy(), agency);
    return read(scoped, sql.toString(), null);
  }

  private static String countColumns() {
    StringBuilder sql = new StringBuilder();
    for (int s = Scores.MIN; s <= Scores.MAX; s++) {
      sql.append(", SUM(CASE WHEN r.score = ").append(s).append(" THEN 1 ELSE 0 END)");
    }
    return sql.toString();
  }

  /**
   * Runs a figures query whose parameters are the scope's agency (when {@code scopeAgency} is
   * given), the period, then the query's agency when the statement ends with one.
   */
  private KioskFigures read(StatisticsQuery q, String sql, String scopeAgency) {
    try (Connection c = dataSource.getConnection()) {
      if (q.agencyCode() != null && !agencyExists(c, q.agencyCode())) {
        throw new NotFoundException("agency.notFound", q.agencyCode());
      }
      List<KioskFigures.Row> rows = new ArrayList<>();
      long[] total = new long[Scores.MAX];
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        if (scopeAgency != null) {
          s.setString(i++, scopeAgency);
        }
        s.setDate(i++, Date.valueOf(q.from()));
        s.setDate(i++, Date.valueOf(q.to()));
        if (scopeAgency == null && q.agencyCode() != null) {
          s.setString(i, q.agencyCode());
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            long[] counts = new long[Scores.MAX];
            for (int k = 0; k < Scores.MAX; k++) {
              counts[k] = r.getLong(4 + k);
              total[k] += counts[k];
            }
            rows.add(KioskFigures.Row.of(r.getString(1), r.getString(2), r.getString(3), counts));
          }
        }
      }
      return new KioskFigures(
          q.from(), q.to(), q.agencyCode(), rows, KioskFigures.Row.of(null, null, null, total));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the kiosk ratings failed", e);
    }
  }

  private static boolean agencyExists(Connection c, String code) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM agency WHERE code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
