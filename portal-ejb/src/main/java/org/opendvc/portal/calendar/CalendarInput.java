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
 * where each item is a date ({@code "2026-04-30"}) or an object {@code {"date", "name"}}. {@code
 * holidays} is required (an empty list clears them) so that a typo cannot wipe a year; {@code
 * workingDays} may be left out. Every problem is collected, not only the first.
 *
 * <p>What {@code GET} answers can be sent back as it is: its {@code entries} ({@code [{date, kind,
 * name}]}) carry the names, which the plain date lists leave out. When only {@code entries} is
 * sent, it alone gives both lists; sent with the lists, it must list the same dates and kinds.
 */
public record CalendarInput(
    int year,
    List<CalendarEntry> holidays,
    List<CalendarEntry> workingDays,
    List<FieldProblem> problems) {

  private static final Set<String> KNOWN = Set.of("year", "holidays", "workingDays", "entries");

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
      problems.add(
          new FieldProblem(
              "year", "calendar.yearMismatch", String.valueOf(y), String.valueOf(year)));
    }
    JsonValue entries = object.get("entries");
    if (entries != null && entries != JsonValue.NULL) {
      List<CalendarEntry> given = entries(entries, problems);
      boolean listsGiven = object.get("holidays") != null || object.get("workingDays") != null;
      list(object, "holidays", DayKind.HOLIDAY, false, holidays, problems);
      list(object, "workingDays", DayKind.WORKING_DAY, false, workingDays, problems);
      if (!listsGiven) {
        given.stream().filter(e -> e.kind() == DayKind.HOLIDAY).forEach(holidays::add);
        given.stream().filter(e -> e.kind() == DayKind.WORKING_DAY).forEach(workingDays::add);
      } else if (problems.isEmpty()) {
        name(holidays, given, problems);
        name(workingDays, given, problems);
        if (given.size() != holidays.size() + workingDays.size()) {
          problems.add(new FieldProblem("entries", "calendar.entriesDisagree"));
        }
      }
    } else {
      list(object, "holidays", DayKind.HOLIDAY, true, holidays, problems);
      list(object, "workingDays", DayKind.WORKING_DAY, false, workingDays, problems);
    }
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

  private static void list(
      JsonObject object,
      String key,
      DayKind kind,
      boolean required,
      List<CalendarEntry> out,
      List<FieldProblem> problems) {
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

  /** The {@code entries} of a GET answer: each {@code {date, kind, name}}. */
  private static List<CalendarEntry> entries(JsonValue value, List<FieldProblem> problems) {
    List<CalendarEntry> out = new ArrayList<>();
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problems.add(new FieldProblem("entries", "calendar.notList", "entries"));
      return out;
    }
    List<JsonValue> items = value.asJsonArray();
    for (int i = 0; i < items.size(); i++) {
      String field = "entries[" + i + "]";
      DayKind kind =
          items.get(i) instanceof JsonObject o && o.get("kind") instanceof JsonString k
              ? DayKind.parse(k.getString()).orElse(null)
              : null;
      if (kind == null) {
        problems.add(new FieldProblem(field + ".kind", "calendar.kindInvalid", field));
        continue;
      }
      CalendarEntry entry = item(field, items.get(i), kind, problems);
      if (entry != null) {
        out.add(entry);
      }
    }
    return out;
  }

  /** Gives the listed dates the names that {@code entries} has for them; they must agree. */
  private static void name(
      List<CalendarEntry> listed, List<CalendarEntry> given, List<FieldProblem> problems) {
    for (int i = 0; i < listed.size(); i++) {
      CalendarEntry e = listed.get(i);
      CalendarEntry match =
          given.stream()
              .filter(g -> g.date().equals(e.date()) && g.kind() == e.kind())
              .findFirst()
              .orElse(null);
      if (match == null) {
        problems.add(new FieldProblem("entries", "calendar.entriesDisagree"));
        return;
      }
      if (e.name() == null && match.name() != null) {
        listed.set(i, new CalendarEntry(e.date(), e.kind(), match.name()));
      }
    }
  }

  /** One item, or {@code null} (keeping the index) when it cannot be read. */
  private static CalendarEntry item(
      String field, JsonValue item, DayKind kind, List<FieldProblem> problems) {
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
