package org.opendvc.portal.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierCode;
import org.opendvc.portal.dossier.DossierRepository;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.WorkListQuery;
import org.opendvc.portal.shared.Page;

/**
 * Dossiers in the database: JPA for the rows, plain JDBC for the counter of dossier codes (its
 * {@code LAST_INSERT_ID(expr)} trick has no JPQL form). Every call joins the caller's transaction.
 */
@ApplicationScoped
public class JpaDossierRepository implements DossierRepository {

  @PersistenceContext private EntityManager em;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Override
  public Optional<Dossier> find(String code) {
    Optional<DossierCode> parsed = DossierCode.parse(code);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
        .setParameter("code", parsed.get())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Dossier> findLocked(DossierCode code) {
    return em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
        .setParameter("code", code)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Dossier dossier) {
    em.persist(dossier);
    em.flush();
  }

  @Override
  public boolean store(Dossier dossier) {
    try {
      em.flush();
      return true;
    } catch (OptimisticLockException e) {
      return false;
    } catch (PersistenceException e) {
      if (e.getCause() instanceof OptimisticLockException
          || String.valueOf(e.getMessage()).contains("OptimisticLock")) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public int nextSequence(String unitCode, LocalDate day) {
    // the connection takes part in the caller's transaction: the counter row stays locked by
    // this increment until it commits, so a second reception of the unit and day waits for it
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO dossier_counter (unit_code, day, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))"
                  + " ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)")) {
        s.setString(1, unitCode);
        s.setObject(2, day);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("SELECT LAST_INSERT_ID()");
          ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot issue a dossier code", e);
    }
  }

