package org.opendvc.portal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;

/** Reading the parameters of GET /api/v1/calendar/due-date. */
class DueDateRequestTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

  @Test
  void receiptMomentsWithAndWithoutOffset() {
    for (String text :
        List.of(
            "2026-03-02T09:00:00+07:00",
            "2026-03-02T09:00+07:00",
            "2026-03-02T02:00:00Z",
            "2026-03-02T09:00",
            "2026-03-02T09:00:00",
            " 2026-03-02 09:00 ",
            "2026-03-02T09:00:00 07:00",
            "2026-03-02T09:00:00+07:00[Asia/Ho_Chi_Minh]",
            "2026-03-02T11:00:00+09:00")) {
      assertEquals(MONDAY_9, DueDateRequest.moment(text), text);
    }
    assertThrows(DateTimeParseException.class, () -> DueDateRequest.moment("2026-03-02"));
    assertThrows(DateTimeParseException.class, () -> DueDateRequest.moment("hôm qua"));
  }

  @Test
  void readsTheThreeParameters() {
    DueDateRequest r = DueDateRequest.parse("2026-03-02T09:00", " 3 ", "working_days");
    assertEquals(new DueDateRequest(MONDAY_9, 3, TimeLimitUnit.WORKING_DAYS), r);
    assertEquals(0, DueDateRequest.parse("2026-03-02T09:00", "0", "DAYS").amount());
    assertEquals(
        CalendarRules.MAX_AMOUNT,
        DueDateRequest.parse("2026-03-02T09:00", "1000", "WORKING_HOURS").amount());
  }

  private static Map<String, String> problems(String receivedAt, String amount, String unit) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> DueDateRequest.parse(receivedAt, amount, unit));
    for (FieldProblem p : e.problems()) {
      for (Locale locale : List.of(Messages.VIETNAMESE, Locale.ENGLISH)) {
        String text = Messages.get(locale, p.messageKey(), p.args());
        assertTrue(!text.equals(p.messageKey()) && !text.contains("1.000"), text);
      }
    }
    return e.problems().stream()
        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::messageKey));
  }

  @Test
  void everyBadParameterIsNamed() {
    assertEquals(
        Map.of(
            "receivedAt",
            "dueDate.missing",
            "amount",
            "dueDate.missing",
            "unit",
            "dueDate.missing"),
        problems(null, " ", ""));
    assertEquals(
        Map.of(
            "receivedAt",
            "dueDate.receivedAtInvalid",
            "amount",
            "param.notInteger",
            "unit",
            "dueDate.unitInvalid"),
        problems("02/03/2026 09:00", "1.5", "MONTHS"));
    assertEquals(
        Map.of("amount", "dueDate.amountRange"), problems("2026-03-02T09:00", "-1", "DAYS"));
    assertEquals(
        Map.of("amount", "dueDate.amountRange"), problems("2026-03-02T09:00", "1001", "DAYS"));
    assertEquals(
        Map.of("amount", "param.notInteger"),
        problems("2026-03-02T09:00", "99999999999999999999", "DAYS"));
    assertEquals(
        Map.of("receivedAt", "dueDate.receivedAtRange"), problems("1999-12-31T09:00", "1", "DAYS"));
    assertEquals(
        Map.of("receivedAt", "dueDate.receivedAtRange"),
        problems("+999999999-12-31T09:00", "1", "DAYS"));
    assertEquals(
        Map.of("receivedAt", "dueDate.receivedAtInvalid"),
        problems("2026-13-01T09:00", "1", "DAYS"));
  }
}
