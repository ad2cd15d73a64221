package org.opendvc.portal.api.calendar;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.calendar.CalendarEntry;
import org.opendvc.portal.calendar.CalendarInput;
import org.opendvc.portal.calendar.CalendarRules;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.CalendarYear;
import org.opendvc.portal.calendar.DueDateRequest;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/** The working calendar: holidays and swapped working days per year, and due dates. */
@Path("/v1/calendar")
@Tag(name = "Calendar", description = "Public holidays, swapped working days and due dates")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

  /** A year of the calendar is a few dozen dates; a body far larger is a mistake. */
  static final int MAX_BODY_CHARS = 64 * 1024;

  @Inject private CalendarService calendar;
  @Context private SecurityContext security;

  @GET
  @Path("{year}")
  @Operation(
      summary = "A year's public holidays and swapped working days",
      description =
          "Answers {year, holidays: [dates], workingDays: [dates], entries: [{date, kind,"
              + " name}]}; kind is HOLIDAY or WORKING_DAY. Dates not listed follow the week (Monday to"
              + " Friday work).")
  public JsonObject year(@PathParam("year") @Parameter(description = "2000 to 2100") String year) {
    return json(calendar.year(yearParam(year)));
  }

  @PUT
  @Path("{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Replace a year's holidays and swapped working days (ADMIN)",
      description =
          "Body {holidays: [...], workingDays: [...]}, each item a date \"2026-04-30\" or"
              + " {\"date\", \"name\"}; holidays is required ([] clears it), workingDays may be left"
              + " out. Replaces every entry of that year at once, or nothing when any item is wrong"
              + " (400 listing every problem). Due dates use the new calendar at once. Answers the"
              + " year as GET does.")
  @RequestBody(
      description =
          "{\"holidays\": [\"2027-01-01\", {\"date\": \"2027-02-05\","
              + " \"name\": \"Tết Nguyên Đán\"}], \"workingDays\": [{\"date\": \"2027-02-20\","
              + " \"name\": \"Làm bù\"}]}")
  @RolesAllowed(Role.Names.ADMIN)
  public JsonObject replace(@PathParam("year") String year, String body) {
    int y = yearParam(year);
    CalendarInput input = CalendarInput.read(y, parse(body));
    input.entriesOrThrow();
    return json(
        calendar.replaceYear(
            y, input.holidays(), input.workingDays(), security.getUserPrincipal().getName()));
  }

  @GET
  @Path("due-date")
  @Operation(
      summary = "The due moment of a time limit, by the portal's deadline rule",
      description =
          "receivedAt is ISO-8601 with offset, or without (local time in"
              + " Asia/Ho_Chi_Minh); amount 0 to 1000; unit WORKING_DAYS, WORKING_HOURS or DAYS."
              + " Answers {receivedAt, amount, unit, countingFrom, dueAt, appointmentDate} with"
              + " +07:00 offsets; countingFrom is where office time starts to count and"
              + " appointmentDate the date printed on the receipt.")
  public JsonObject dueDate(
      @QueryParam("receivedAt") @Parameter(description = "e.g. 2026-03-02T09:00:00+07:00")
          String receivedAt,
      @QueryParam("amount") @Parameter(description = "0 to 1000") String amount,
      @QueryParam("unit") @Parameter(description = "WORKING_DAYS, WORKING_HOURS or DAYS")
          String unit) {
    DueDateRequest q = DueDateRequest.parse(receivedAt, amount, unit);
    WorkingCalendar c = calendar.calendar();
    Instant due = c.due(q.receivedAt(), q.amount(), q.unit());
    return JSON.createObjectBuilder()
        .add("receivedAt", moment(q.receivedAt()))
        .add("amount", q.amount())
        .add("unit", q.unit().name())
        .add("countingFrom", moment(c.countingStart(q.receivedAt())))
        .add("dueAt", moment(due))
        .add("appointmentDate", due.atZone(WorkingCalendar.ZONE).toLocalDate().toString())
        .build();
  }

  private static int yearParam(String text) {
    Params p = new Params();
    Integer year = p.integer("year", text);
    if (year != null) {
      CalendarRules.yearProblems("year", year).forEach(p::add);
    } else if (text == null || text.isBlank()) {
      p.add(new FieldProblem("year", "dueDate.missing", "year"));
    }
    p.check();
    return year;
  }

  private static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("body", "calendar.bodyNotObject");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new InvalidInputException("body", "import.tooLarge", String.valueOf(MAX_BODY_CHARS));
    }
    // malformed JSON is a JsonException, which the problem mappers answer with a 400
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  static String moment(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.atZone(WorkingCalendar.ZONE).toOffsetDateTime());
  }

  static JsonObject json(CalendarYear year) {
    JsonArrayBuilder holidays = JSON.createArrayBuilder();
    year.holidays().forEach(d -> holidays.add(d.toString()));
    JsonArrayBuilder workingDays = JSON.createArrayBuilder();
    year.workingDays().forEach(d -> workingDays.add(d.toString()));
    JsonArrayBuilder entries = JSON.createArrayBuilder();
    for (CalendarEntry e : year.entries()) {
      entries.add(
          JSON.createObjectBuilder()
              .add("date", e.date().toString())
              .add("kind", e.kind().name())
              .add("name", e.name() == null ? JsonValue.NULL : JSON.createValue(e.name())));
    }
    return JSON.createObjectBuilder()
        .add("year", year.year())
        .add("holidays", holidays)
        .add("workingDays", workingDays)
        .add("entries", entries)
        .build();
  }
}
