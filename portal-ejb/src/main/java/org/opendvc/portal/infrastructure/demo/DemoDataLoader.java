package org.opendvc.portal.infrastructure.demo;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Loads the demo provinces, catalogue and accounts into an empty database. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataLoader {

  /** Loads the demo data unless the database already has agencies. */
  public void loadIfEmpty() {
    // filled in by the demo data work
  }
}
