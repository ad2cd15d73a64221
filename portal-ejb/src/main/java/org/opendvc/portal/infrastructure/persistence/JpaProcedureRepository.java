package org.opendvc.portal.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.catalogue.CatalogueVersion;
import org.opendvc.portal.catalogue.Field;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureRepository;

@ApplicationScoped
public class JpaProcedureRepository implements ProcedureRepository {

  @PersistenceContext private EntityManager em;

  @Override
  public Optional<Procedure> findByCode(String code) {
    return em.createQuery("SELECT p FROM Procedure p WHERE p.code = :code", Procedure.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Offering> offeringsOf(Procedure procedure) {
    return offeringsOf(List.of(procedure)).get(procedure.id());
  }

  @Override
  public Map<Long, List<Offering>> offeringsOf(List<Procedure> procedures) {
    Map<Long, List<Offering>> byProcedure = new HashMap<>();
    procedures.forEach(p -> byProcedure.put(p.id(), new ArrayList<>()));
    if (procedures.isEmpty()) {
      return byProcedure;
    }
    // the procedures are in the persistence context already: fetching them again with each of
    // their offerings read all their long texts once per offering
    em.createQuery(
            "SELECT o FROM Offering o JOIN FETCH o.agency a"
                + " WHERE o.procedure IN :procedures ORDER BY a.tier, a.name",
            Offering.class)
        .setParameter("procedures", procedures)
        .getResultList()
        .forEach(o -> byProcedure.get(o.procedure().id()).add(o));
    return byProcedure;
  }

  @Override
  public List<Procedure> page(int first, int max) {
    return em.createQuery("SELECT p FROM Procedure p ORDER BY p.code", Procedure.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(p) FROM Procedure p", Long.class).getSingleResult();
  }

  @Override
  public long revision() {
    return ((Number)
            em.createNativeQuery("SELECT revision FROM catalogue_state WHERE id = 1")
                .getSingleResult())
        .longValue();
  }

  @Override
  public CatalogueVersion version() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT c.revision, (SELECT COALESCE(MAX(id), 0) FROM agency),"
                        + " (SELECT COALESCE(MAX(id), 0) FROM offering)"
                        + " FROM catalogue_state c WHERE c.id = 1")
                .getSingleResult();
    return new CatalogueVersion(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue());
  }

  @Override
  public List<Field> fields() {
    return em.createQuery("SELECT f FROM Field f ORDER BY f.name", Field.class).getResultList();
  }

  @Override
  public Map<String, String> namesOfferedBy(String agencyCode) {
    Map<String, String> out = new LinkedHashMap<>();
    em.createQuery(
            "SELECT p.code, p.name FROM Offering o JOIN o.procedure p"
                + " JOIN o.agency a WHERE a.code = :agency ORDER BY p.code",
            Object[].class)
        .setParameter("agency", agencyCode)
        .getResultList()
        .forEach(r -> out.put((String) r[0], (String) r[1]));
    return out;
  }
}
