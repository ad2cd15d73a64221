package org.opendvc.portal.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return em.createQuery(
            "SELECT a FROM Agency a WHERE a.tier = :tier ORDER BY a.code", Agency.class)
        .setParameter("tier", tier)
        .getResultList();
  }

  @Override
  public long countChildren(Agency agency) {
    return em.createQuery("SELECT COUNT(a) FROM Agency a WHERE a.parent = :p", Long.class)
        .setParameter("p", agency)
        .getSingleResult();
  }

  @Override
  public Map<String, String> namesOf(Collection<String> codes) {
    Map<String, String> out = new HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    em.createQuery("SELECT a.code, a.name FROM Agency a WHERE a.code IN :codes", Object[].class)
        .setParameter("codes", codes)
        .getResultList()
        .forEach(r -> out.put((String) r[0], (String) r[1]));
    return out;
  }

  @Override
  public Map<String, String> namesExcept(String code) {
    Map<String, String> out = new LinkedHashMap<>();
    em.createQuery(
            "SELECT a.code, a.name FROM Agency a WHERE a.code <> :own" + " ORDER BY a.code",
            Object[].class)
        .setParameter("own", code == null ? "" : code)
        .getResultList()
        .forEach(r -> out.put((String) r[0], (String) r[1]));
    return out;
  }
}