  @Override
  public void claim(DossierCode code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO dossier_counter (unit_code, day, last_seq) VALUES (?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, ?)")) {
      s.setString(1, code.unitCode());
      s.setObject(2, code.date());
      s.setInt(3, code.sequence());
      s.setInt(4, code.sequence());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the dossier code " + code, e);
    }
  }

  @Override
  public Page<Dossier> ofOwner(String username, int page, int size) {
    List<Dossier> items =
        em.createQuery(
                "SELECT d FROM Dossier d WHERE d.owner.username = :owner"
                    + " ORDER BY d.receivedAt DESC, d.id DESC",
                Dossier.class)
            .setParameter("owner", username)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(d) FROM Dossier d WHERE d.owner.username = :owner", Long.class)
            .setParameter("owner", username)
            .getSingleResult();
    return new Page<>(items, total, page, size);
  }

  /** The statuses whose clock runs or is paused: what "overdue" and "due soon" look at. */
  private static final List<DossierStatus> IN_PROGRESS = WorkListQuery.TIMED_STATUSES;

  /** The work list's order, {@link WorkListQuery#rank} in SQL, then due moment, receipt, id. */
  private static final String URGENCY_ORDER =
      " ORDER BY CASE"
          + " WHEN d.status = :rankDenied OR d.status = :rankCancelled OR d.status = :rankUnresolved"
          + " OR d.status = :rankReleasing OR d.status = :rankDone THEN 4"
          + " WHEN d.status = :rankReceiving THEN 2"
          + " WHEN d.dueAt < :rankNow THEN 0"
          + " WHEN d.dueAt <= :rankHorizon THEN 1"
          + " ELSE 3 END,"
          + " CASE WHEN d.dueAt IS NULL THEN 1 ELSE 0 END, d.dueAt, d.receivedAt, d.id";

  /**
   * The filters keep to the index (agency_id, status, due_at): the agency is compared by id, the
   * scope and "overdue"/"due soon" become a status list and a due_at range, so the rows sorted are
   * the agency's open dossiers, not its whole history.
   */
  @Override
  public Page<Dossier> workList(Among among, WorkListQuery query, Instant now, Instant horizon) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (among.owner() != null) {
      where.append(" AND d.owner.username = :owner");
    } else if (among.agency() != null) {
      where.append(" AND d.agency = :agency");
    }
    List<DossierStatus> statuses = query.statuses();
    if (!statuses.isEmpty()) {
      where.append(" AND d.status IN :statuses");
    }
    if (query.overdue() || query.dueSoon()) {
      where.append(" AND d.status IN :open");
    }
    if (query.overdue()) {
      where.append(" AND d.dueAt < :now");
    }
    if (query.dueSoon()) {
      where.append(" AND d.dueAt >= :now AND d.dueAt <= :horizon");
    }
    if (among.procedure() != null) {
      where.append(" AND d.procedure = :procedure");
    }
    String q = query.text();
    if (q != null) {
      where.append(
          " AND (d.code = :code OR d.applicant.idNumber = :q"
              + " OR LOWER(d.applicant.fullName) LIKE :like)");
    }
    boolean finishedOnly = query.finishedOnly();
    // the page's ids first: sorting ids and the columns of the order reads the index
    // (agency_id, status, due_at, received_at) alone; then only the page's rows are read
    TypedQuery<Long> select =
        em.createQuery(
            "SELECT d.id FROM Dossier d"
                + where
                + (finishedOnly ? " ORDER BY d.finishedAt DESC, d.id DESC" : URGENCY_ORDER),
            Long.class);
    if (!finishedOnly) {
      // the finished statuses one by one: EclipseLink reads no "IN :list" inside a CASE
      select
          .setParameter("rankDenied", DossierStatus.DENIED)
          .setParameter("rankCancelled", DossierStatus.CANCELLED)
          .setParameter("rankUnresolved", DossierStatus.UNRESOLVED)
          .setParameter("rankReleasing", DossierStatus.RELEASING)
          .setParameter("rankDone", DossierStatus.DONE)
          .setParameter("rankReceiving", DossierStatus.RECEIVING)
          .setParameter("rankNow", now)
          .setParameter("rankHorizon", horizon);
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(d) FROM Dossier d" + where, Long.class);
    for (TypedQuery<?> tq : List.of(select, count)) {
      if (among.owner() != null) {
        tq.setParameter("owner", among.owner());
      } else if (among.agency() != null) {
        tq.setParameter("agency", among.agency());
      }
      if (!statuses.isEmpty()) {
        tq.setParameter("statuses", statuses);
      }
      if (query.overdue() || query.dueSoon()) {
        tq.setParameter("open", IN_PROGRESS);
        tq.setParameter("now", now);
      }
      if (query.dueSoon()) {
        tq.setParameter("horizon", horizon);
      }
      if (among.procedure() != null) {
        tq.setParameter("procedure", among.procedure());
      }
      if (q != null) {
        tq.setParameter("code", DossierCode.parse(q).orElse(null));
        tq.setParameter("q", q);
        tq.setParameter("like", "%" + q.toLowerCase(Locale.ROOT) + "%");
      }
    }
    List<Long> ids =
        select
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            .getResultList();
    List<Dossier> items = List.of();
    if (!ids.isEmpty()) {
      Map<Long, Dossier> byId = new HashMap<>();
      em.createQuery("SELECT d FROM Dossier d WHERE d.id IN :ids", Dossier.class)
          .setParameter("ids", ids)
          .getResultList()
          .forEach(d -> byId.put(d.id(), d));
      items = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
    return new Page<>(items, count.getSingleResult(), query.page(), query.size());
  }

  @Override
  public Map<DossierStatus, Long> statusCounts(org.opendvc.portal.catalogue.Agency agency) {
    Map<DossierStatus, Long> out = new EnumMap<>(DossierStatus.class);
    em.createQuery(
            "SELECT d.status, COUNT(d) FROM Dossier d WHERE d.agency = :agency"
                + " GROUP BY d.status",
            Object[].class)
        .setParameter("agency", agency)
        .getResultList()
        .forEach(r -> out.put((DossierStatus) r[0], ((Number) r[1]).longValue()));
    return out;
  }

  @Override
  public void linkResults(Dossier dossier, Instant at) {
    em.createQuery(
            "UPDATE Attachment a SET a.linkedAt = :now WHERE a.dossier = :d"
                + " AND a.kind = org.opendvc.portal.dossier.attachment.AttachmentKind.RESULT"
                + " AND a.linkedAt IS NULL")
        .setParameter("now", at)
        .setParameter("d", dossier)
        .executeUpdate();
  }

  @Override
  public long countResults(Dossier dossier) {
    return em.createQuery(
            "SELECT COUNT(a) FROM Attachment a WHERE a.dossier = :d"
                + " AND a.kind = org.opendvc.portal.dossier.attachment.AttachmentKind.RESULT",
            Long.class)
        .setParameter("d", dossier)
        .getSingleResult();
  }
}
