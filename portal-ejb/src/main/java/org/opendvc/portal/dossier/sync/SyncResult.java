package org.opendvc.portal.dossier.sync;

import java.util.List;
import org.opendvc.portal.shared.FieldProblem;

/**
 * What became of one record: created, updated (new changes appended), unchanged (everything it says
 * was stored already), or rejected with its problems (nothing of it stored).
 */
public record SyncResult(Outcome outcome, List<FieldProblem> problems) {

  /** What a record did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
  }

  public SyncResult {
    problems = List.copyOf(problems);
  }

  public static SyncResult of(Outcome outcome) {
    return new SyncResult(outcome, List.of());
  }

  public static SyncResult rejected(List<FieldProblem> problems) {
    return new SyncResult(Outcome.REJECTED, problems);
  }
}
