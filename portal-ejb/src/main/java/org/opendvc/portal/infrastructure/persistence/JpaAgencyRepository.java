package org.opendvc.portal.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.Tier;

@ApplicationScoped
public class JpaAgencyRepository implements AgencyRepository {

  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Agency> findByCode(String code) {
    return em.createQuery("SELECT a FROM Agency a WHERE a.code = :code", Agency.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Agency> children(Optional<Agency> parent, Optional<Tier> tier) {
    String where = parent.isPresent() ? "a.parent = :parent" : "a.parent IS NULL";
    if (tier.isPresent()) {
      where += " AND a.tier = :tier";
    }
    TypedQuery<Agency> q =
        em.createQuery("SELECT a FROM Agency a WHERE " + where + " ORDER BY a.code", Agency.class);
    parent.ifPresent(p -> q.setParameter("parent", p));
    tier.ifPresent(t -> q.setParameter("tier", t));
    return q.getResultList();
  }

  @Override
  public List<Agency> ofTier(Tier tier) {
    return em.createQuery("SELECT a FROM Agency a WHERE a.tier = :tier ORDER BY a.code",
            Agency.class)
        .setParameter("tier", tier)
        .getResultList();
  }

  @Override
  public long countChildren(Agency agency) {
    return em.createQuery("SELECT COUNT(a) FROM Agency a WHERE a.parent = :p", Long.class)
        .setParameter("p", agency)
        .getSingleResult();
  }
}
