package org.opendvc.portal.catalogue;

import java.util.List;
import java.util.Optional;

/** Reads procedures and their offerings. */
public interface ProcedureRepository {

  Optional<Procedure> findByCode(String code);

  List<Offering> offeringsOf(Procedure procedure);

  /** Every procedure, in code order, one page at a time. */
  List<Procedure> page(int first, int max);

  long count();

  List<Field> fields();
}
