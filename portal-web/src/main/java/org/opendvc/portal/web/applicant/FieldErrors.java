package org.opendvc.portal.web.applicant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.opendvc.portal.shared.FieldProblem;

/**
 * The problems of a submission as the form shows them: one message per input, next to it, and the
 * rest (problems about no input of the form) at the top. The service names fields as the API does
 * ({@code applicant.idNumber}); the form's inputs have their own names ({@code idNumber}), and a
 * message that names the field gets the input's label instead of the API name.
 */
final class FieldErrors {

  private final Map<String, String> byInput = new LinkedHashMap<>();
  private final List<String> general = new ArrayList<>();

  /**
   * @param inputOf the form's input for a service field name, or null when the form has none
   * @param labelOf the label of an input, as the page shows it
   * @param text the message of a key with its arguments, in the page's language
   */
  FieldErrors(
      List<FieldProblem> problems,
      Function<String, String> inputOf,
      Function<String, String> labelOf,
      BiFunction<String, Object[], String> text) {
    for (FieldProblem p : problems) {
      String input = p.field() == null ? null : inputOf.apply(p.field());
      Object[] args = p.args() == null ? new Object[0] : p.args().clone();
      if (input != null) {
        for (int i = 0; i < args.length; i++) {
          if (p.field().equals(args[i])) {
            args[i] = labelOf.apply(input);
          }
        }
      }
      String message = text.apply(p.messageKey(), args);
      if (input == null) {
        general.add(message);
      } else {
        byInput.putIfAbsent(input, message);
      }
    }
  }

  static FieldErrors none() {
    return new FieldErrors(List.of(), f -> null, f -> f, (k, a) -> k);
  }

  /** The message for each input that has one, in the order the problems came. */
  Map<String, String> byInput() {
    return byInput;
  }

  /** Messages that belong to no input. */
  List<String> general() {
    return general;
  }

  boolean isEmpty() {
    return byInput.isEmpty() && general.isEmpty();
  }
}
