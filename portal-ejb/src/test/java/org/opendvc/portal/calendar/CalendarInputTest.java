package org.opendvc.portal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

/** Reading a year of the calendar from the body of PUT /api/v1/calendar/{year}, and its rules. */
class CalendarInputTest {

  private static JsonValue json(String text) {
    try (JsonReader r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return r.readValue();
    }
  }

  private static Map<String, String> problems(CalendarInput input) {
    return input.problems().stream()
        .collect(Collectors.toMap(FieldProblem::field, p -> p.messageKey(), (a, b) -> a + "," + b));
  }

  @Test
  void acceptsPlainDatesAndObjectsWithNames() {
    CalendarInput in =
        CalendarInput.read(
            2027,
            json(
                """
        {'holidays': ['2027-01-01', {'date': '2027-02-05', 'name': ' Tết Nguyên Đán '},
                      {'date': '2027-04-16', 'name': null}],
         'workingDays': [{'date': '2027-02-20', 'name': 'Làm bù'}], 'year': 2027}"""));
    assertEquals(List.of(), in.problems());
    assertEquals(3, in.holidays().size());
    assertNull(in.holidays().get(0).name());
    assertEquals("Tết Nguyên Đán", in.holidays().get(1).name(), "names are trimmed");
    assertEquals(
        new CalendarEntry(LocalDate.parse("2027-02-20"), DayKind.WORKING_DAY, "Làm bù"),
        in.workingDays().get(0));
    assertEquals(4, in.entriesOrThrow().size());
  }

  @Test
  void workingDaysMayBeLeftOutButHolidaysMayNot() {
    assertEquals(List.of(), CalendarInput.read(2026, json("{'holidays': []}")).problems());
    assertEquals(
        Map.of("holidays", "calendar.listMissing"),
        problems(CalendarInput.read(2026, json("{'workingDays': ['2026-03-07']}"))));
    assertEquals(
        Map.of("body", "calendar.bodyNotObject"),
        problems(CalendarInput.read(2026, json("['2026-01-01']"))));
  }

  @Test
  void everyProblemIsNamedByItsPlaceInTheBody() {
    CalendarInput in =
        CalendarInput.read(
            2026,
            json(
                """
        {'holidays': ['2026-01-01', '2026-02-30', 17, {'name': 'no date'}, '2025-12-31',
                      '2026-01-01', {'date': '2026-03-07', 'name': 5}],
         'workingDays': ['2026-03-07', '2026-03-10'], 'holidayz': [], 'year': 2025}"""));
    Map<String, String> p = problems(in);
    assertEquals("calendar.dateInvalid", p.get("holidays[1]"));
    assertEquals("calendar.itemInvalid", p.get("holidays[2]"));
    assertEquals("calendar.dateMissing", p.get("holidays[3].date"));
    assertEquals("calendar.dateOutsideYear", p.get("holidays[4]"));
    assertEquals("calendar.duplicate", p.get("holidays[5]"));
    assertEquals("calendar.nameNotText", p.get("holidays[6].name"));
    assertEquals("calendar.bothKinds", p.get("workingDays[0]"));
    assertEquals("calendar.workingDayNotWeekend", p.get("workingDays[1]"));
    assertEquals("calendar.unknownField", p.get("holidayz"));
    assertEquals("calendar.yearMismatch", p.get("year"));
    assertEquals(10, in.problems().size(), in.problems().toString());
    InvalidInputException e = assertThrows(InvalidInputException.class, in::entriesOrThrow);
    assertEquals(10, e.problems().size());
    assertEquals(
        Map.of("holidays", "calendar.notList"),
        problems(CalendarInput.read(2026, json("{'holidays': '2026-01-01'}"))));
  }

  @Test
  void aYearHasAtMostSixtyDatesAndShortNames() {
    StringBuilder many = new StringBuilder("{'holidays': [");
    LocalDate d = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < 61; i++) {
      many.append(i == 0 ? "" : ",").append('\'').append(d.plusDays(i)).append('\'');
    }
    many.append("]}");
    assertEquals(
        Map.of("holidays", "calendar.tooMany"),
        problems(CalendarInput.read(2026, json(many.toString()))));
    String longName = "x".repeat(CalendarRules.MAX_NAME + 1);
    assertEquals(
        Map.of("holidays[0]", "calendar.nameTooLong"),
        problems(
            CalendarInput.read(
                2026, json("{'holidays': [{'date': '2026-01-01', 'name': '" + longName + "'}]}"))));
    assertEquals(
        Map.of("year", "calendar.yearRange"),
        problems(CalendarInput.read(1999, json("{'holidays': []}"))));
  }

  @Test
  void everyCalendarMessageExistsInBothLanguagesAndFormats() {
    CalendarInput in =
        CalendarInput.read(
            2026,
            json(
                """
        {'holidays': ['2026-01-01', '2026-02-30', 17, {'name': 1}, '2025-12-31', '2026-01-01',
                      {'date': '2026-03-09', 'name': '%s'}],
         'workingDays': ['2026-01-01', '2026-03-10'], 'x': 1, 'year': 1}"""
                    .formatted("x".repeat(300))));
    for (Locale locale : List.of(Messages.VIETNAMESE, Locale.ENGLISH)) {
      for (FieldProblem p : in.problems()) {
        String text = Messages.get(locale, p.messageKey(), p.args());
        assertTrue(!text.equals(p.messageKey()) && !text.contains("{"), locale + ": " + text);
        assertTrue(
            !text.contains("2.026") && !text.contains("2,026"), "years unformatted: " + text);
      }
    }
  }

  @Test
  void takesBackWhatGetAnswersWithTheNamesFromEntries() {
    CalendarInput in =
        CalendarInput.read(
            2027,
            json(
                """
        {'year': 2027, 'holidays': ['2027-01-01', '2027-02-05'], 'workingDays': ['2027-02-20'],
         'entries': [{'date': '2027-01-01', 'kind': 'HOLIDAY', 'name': 'Tết Dương lịch'},
                     {'date': '2027-02-05', 'kind': 'HOLIDAY', 'name': null},
                     {'date': '2027-02-20', 'kind': 'WORKING_DAY', 'name': 'Làm bù'}]}"""));
    assertEquals(List.of(), in.problems());
    assertEquals("Tết Dương lịch", in.holidays().get(0).name());
    assertEquals("Làm bù", in.workingDays().get(0).name());
  }

  @Test
  void entriesAloneGiveBothListsAndMustAgreeWithListsSentBeside() {
    CalendarInput alone =
        CalendarInput.read(
            2027,
            json(
                """
        {'entries': [{'date': '2027-01-01', 'kind': 'holiday'},
                     {'date': '2027-02-20', 'kind': 'WORKING_DAY'}]}"""));
    assertEquals(List.of(), alone.problems());
    assertEquals(1, alone.holidays().size());
    assertEquals(1, alone.workingDays().size());

    CalendarInput disagree =
        CalendarInput.read(
            2027,
            json(
                """
        {'holidays': ['2027-01-01'], 'entries': [{'date': '2027-01-02', 'kind': 'HOLIDAY'}]}"""));
    assertEquals("calendar.entriesDisagree", problems(disagree).get("entries"));

    CalendarInput badKind =
        CalendarInput.read(
            2027,
            json(
                """
        {'entries': [{'date': '2027-01-01', 'kind': 'FEAST'}]}"""));
    assertEquals("calendar.kindInvalid", problems(badKind).get("entries[0].kind"));
  }
}
