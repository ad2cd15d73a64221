package org.opendvc.portal.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input that a person must correct; carries every problem found, not just the first. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidInputException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String field, String messageKey, Object... args) {
    this(List.of(new FieldProblem(field, messageKey, args)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
