package org.opendvc.portal.satisfaction;

import java.util.ArrayList;
import java.util.List;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/** A rating's five scores, each from 1 (very dissatisfied) to 5 (very satisfied). */
public record Scores(int access, int procedure, int officer, int result, int feedback) {

  public static final int MIN = 1;
  public static final int MAX = 5;

  /** A score of 4 or 5 counts as satisfied. */
  public static final int SATISFIED_FROM = 4;

  /**
   * The scores as given (any may be missing), or {@link InvalidInputException} naming each missing
   * or out-of-range element as {@code scores.<element>}.
   */
  public static Scores checked(
      Integer access, Integer procedure, Integer officer, Integer result, Integer feedback) {
    List<FieldProblem> problems = new ArrayList<>();
    Integer[] given = {access, procedure, officer, result, feedback};
    for (Element e : Element.values()) {
      Integer v = given[e.ordinal()];
      String field = "scores." + e.key();
      if (v == null) {
        problems.add(new FieldProblem(field, "rating.scoreMissing", field));
      } else if (v < MIN || v > MAX) {
        problems.add(new FieldProblem(field, "rating.scoreRange", field, v, MIN, MAX));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Scores(access, procedure, officer, result, feedback);
  }

  /** The score of one element. */
  public int of(Element e) {
    return switch (e) {
      case ACCESS -> access;
      case PROCEDURE -> procedure;
      case OFFICER -> officer;
      case RESULT -> result;
      case FEEDBACK -> feedback;
    };
  }
}
