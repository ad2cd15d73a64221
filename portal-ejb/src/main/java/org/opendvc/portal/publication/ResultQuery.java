package org.opendvc.portal.publication;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.shared.FieldProblem;

/**
 * What a visitor asks of the results board: an agency (with the units under it), a field (its code,
 * e.g. {@code ho-tich}, or its name), an online level, a timeliness (early, on time, late), a
 * period of finishing days (local dates in Asia/Ho_Chi_Minh, both included), and the page (from 0)
 * of {@code size} rows. Null means "any".
 *
 * <p>Only the first {@value #MAX_ROWS} rows of a selection can be paged to: deeper pages cost the
 * database a long scan for nobody's benefit, and a narrower period reaches any older row.
 */
public record ResultQuery(
    String agency,
    String field,
    Integer level,
    Timeliness timeliness,
    LocalDate from,
    LocalDate to,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** How many rows of one selection can be paged to, and where counting stops. */
  public static final int MAX_ROWS = 10_000;

  /** The timeliness values a finished dossier can have. */
  public static final Set<Timeliness> FINISHED =
      Set.of(Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE);

  /** The query read from parameters, with every problem found; bad values are left out. */
  public record Parsed(ResultQuery query, List<FieldProblem> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  public ResultQuery {
    agency = blankToNull(agency);
    field = blankToNull(field);
    page = Math.max(0, page);
    size = size < 1 ? DEFAULT_SIZE : Math.min(MAX_SIZE, size);
  }

  /** Everything, newest first, the first page of {@value #DEFAULT_SIZE}. */
  public static ResultQuery all() {
    return new ResultQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
  }

  /**
   * Reads {@code agency, field, level, timeliness, from, to, page, size} from a lookup such as
   * {@code request::getParameter}. Never throws: each value that means nothing is named in the
   * problems (with the message key of the bundle) and left out of the query.
   */
  public static Parsed read(Function<String, String> param) {
    List<FieldProblem> problems = new ArrayList<>();
    String agency = blankToNull(param.apply("agency"));
    if (agency != null && agency.length() > 40) {
      problems.add(new FieldProblem("agency", "agency.notFound", shorten(agency)));
      agency = null;
    }
    String field = blankToNull(param.apply("field"));
    if (field != null && field.length() > 255) {
      problems.add(new FieldProblem("field", "results.fieldUnknown", shorten(field)));
      field = null;
    }
    Integer level = null;
    String levelText = blankToNull(param.apply("level"));
    if (levelText != null) {
      Optional<OnlineLevel> parsed = integer(levelText).flatMap(OnlineLevel::of);
      if (parsed.isPresent()) {
        level = parsed.get().number();
      } else {
        problems.add(new FieldProblem("level", "param.levelInvalid"));
      }
    }
    Timeliness timeliness = null;
    String timelinessText = blankToNull(param.apply("timeliness"));
    if (timelinessText != null) {
      timeliness = timeliness(timelinessText).orElse(null);
      if (timeliness == null) {
        problems.add(
            new FieldProblem("timeliness", "results.timelinessInvalid", shorten(timelinessText)));
      }
    }
    LocalDate from = date("from", param.apply("from"), problems);
    LocalDate to = date("to", param.apply("to"), problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.add(
          new FieldProblem("to", "results.periodReversed", from.toString(), to.toString()));
      to = null;
    }
    int size = DEFAULT_SIZE;
    String sizeText = blankToNull(param.apply("size"));
    if (sizeText != null) {
      Optional<Integer> parsed = integer(sizeText);
      if (parsed.isPresent() && parsed.get() >= 1 && parsed.get() <= MAX_SIZE) {
        size = parsed.get();
      } else if (parsed.isEmpty()) {
        problems.add(new FieldProblem("size", "param.notInteger", "size", shorten(sizeText)));
      } else {
        problems.add(new FieldProblem("size", "param.sizeRange", MAX_SIZE));
      }
    }
    int page = 0;
    String pageText = blankToNull(param.apply("page"));
    if (pageText != null) {
      Optional<Integer> parsed = integer(pageText);
      if (parsed.isEmpty()) {
        problems.add(new FieldProblem("page", "param.notInteger", "page", shorten(pageText)));
      } else if (parsed.get() < 0) {
        problems.add(new FieldProblem("page", "param.pageNegative"));
      } else if ((long) parsed.get() * size >= MAX_ROWS) {
        problems.add(new FieldProblem("page", "results.pageTooDeep", MAX_ROWS));
      } else {
        page = parsed.get();
      }
    }
    return new Parsed(
        new ResultQuery(agency, field, level, timeliness, from, to, page, size), problems);
  }

  /** EARLY, ON_TIME or LATE, in any case, with '-' for '_'. */
  public static Optional<Timeliness> timeliness(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return FINISHED.stream().filter(t -> t.name().equals(key)).findFirst();
  }

  public ResultQuery withPage(int newPage) {
    return new ResultQuery(agency, field, level, timeliness, from, to, newPage, size);
  }

  public ResultQuery withAgency(String newAgency) {
    return new ResultQuery(newAgency, field, level, timeliness, from, to, 0, size);
  }

  public ResultQuery withField(String newField) {
    return new ResultQuery(agency, newField, level, timeliness, from, to, 0, size);
  }

  /** Where the page starts among the matching rows. */
  public int offset() {
    return page * size;
  }

  private static LocalDate date(String name, String value, List<FieldProblem> problems) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text); // ISO yyyy-MM-dd, strict: 2026-02-30 is refused
      if (date.getYear() < 1900 || date.getYear() > 2999) {
        problems.add(new FieldProblem(name, "results.dateInvalid", name, shorten(text)));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "results.dateInvalid", name, shorten(text)));
      return null;
    }
  }

  private static Optional<Integer> integer(String s) {
    try {
      return Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
