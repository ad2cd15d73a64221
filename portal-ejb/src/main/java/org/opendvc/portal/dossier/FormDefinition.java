package org.opendvc.portal.dossier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.FieldProblem;

/**
 * The procedure's own data that its e-form asks for (the child's name and date of birth for a birth
 * registration, the business name for a household business...): fields with a key, a label in
 * Vietnamese and English, a type, and the rules an answer must meet. Definitions are data ({@link
 * FormDefinitions}); a procedure without one gets the generic form.
 */
public record FormDefinition(String id, List<FormField> fields) {

  /** The kinds of answers. */
  public enum Type {
    TEXT,
    TEXTAREA,
    DATE,
    NUMBER,
    CHOICE
  }

  /** One allowed answer of a choice, with its labels. */
  public record Choice(String value, String vi, String en) {
    public String label(Locale locale) {
      return "en".equals(locale.getLanguage()) && en != null ? en : vi;
    }
  }

  /**
   * A field: its key in the dossier's form answers, labels and hints (vi, en), type, whether it
   * must be answered, its longest answer, the pattern a text answer must match whole, the bounds of
   * a number, whether a date may be in the future, and the choices of a choice.
   */
  public record FormField(
      String key,
      String labelVi,
      String labelEn,
      String hintVi,
      String hintEn,
      Type type,
      boolean required,
      int maxLength,
      String pattern,
      BigDecimal min,
      BigDecimal max,
      boolean notFuture,
      List<Choice> choices) {

    public FormField {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public String label(Locale locale) {
      return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelVi;
    }

    public String hint(Locale locale) {
      return "en".equals(locale.getLanguage()) && hintEn != null ? hintEn : hintVi;
    }

    /**
     * An answer as people read it: a choice by its label, a date as day/month/year (the portal's
     * way on every page), anything else as given.
     */
    public String display(String value, Locale locale) {
      if (type == Type.DATE && value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4);
      }
      return choices.stream()
          .filter(c -> c.value().equals(value))
          .findFirst()
          .map(c -> c.label(locale))
          .orElse(value);
    }
  }

  public FormDefinition {
    fields = List.copyOf(fields);
  }

  public Optional<FormField> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /**
   * What is wrong with the answers, one problem per field (named {@code form.<key>}), in the order
   * of the form: a required field left empty, a text too long or not of its pattern, a date not a
   * real yyyy-mm-dd date or in the future where that is not allowed, a number not a number or out
   * of bounds, a choice not among the choices. Keys the definition does not know are left to the
   * general bounds of the form ({@link EForm#check}).
   */
  public List<FieldProblem> check(Map<String, String> answers, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FormField f : fields) {
      String raw = answers.get(f.key());
      String value = raw == null ? "" : raw.strip();
      String name = "form." + f.key();
      if (value.isEmpty()) {
        if (f.required()) {
          problems.add(
              new FieldProblem(
                  name,
                  f.type() == Type.CHOICE ? "eform.fieldChoose" : "eform.fieldRequired",
                  f.labelVi(),
                  f.labelEn()));
        }
        continue;
      }
      if (f.maxLength() > 0 && value.length() > f.maxLength()) {
        problems.add(
            new FieldProblem(name, "eform.fieldTooLong", f.labelVi(), f.labelEn(), f.maxLength()));
        continue;
      }
      switch (f.type()) {
        case TEXT, TEXTAREA -> {
          if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(value).matches()) {
            problems.add(new FieldProblem(name, "eform.fieldPattern", f.labelVi(), f.labelEn()));
          }
        }
        case DATE -> {
          LocalDate date;
          try {
            date = value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : null;
          } catch (DateTimeParseException e) {
            date = null;
          }
          if (date == null) {
            problems.add(new FieldProblem(name, "eform.fieldDate", f.labelVi(), f.labelEn()));
          } else if (f.notFuture() && date.isAfter(today)) {
            problems.add(new FieldProblem(name, "eform.fieldFuture", f.labelVi(), f.labelEn()));
          }
        }
        case NUMBER -> {
          BigDecimal n;
          try {
            n =
                value.matches("-?\\d{1,18}([.,]\\d{1,6})?")
                    ? new BigDecimal(value.replace(',', '.'))
                    : null;
          } catch (NumberFormatException e) {
            n = null;
          }
          if (n == null) {
            problems.add(new FieldProblem(name, "eform.fieldNumber", f.labelVi(), f.labelEn()));
          } else if ((f.min() != null && n.compareTo(f.min()) < 0)
              || (f.max() != null && n.compareTo(f.max()) > 0)) {
            problems.add(
                new FieldProblem(
                    name,
                    "eform.fieldRange",
                    f.labelVi(),
                    f.labelEn(),
                    f.min() == null ? "" : f.min().toPlainString(),
                    f.max() == null ? "" : f.max().toPlainString()));
          }
        }
        case CHOICE -> {
          if (f.choices().stream().noneMatch(c -> c.value().equals(value))) {
            problems.add(
                new FieldProblem(
                    name,
                    "eform.fieldChoice",
                    f.labelVi(),
                    f.labelEn(),
                    String.join(", ", f.choices().stream().map(Choice::value).toList())));
          }
        }
        default -> {}
      }
    }
    return problems;
  }
}
