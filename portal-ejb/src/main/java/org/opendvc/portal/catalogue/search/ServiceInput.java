package org.opendvc.portal.catalogue.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A national-service topic as an admin writes it: the phrases that name it ("|" between them), who
 * handles it (Vietnamese and English), the address of their service and a note.
 */
public record ServiceInput(
    String triggers, String agencyVi, String agencyEn, String url, String note) {

  /** The topic, or every problem with it at once. */
  public SearchDictionary.NationalService serviceOrThrow(long id) {
    List<FieldProblem> problems = new ArrayList<>();
    List<String> t =
        triggers == null
            ? List.of()
            : Arrays.stream(triggers.split("\\|"))
                .map(String::strip)
                .filter(s -> !SearchDictionary.words(s).isEmpty())
                .toList();
    if (t.isEmpty()) {
      problems.add(new FieldProblem("triggers", "nationalService.triggersMissing"));
    } else if (triggers.length() > 1000) {
      problems.add(new FieldProblem("triggers", "searchTerm.tooLong", 1000));
    }
    String vi = required("agencyVi", agencyVi, 300, problems);
    String en = required("agencyEn", agencyEn, 300, problems);
    String u = required("url", url, 500, problems);
    if (!u.isEmpty() && !u.matches("https://[^\\s/]+\\.[^\\s]+")) {
      problems.add(new FieldProblem("url", "nationalService.url", u));
    }
    String n = note == null ? "" : note.strip();
    if (n.length() > 1000) {
      problems.add(new FieldProblem("note", "searchTerm.tooLong", 1000));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new SearchDictionary.NationalService(id, t, vi, en, u, n);
  }

  private static String required(String field, String value, int max, List<FieldProblem> out) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      out.add(new FieldProblem(field, "nationalService.missing", field));
    } else if (v.length() > max) {
      out.add(new FieldProblem(field, "searchTerm.tooLong", max));
    }
    return v;
  }
}
