package org.opendvc.portal.dossier;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Checks of text input shared by the dossier's services: each problem is named, none thrown early.
 */
final class Inputs {

  private Inputs() {}

  /**
   * An enum constant by name (any case), or a problem listing the allowed names; thrown at once
   * when {@code problems} is null.
   */
  static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, List<FieldProblem> problems) {
    if (value != null && !value.isBlank()) {
      try {
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name());
    }
    FieldProblem problem =
        new FieldProblem(
            field, "dossier.valueInvalid", field, value == null ? "" : value, allowed.toString());
    if (problems == null) {
      throw new InvalidInputException(List.of(problem));
    }
    problems.add(problem);
    return null;
  }

  static String required(String field, String value, int max, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "dossier.fieldRequired", field));
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "dossier.fieldTooLong", field, max));
      return null;
    }
    return value.strip();
  }

  static String optional(
      String field, String value, int max, Pattern form, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      problems.add(new FieldProblem(field, "dossier.fieldTooLong", field, max));
      return null;
    }
    if (form != null && !form.matcher(v).matches()) {
      problems.add(new FieldProblem(field, "dossier.fieldFormat", field));
      return null;
    }
    return v;
  }
}
