package org.opendvc.portal.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A question for the deadline rule, read from text (query parameters, a form): the receipt moment,
 * ISO-8601 with or without offset (without: local time in Asia/Ho_Chi_Minh), and a time limit of
 * {@code amount} {@code unit}s, from 0 to {@link CalendarRules#MAX_AMOUNT}.
 */
public record DueDateRequest(Instant receivedAt, long amount, TimeLimitUnit unit) {

  /** An offset whose '+' an unencoded query string turned into a space: "...T09:00 07:00". */
  private static final Pattern SPACED_OFFSET =
      Pattern.compile("^(.*T.*\\d) (\\d{2}(?::?\\d{2})?)$");

  private static final Pattern SPACED_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d.*)$");

  /** Reads the three values, or throws an {@link InvalidInputException} naming each bad one. */
  public static DueDateRequest parse(String receivedAt, String amount, String unit) {
    List<FieldProblem> problems = new ArrayList<>();
    Instant moment = null;
    if (receivedAt == null || receivedAt.isBlank()) {
      problems.add(new FieldProblem("receivedAt", "dueDate.missing", "receivedAt"));
    } else {
      try {
        moment = moment(receivedAt);
        int year = moment.atZone(WorkingCalendar.ZONE).getYear();
        if (year < CalendarRules.MIN_YEAR || year > CalendarRules.MAX_YEAR) {
          problems.add(
              new FieldProblem(
                  "receivedAt",
                  "dueDate.receivedAtRange",
                  String.valueOf(CalendarRules.MIN_YEAR),
                  String.valueOf(CalendarRules.MAX_YEAR)));
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        problems.add(new FieldProblem("receivedAt", "dueDate.receivedAtInvalid", receivedAt));
      }
    }
    long n = 0;
    if (amount == null || amount.isBlank()) {
      problems.add(new FieldProblem("amount", "dueDate.missing", "amount"));
    } else {
      try {
        n = Long.parseLong(amount.strip());
        if (n < 0 || n > CalendarRules.MAX_AMOUNT) {
          problems.add(
              new FieldProblem(
                  "amount", "dueDate.amountRange", String.valueOf(CalendarRules.MAX_AMOUNT)));
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("amount", "param.notInteger", "amount", amount));
      }
    }
    TimeLimitUnit u = null;
    if (unit == null || unit.isBlank()) {
      problems.add(new FieldProblem("unit", "dueDate.missing", "unit"));
    } else {
      try {
        u = TimeLimitUnit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "unit",
                "dueDate.unitInvalid",
                unit,
                Arrays.stream(TimeLimitUnit.values())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new DueDateRequest(moment, n, u);
  }

  /**
   * An ISO-8601 date-time with offset ({@code Z}, {@code +07:00}) or zone, or without (local time
   * in Asia/Ho_Chi_Minh). A space instead of 'T', or instead of the '+' of the offset, is forgiven.
   */
  public static Instant moment(String text) {
    String t = text.strip();
    Matcher spacedTime = SPACED_TIME.matcher(t);
    if (spacedTime.matches()) {
      t = spacedTime.group(1) + "T" + spacedTime.group(2);
    }
    Matcher spacedOffset = SPACED_OFFSET.matcher(t);
    if (spacedOffset.matches()) {
      t = spacedOffset.group(1) + "+" + spacedOffset.group(2);
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(t, ZonedDateTime::from, LocalDateTime::from);
    if (parsed instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    return ((LocalDateTime) parsed).atZone(WorkingCalendar.ZONE).toInstant();
  }
}
