package org.opendvc.portal.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the agency tree. */
public interface AgencyRepository {

  Optional<Agency> findByCode(String code);

  /** Agencies under a parent (the roots when parent is empty), optionally of one tier. */
  List<Agency> children(Optional<Agency> parent, Optional<Tier> tier);

  /** Every agency of a tier, anywhere in the tree. */
  List<Agency> ofTier(Tier tier);

  long countChildren(Agency agency);

  /** The names of the agencies with these codes, by code; a code that names none is left out. */
  Map<String, String> namesOf(Collection<String> codes);

  /** The name of every agency but the one with this code, by code, in code order. */
  Map<String, String> namesExcept(String code);
}
