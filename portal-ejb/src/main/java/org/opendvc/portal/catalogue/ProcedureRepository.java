package org.opendvc.portal.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads procedures and their offerings. */
public interface ProcedureRepository {

  Optional<Procedure> findByCode(String code);

  /** The procedure's offerings, by agency tier, then agency name. */
  List<Offering> offeringsOf(Procedure procedure);

  /**
   * The offerings of several procedures in one query, by procedure id: every procedure present,
   * each list in the order of {@link #offeringsOf(Procedure)}.
   */
  Map<Long, List<Offering>> offeringsOf(List<Procedure> procedures);

  /** Every procedure, in code order, one page at a time. */
  List<Procedure> page(int first, int max);

  long count();

  /**
   * The catalogue's revision: it moves on with every change of the procedures or their offerings
   * (an import, the demo data), on whichever node the change was made.
   */
  long revision();

  /**
   * The revision with the newest agency and offering: what the statistics and the scorecard key
   * their copies of the agency tree and the offerings on, so that rows added straight to the
   * database are seen at once too.
   */
  CatalogueVersion version();

  List<Field> fields();

  /** The name of every procedure the agency with this code offers, by code, in code order. */
  Map<String, String> namesOfferedBy(String agencyCode);
}
