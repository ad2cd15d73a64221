package org.opendvc.portal.catalogue;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opendvc.portal.shared.NotFoundException;

/**
 * What citizens and other systems read from the catalogue, one procedure or agency at a time;
 * searches and counts are answered by {@code catalogue.search.CatalogueSearch}.
 */
@Stateless
public class CatalogueService {

  /** Deeper than any agency tree (ministry or province, district, commune). */
  private static final int MAX_DEPTH = 64;

  @Inject private ProcedureRepository procedures;
  @Inject private AgencyRepository agencies;

  public Optional<ProcedureView> procedure(String code) {
    if (code == null || code.isBlank() || code.length() > NationalFeedReader.MAX_CODE) {
      return Optional.empty();
    }
    Optional<ProcedureView> view =
        procedures
            .findByCode(code.strip())
            .map(p -> new ProcedureView(p, procedures.offeringsOf(p)));
    view.ifPresent(v -> v.offerings().forEach(o -> loadParents(o.agency())));
    return view;
  }

  /** The agency of that code, with its parents up to the root. */
  public Optional<Agency> agency(String code) {
    if (code == null || code.isBlank() || code.length() > 40) {
      return Optional.empty();
    }
    Optional<Agency> agency = agencies.findByCode(code.strip());
    agency.ifPresent(CatalogueService::loadParents);
    return agency;
  }

  /**
   * Follows the agency's parents to the root while the transaction is open. Pages walk that chain
   * after it (where to apply, the province, the link to the parent), and JPA promises to load a
   * lazy reference only inside the persistence context: followed afterwards, it is EclipseLink's
   * own extension, and the procedure page once showed one agency fewer than the API, under load.
   */
  private static void loadParents(Agency agency) {
    Agency a = agency;
    for (int depth = 0; a != null && depth < MAX_DEPTH; depth++) {
      a = a.parent().orElse(null);
    }
  }

  /**
   * Agencies under a parent (the roots when no parent is given); with a tier and no parent, every
   * agency of that tier.
   */
  public List<Agency> agencies(Optional<String> parentCode, Optional<Tier> tier) {
    List<Agency> found;
    if (parentCode.isPresent()) {
      Agency parent =
          agency(parentCode.get())
              .orElseThrow(() -> new NotFoundException("agency.notFound", parentCode.get()));
      found = agencies.children(Optional.of(parent), tier);
    } else {
      found = tier.map(agencies::ofTier).orElseGet(() -> agencies.children(Optional.empty(), tier));
    }
    found.forEach(CatalogueService::loadParents);
    return found;
  }

  public List<Agency> children(Agency agency) {
    List<Agency> found = agencies.children(Optional.of(agency), Optional.empty());
    found.forEach(CatalogueService::loadParents);
    return found;
  }

  public List<Field> fields() {
    return procedures.fields();
  }

  /** The catalogue's revision ({@link ProcedureRepository#revision()}). */
  public long revision() {
    return procedures.revision();
  }

  /** The revision with the newest agency and offering ({@link ProcedureRepository#version()}). */
  public CatalogueVersion version() {
    return procedures.version();
  }

  /**
   * Hands every procedure with its offerings to the consumer, in code order, page by page: one
   * query for a page's procedures and one for their offerings. (A query per procedure made every
   * export quadratic: each query first flushes the persistence context, which holds everything read
   * so far.)
   */
  public void forEachProcedure(Consumer<ProcedureView> consumer) {
    int pageSize = 200;
    for (int first = 0; ; first += pageSize) {
      List<Procedure> page = procedures.page(first, pageSize);
      Map<Long, List<Offering>> offerings = procedures.offeringsOf(page);
      page.forEach(p -> consumer.accept(new ProcedureView(p, offerings.get(p.id()))));
      if (page.size() < pageSize) {
        return;
      }
    }
  }
}
