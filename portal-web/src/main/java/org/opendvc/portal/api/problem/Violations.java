package org.opendvc.portal.api.problem;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.FieldProblem;

/**
 * What a request body's binding (JSON-B) and checking (Bean Validation) found wrong, as the field
 * problems of a 400 answer. A constraint's message is the bundle key, with the field, the value and
 * the constraint's limit as arguments {0}, {1}, {2}.
 */
public final class Violations {

  /** How Yasson names the member it could not bind. */
  private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]{1,64})'?");

  private Violations() {}

  public static List<FieldProblem> problems(Collection<? extends ConstraintViolation<?>> found) {
    return found.stream()
        .map(Violations::problem)
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
  }

  public static FieldProblem problem(ConstraintViolation<?> v) {
    String field = field(v.getPropertyPath());
    Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
    Object limit = attributes.containsKey("max") ? attributes.get("max") : attributes.get("value");
    Object invalid = v.getInvalidValue();
    String shown =
        invalid == null || invalid instanceof Collection || invalid instanceof Record
            ? ""
            : String.valueOf(invalid);
    return new FieldProblem(
        field, v.getMessageTemplate(), field, shown, limit == null ? "" : String.valueOf(limit));
  }

  /**
   * The member a body's path names, as the caller wrote it ({@code applicant.fullName}, {@code
   * changes[2].at}): a resource method's name and parameter are left out, and a missing body is
   * {@code body}.
   */
  static String field(Path path) {
    // a method's parameter is named first ("token.body.username"): leave out those nodes
    int skip = 0;
    for (Path.Node node : path) {
      if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER) {
        break;
      }
      skip += node.getName().length() + 1;
    }
    String field = path.toString();
    return skip >= field.length() ? "body" : field.substring(skip);
  }

  /** The member a body could not be bound to (a text where a number goes...), when named. */
  static Optional<String> field(JsonbException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = PROPERTY.matcher(t.getMessage());
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }
}
