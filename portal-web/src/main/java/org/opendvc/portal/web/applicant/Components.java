package org.opendvc.portal.web.applicant;

import java.util.ArrayList;
import java.util.List;
import org.opendvc.portal.catalogue.ProcedureDetails;

/**
 * The dossier components (thành phần hồ sơ) of a procedure as the e-form lists them: numbered from
 * 1 across the procedure's cases in the order the procedure gives them, nameless ones left out (the
 * numbering of the portal's e-form, which uploads also use).
 */
public final class Components {

  /** A paper of the dossier and its form template, if it has one that is safe to link. */
  public record Component(
      int number,
      String caseName,
      String name,
      String formName,
      String formUrl,
      int originals,
      int copies,
      String key,
      String inputId,
      String fileKey) {

    Component(
        int number,
        String caseName,
        String name,
        String formName,
        String formUrl,
        int originals,
        int copies) {
      this(
          number,
          caseName,
          name,
          formName,
          formUrl,
          originals,
          copies,
          FormAnswers.componentKey(number),
          "component-" + number,
          "file_" + number);
    }
  }

  private Components() {}

  static List<Component> of(ProcedureDetails details) {
    List<Component> out = new ArrayList<>();
    if (details == null) {
      return out;
    }
    for (ProcedureDetails.ComponentGroup group : details.components()) {
      for (ProcedureDetails.Document doc : group.documents()) {
        if (doc == null || doc.name() == null || doc.name().isBlank()) {
          continue;
        }
        out.add(
            new Component(
                out.size() + 1,
                blankToNull(group.caseName()),
                doc.name().strip(),
                blankToNull(doc.formName()),
                safeLink(doc.formUrl()),
                doc.originals(),
                doc.copies()));
      }
    }
    return out;
  }

  /** Only a path of this portal or an http(s) address: a form link never runs script. */
  static String safeLink(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    if (u.matches("/[A-Za-z0-9][A-Za-z0-9._~/-]*")
        || u.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/%?=&+-]*)?")) {
      return u;
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
