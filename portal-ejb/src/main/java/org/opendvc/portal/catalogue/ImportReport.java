package org.opendvc.portal.catalogue;

import java.util.List;
import org.opendvc.portal.shared.FieldProblem;

/** What an import did: how many procedures it created and updated, and which records it refused. */
public record ImportReport(int created, int updated, List<Rejection> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** A refused record: its position in the input (from 0) and why. */
  public record Rejection(int index, String code, List<FieldProblem> problems) {
    public Rejection {
      problems = List.copyOf(problems);
    }
  }
}
