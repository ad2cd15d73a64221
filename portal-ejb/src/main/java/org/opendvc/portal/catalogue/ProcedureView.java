package org.opendvc.portal.catalogue;

import java.util.List;

/** A procedure with the agencies that offer it, as its page and the API show it. */
public record ProcedureView(Procedure procedure, List<Offering> offerings) {

  public ProcedureView {
    offerings = List.copyOf(offerings);
  }
}
