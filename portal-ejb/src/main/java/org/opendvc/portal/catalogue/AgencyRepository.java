package org.opendvc.portal.catalogue;

import java.util.List;
import java.util.Optional;

/** Reads the agency tree. */
public interface AgencyRepository {

  Optional<Agency> findByCode(String code);

  /** Agencies under a parent (the roots when parent is empty), optionally of one tier. */
  List<Agency> children(Optional<Agency> parent, Optional<Tier> tier);

  /** Every agency of a tier, anywhere in the tree. */
  List<Agency> ofTier(Tier tier);

  long countChildren(Agency agency);
}
