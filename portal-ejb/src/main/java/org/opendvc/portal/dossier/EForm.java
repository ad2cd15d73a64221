package org.opendvc.portal.dossier;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.shared.FieldProblem;

/**
 * The e-form (biểu mẫu điện tử) of a procedure: what an online submission asks for. The applicant's
 * fields, one entry per dossier component (thành phần hồ sơ) of the procedure, numbered from 1
 * across its cases, with the form template to fill where there is one, and the bounds of the free
 * {@code form} answers. The API and the pages render the same object; uploads name a component by
 * its number here.
 *
 * <p>The national feed describes forms only by name and template address, not field by field, so
 * the answers ({@code form}) are free keys: they are bounded in size, count, depth and key shape
 * rather than checked against a list of fields.
 */
public record EForm(
    String procedureCode,
    String procedureName,
    List<Field> applicantFields,
    List<Component> components,
    FormBounds formBounds,
    FormDefinition form) {

  /** Bounds of the {@code form} answers of a submission. */
  public record FormBounds(int maxBytes, int maxKeys, int maxDepth, String keyPattern) {}

  /** A field about the applicant: its JSON name, whether it is required, its limit and shape. */
  public record Field(String name, boolean required, int maxLength, String format) {}

  /**
   * A dossier component: its number (1-based), the case it belongs to (trường hợp, may be null),
   * its name, its form template (name and address) if any, the originals and copies asked for,
   * whether a scanned file is expected online, and whether an online submission must bring it
   * (attached, or its paper promised at the counter): see {@link #isRequired}.
   */
  public record Component(
      int number,
      String caseName,
      String name,
      String formName,
      String formUrl,
      int originals,
      int copies,
      boolean fileExpected,
      boolean required) {}

  /** Words by which a paper's name says it is needed only in some case ("if any"). */
  private static final Pattern CONDITIONAL =
      Pattern.compile(
          "\\((trường hợp|nếu|đối với)|nếu có|^trường hợp",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Whether a paper must come with every online submission: it is asked for (an original or a
   * copy), its name does not say it is needed only in some case ("(trường hợp ủy quyền...)", "nếu
   * có"), and it is not one of several alternative cases of the procedure (when the papers are
   * listed per case, which case applies is the applicant's, so none of them is forced).
   */
  static boolean isRequired(ProcedureDetails.Document doc, String caseName, int namedCases) {
    if (doc.originals() + doc.copies() <= 0) {
      return false;
    }
    if (caseName != null && namedCases > 1) {
      return false;
    }
    return !CONDITIONAL.matcher(doc.name()).find();
  }

  public static final FormBounds BOUNDS =
      new FormBounds(64 * 1024, 200, 4, "[A-Za-z_][A-Za-z0-9_.-]{0,63}");
  private static final Pattern KEY = Pattern.compile(BOUNDS.keyPattern());

  static final List<Field> APPLICANT_FIELDS =
      List.of(
          new Field("applicant.type", true, 10, "CITIZEN|BUSINESS"),
          new Field("applicant.fullName", true, 255, "text"),
          new Field("applicant.idNumber", true, 20, "idNumber"),
          new Field("applicant.phone", false, 30, "phone"),
          new Field("applicant.email", false, 255, "email"),
          new Field("applicant.address", false, 500, "text"));

  public EForm {
    applicantFields = List.copyOf(applicantFields);
    components = List.copyOf(components);
  }

  public static EForm of(Procedure procedure) {
    return of(procedure.code(), procedure.name(), procedure.details());
  }

  /**
   * The e-form of a procedure's details: components numbered in the order the procedure lists them.
   */
  public static EForm of(String code, String name, ProcedureDetails details) {
    List<Component> components = new ArrayList<>();
    ProcedureDetails d = details == null ? ProcedureDetails.empty() : details;
    int namedCases =
        (int)
            d.components().stream()
                .map(g -> blankToNull(g.caseName()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .count();
    FormDefinition definition = FormDefinitions.shipped().forProcedure(code, name);
    boolean ownForm = definition != FormDefinitions.shipped().generic();
    for (ProcedureDetails.ComponentGroup group : d.components()) {
      for (ProcedureDetails.Document doc : group.documents()) {
        if (doc == null || doc.name() == null || doc.name().isBlank()) {
          continue;
        }
        // the declaration whose template the procedure's own e-form replaces is filled online
        boolean filledOnline =
            ownForm && (blankToNull(doc.formName()) != null || blankToNull(doc.formUrl()) != null);
        String caseName = blankToNull(group.caseName());
        components.add(
            new Component(
                components.size() + 1,
                caseName,
                doc.name().strip(),
                blankToNull(doc.formName()),
                blankToNull(doc.formUrl()),
                doc.originals(),
                doc.copies(),
                doc.originals() + doc.copies() > 0,
                !filledOnline && isRequired(doc, caseName, namedCases)));
      }
    }
    return new EForm(code, name, APPLICANT_FIELDS, components, BOUNDS, definition);
  }

  /** An answer of a dossier's form with the label it is shown with. */
  public record Answer(String key, String label, String value) {}

  /**
   * A dossier's form answers as people read them, in the page's language: the procedure's own data
   * in the order of its definition (a choice by its label), then the notes given per component
   * (labelled with the component's name), then any other key as it is.
   */
  public List<Answer> answers(String formJson, java.util.Locale locale) {
    java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
    if (formJson != null && !formJson.isBlank()) {
      try (var reader = JSON.createReader(new StringReader(formJson))) {
        if (reader.readValue() instanceof JsonObject o) {
          o.forEach(
              (k, v) ->
                  given.put(
                      k,
                      v instanceof jakarta.json.JsonString s
                          ? s.getString()
                          : v == JsonValue.NULL ? "" : v.toString()));
        }
      } catch (RuntimeException e) {
        return List.of(new Answer("form", "form", formJson));
      }
    }
    List<Answer> out = new ArrayList<>();
    for (FormDefinition.FormField f : form.fields()) {
      String v = given.remove(f.key());
      if (v != null && !v.isBlank()) {
        out.add(new Answer(f.key(), f.label(locale), f.display(v, locale)));
      }
    }
    for (Component c : components) {
      String v = given.remove("component_" + c.number());
      if (v != null && !v.isBlank()) {
        out.add(
            new Answer(
                "component_" + c.number(),
                org.opendvc.portal.shared.Messages.get(
                    locale, "eform.componentNote", c.number(), c.name()),
                v));
      }
    }
    String content = given.remove("content");
    if (content != null && !content.isBlank()) {
      out.add(
          new Answer(
              "content", org.opendvc.portal.shared.Messages.get(locale, "eform.content"), content));
    }
    given.forEach((k, v) -> out.add(new Answer(k, k, v)));
    return out;
  }

  /** The component with this number. */
  public Optional<Component> component(int number) {
    return number < 1 || number > components.size()
        ? Optional.empty()
        : Optional.of(components.get(number - 1));
  }

  /**
   * What is wrong with the {@code form} answers (a JSON object's text, or null): too large, too
   * many keys, nested too deep, or keys that are not plain names.
   */
  public static List<FieldProblem> check(String formJson) {
    List<FieldProblem> problems = new ArrayList<>();
    if (formJson == null || formJson.isBlank()) {
      return problems;
    }
    if (formJson.getBytes(StandardCharsets.UTF_8).length > BOUNDS.maxBytes()) {
      problems.add(new FieldProblem("form", "eform.tooLarge", BOUNDS.maxBytes() / 1024));
      return problems;
    }
    JsonValue value;
    try (var reader = JSON.createReader(new StringReader(formJson))) {
      value = reader.readValue();
    } catch (JsonException e) {
      problems.add(new FieldProblem("form", "dossier.formInvalid"));
      return problems;
    }
    if (!(value instanceof JsonObject form)) {
      problems.add(new FieldProblem("form", "dossier.formInvalid"));
      return problems;
    }
    int[] keys = {0};
    walk(form, "form", 1, keys, problems);
    if (keys[0] > BOUNDS.maxKeys()) {
      problems.add(0, new FieldProblem("form", "eform.tooManyKeys", BOUNDS.maxKeys()));
    }
    return problems.size() > 5 ? problems.subList(0, 5) : problems;
  }

  private static void walk(
      JsonStructure s, String path, int depth, int[] keys, List<FieldProblem> problems) {
    if (depth > BOUNDS.maxDepth()) {
      problems.add(new FieldProblem(path, "eform.tooDeep", BOUNDS.maxDepth()));
      return;
    }
    if (s instanceof JsonObject o) {
      for (var e : o.entrySet()) {
        keys[0]++;
        if (!KEY.matcher(e.getKey()).matches()) {
          problems.add(
              new FieldProblem(
                  path + "." + e.getKey(),
                  "eform.keyInvalid",
                  e.getKey().length() > 70 ? e.getKey().substring(0, 70) + "…" : e.getKey()));
        }
        if (e.getValue() instanceof JsonStructure child) {
          walk(child, path + "." + e.getKey(), depth + 1, keys, problems);
        }
      }
    } else if (s instanceof jakarta.json.JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        keys[0]++;
        if (a.get(i) instanceof JsonStructure child) {
          walk(child, path + "[" + i + "]", depth + 1, keys, problems);
        }
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
