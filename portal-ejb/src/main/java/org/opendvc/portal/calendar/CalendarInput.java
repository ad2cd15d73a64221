package org.opendvc.portal.calendar;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A year of the calendar as a client sends it: {@code {"holidays": [...], "workingDays": [...]}}
 * where each item is a date ({@code "2026-04-30"}) or an object {@code {"date", "name"}}.
 * {@code holidays} is required (an empty list clears them) so that a typo cannot wipe a year;
 * {@code workingDays} may be left out. Every problem is collected, not only the first.
 */
public record CalendarInput(int year, List<CalendarEntry> holidays,
    List<CalendarEntry> workingDays, List<FieldProblem> problems) {

  private static final Set<String> KNOWN = Set.of("year", "holidays", "workingDays");

  public CalendarInput {
    holidays = java.util.Collections.unmodifiableList(new ArrayList<>(holidays));
    workingDays = java.util.Collections.unmodifiableList(new ArrayList<>(workingDays));
    problems = List.copyOf(problems);
  }

  public static CalendarInput read(int year, JsonValue body) {
    List<FieldProblem> problems = new ArrayList<>();
    List<CalendarEntry> holidays = new ArrayList<>();
    List<CalendarEntry> workingDays = new ArrayList<>();
    if (!(body instanceof JsonObject object)) {
      problems.add(new FieldProblem("body", "calendar.bodyNotObject"));
      return new CalendarInput(year, holidays, workingDays, problems);
    }
    for (String key : object.keySet()) {
      if (!KNOWN.contains(key)) {
        problems.add(new FieldProblem(key, "calendar.unknownField", key));
      }
    }
    JsonValue y = object.get("year");
    if (y != null && !(y instanceof JsonNumber n && n.isIntegral() && n.longValue() == year)) {
      problems.add(new FieldProblem("year", "calendar.yearMismatch", String.valueOf(y),
          String.valueOf(year)));
    }
    list(object, "holidays", DayKind.HOLIDAY, true, holidays, problems);
    list(object, "workingDays", DayKind.WORKING_DAY, false, workingDays, problems);
    problems.addAll(CalendarRules.problems(year, holidays, workingDays));
    return new CalendarInput(year, holidays, workingDays, problems);
  }

  /** The entries, or an {@link InvalidInputException} with every problem. */
  public List<CalendarEntry> entriesOrThrow() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<CalendarEntry> all = new ArrayList<>(holidays);
    all.addAll(workingDays);
    return all;
  }

  private static void list(JsonObject object, String key, DayKind kind, boolean required,
      List<CalendarEntry> out, List<FieldProblem> problems) {
    JsonValue value = object.get(key);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problems.add(new FieldProblem(key, "calendar.listMissing", key));
      }
      return;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problems.add(new FieldProblem(key, "calendar.notList", key));
      return;
    }
    List<JsonValue> items = value.asJsonArray();
    for (int i = 0; i < items.size(); i++) {
      out.add(item(key + "[" + i + "]", items.get(i), kind, problems));
    }
  }

  /** One item, or {@code null} (keeping the index) when it cannot be read. */
  private static CalendarEntry item(String field, JsonValue item, DayKind kind,
      List<FieldProblem> problems) {
    JsonValue date = item;
    String name = null;
    if (item instanceof JsonObject o) {
      date = o.get("date");
      JsonValue n = o.get("name");
      if (n instanceof JsonString s) {
        name = s.getString();
      } else if (n != null && n != JsonValue.NULL) {
        problems.add(new FieldProblem(field + ".name", "calendar.nameNotText", field));
      }
      if (date == null) {
        problems.add(new FieldProblem(field + ".date", "calendar.dateMissing", field));
        return null;
      }
    }
    if (!(date instanceof JsonString s)) {
      problems.add(new FieldProblem(field, "calendar.itemInvalid", field));
      return null;
    }
    try {
      return new CalendarEntry(LocalDate.parse(s.getString().strip()), kind, name);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "calendar.dateInvalid", field, s.getString()));
      return null;
    }
  }
}
