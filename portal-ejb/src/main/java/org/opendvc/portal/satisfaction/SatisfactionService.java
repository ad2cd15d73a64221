package org.opendvc.portal.satisfaction;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.statistics.StatisticsQuery;

/**
 * The satisfaction index (SIPAS style, docs/satisfaction.md) of a period and scope: one grouped
 * read of the ratings given in the period, per agency, with the agency's sub-units when a scope is
 * asked for.
 */
@ApplicationScoped
public class SatisfactionService {

  private static final String[] COLUMNS = {
    "score_access", "score_procedure", "score_officer", "score_result", "score_feedback"
  };

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "portal.satisfaction.minResponses", defaultValue = "30")
  private int minResponses;

  /** The index of the query's period and agency (the rows are not grouped otherwise). */
  public SatisfactionIndex index(StatisticsQuery q) {
    StringBuilder sql = new StringBuilder();
    if (q.agencyCode() != null) {
      sql.append(
          "WITH RECURSIVE scope (id) AS (SELECT id FROM agency WHERE code = ?"
              + " UNION ALL SELECT a.id FROM agency a JOIN scope s ON a.parent_id = s.id) ");
    }
    sql.append("SELECT a.code, a.name, a.tier, COUNT(*)");
    for (String c : COLUMNS) {
      for (int s = Scores.MIN; s <= Scores.MAX; s++) {
        sql.append(", SUM(CASE WHEN r.")
            .append(c)
            .append(" = ")
            .append(s)
            .append(" THEN 1 ELSE 0 END)");
      }
    }
    sql.append(
        " FROM dossier_rating r JOIN agency a ON a.id = r.agency_id"
            + " WHERE r.rated_on BETWEEN ? AND ?");
    if (q.agencyCode() != null) {
      sql.append(" AND r.agency_id IN (SELECT id FROM scope)");
    }
    sql.append(" GROUP BY a.code, a.name, a.tier ORDER BY a.code");
    try (Connection c = dataSource.getConnection()) {
      if (q.agencyCode() != null && !agencyExists(c, q.agencyCode())) {
        throw new NotFoundException("agency.notFound", q.agencyCode());
      }
      List<SatisfactionIndex.Row> rows = new ArrayList<>();
      long[][] total = new long[COLUMNS.length][Scores.MAX];
      long totalResponses = 0;
      try (PreparedStatement s = c.prepareStatement(sql.toString())) {
        int i = 1;
        if (q.agencyCode() != null) {
          s.setString(i++, q.agencyCode());
        }
        s.setDate(i++, Date.valueOf(q.from()));
        s.setDate(i, Date.valueOf(q.to()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            long responses = r.getLong(4);
            long[][] counts = new long[COLUMNS.length][Scores.MAX];
            int col = 5;
            for (int e = 0; e < COLUMNS.length; e++) {
              for (int k = 0; k < Scores.MAX; k++) {
                counts[e][k] = r.getLong(col++);
                total[e][k] += counts[e][k];
              }
            }
            totalResponses += responses;
            rows.add(row(r.getString(1), r.getString(2), r.getString(3), responses, counts));
          }
        }
      }
      return new SatisfactionIndex(
          q.from(),
          q.to(),
          q.agencyCode(),
          minResponses,
          rows,
          row(null, null, null, totalResponses, total));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the ratings failed", e);
    }
  }

  private SatisfactionIndex.Row row(
      String code, String name, String tier, long responses, long[][] counts) {
    List<SatisfactionIndex.ElementFigures> elements = new ArrayList<>();
    long satisfiedAll = 0;
    for (Element e : Element.values()) {
      long[] c = counts[e.ordinal()];
      List<Long> list = new ArrayList<>();
      long satisfied = 0;
      for (int k = 0; k < c.length; k++) {
        list.add(c[k]);
        if (k + 1 >= Scores.SATISFIED_FROM) {
          satisfied += c[k];
        }
      }
      satisfiedAll += satisfied;
      elements.add(
          new SatisfactionIndex.ElementFigures(
              e.key(), list, SatisfactionIndex.Share.of(satisfied, responses)));
    }
    return new SatisfactionIndex.Row(
        code,
        name,
        tier,
        responses,
        responses >= minResponses,
        elements,
        SatisfactionIndex.Share.of(satisfiedAll, responses * Element.values().length));
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
