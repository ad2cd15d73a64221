package org.opendvc.portal.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendvc.portal.calendar.CalendarEntry;
import org.opendvc.portal.calendar.CalendarInput;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.CalendarYear;
import org.opendvc.portal.calendar.DayKind;
import org.opendvc.portal.calendar.DueDateRequest;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.JsonProviders;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.Redirects;

/**
 * The working calendar of a year, {@code /admin/calendar[/{year}]}: the holidays and the swapped
 * working days as two lists, one date a line ({@code 2026-04-30 Giải phóng miền Nam}, the name
 * optional). Saving reads the lists exactly as {@code PUT /api/v1/calendar/{year}} reads its body
 * ({@link CalendarInput}) and replaces the year through {@link CalendarService#replaceYear}; any
 * wrong line is reported by its number and nothing is saved. A preview computes a due moment with
 * the rule of {@code GET /api/v1/calendar/due-date}. The lists are posted fields; the preview's GET
 * form and the {@code saved} notice are the page's {@code <f:viewParam>}s.
 */
@Named
@RequestScoped
public class CalendarPage {

  private static final Pattern ITEM = Pattern.compile("(holidays|workingDays)\\[(\\d+)\\].*");

  @Inject private CalendarService calendar;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private int year;
  private String holidays;
  private String workingDays;
  private final List<String> holidayErrors = new ArrayList<>();
  private final List<String> workingDayErrors = new ArrayList<>();
  private final List<String> otherErrors = new ArrayList<>();
  private boolean saved;
  private String previewDue;
  private String previewFrom;
  private final List<String> previewErrors = new ArrayList<>();
  // bound from the request by the page's <f:viewParam>s
  private String savedParam;
  private String receivedAt;
  private String amount;
  private String unit;

  public void load() {
    Object y = request.getAttribute(PageRoutes.YEAR);
    year = y instanceof Integer i ? i : LocalDate.now(WorkingCalendar.ZONE).getYear();
    saved = savedParam != null;
    if (user.isTrustedPost()) {
      holidays = value("holidays");
      workingDays = value("workingDays");
      if (save()) {
        return;
      }
    } else {
      CalendarYear current;
      try {
        current = calendar.year(year);
      } catch (InvalidInputException e) {
        otherErrors.add(
            Messages.get(locale(), e.problems().get(0).messageKey(), e.problems().get(0).args()));
        return;
      }
      holidays = lines(current, DayKind.HOLIDAY);
      workingDays = lines(current, DayKind.WORKING_DAY);
    }
    preview();
  }

  private String value(String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v;
  }

  /** Saves the lists; true when the request is answered (303 after saving). */
  private boolean save() {
    List<Integer> holidayLines = new ArrayList<>();
    List<Integer> workingLines = new ArrayList<>();
    JsonObject body =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("holidays", items(holidays, holidayLines))
            .add("workingDays", items(workingDays, workingLines))
            .build();
    CalendarInput input = CalendarInput.read(year, body);
    if (input.problems().isEmpty()) {
      try {
        calendar.replaceYear(year, input.holidays(), input.workingDays(), user.caller().username());
        Redirects.seeOther("/admin/calendar/" + year + "?saved=1");
        return true;
      } catch (InvalidInputException e) {
        report(e.problems(), holidayLines, workingLines);
        return false;
      }
    }
    report(input.problems(), holidayLines, workingLines);
    return false;
  }

  /** One JSON item per non-blank line: the date, then the name if any; lines[i] is its number. */
  private static JsonArrayBuilder items(String text, List<Integer> lines) {
    JsonArrayBuilder out = JsonProviders.JSON.createArrayBuilder();
    String[] all = text.split("\\r?\\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String name = parts.length > 1 ? parts[1].replaceFirst("^[-–:,]\\s*", "") : "";
      out.add(
          name.isBlank()
              ? JsonProviders.JSON.createValue(parts[0])
              : JsonProviders.JSON
                  .createObjectBuilder()
                  .add("date", parts[0])
                  .add("name", name)
                  .build());
      lines.add(i + 1);
    }
    return out;
  }

  private void report(
      List<FieldProblem> problems, List<Integer> holidayLines, List<Integer> workingLines) {
    for (FieldProblem p : problems) {
      Matcher m = ITEM.matcher(p.field());
      Object[] args = p.args() == null ? new Object[0] : p.args().clone();
      if (m.matches()) {
        boolean h = m.group(1).equals("holidays");
        int index = Integer.parseInt(m.group(2));
        List<Integer> lines = h ? holidayLines : workingLines;
        int line = index < lines.size() ? lines.get(index) : index + 1;
        for (int i = 0; i < args.length; i++) {
          if (args[i] instanceof String s && ITEM.matcher(s).matches()) {
            Matcher other = ITEM.matcher(s);
            other.matches();
            boolean oh = other.group(1).equals("holidays");
            List<Integer> ol = oh ? holidayLines : workingLines;
            int oi = Integer.parseInt(other.group(2));
            args[i] =
                format(
                    text.get(oh ? "adminCalendar.holidayLine" : "adminCalendar.workingDayLine"),
                    oi < ol.size() ? ol.get(oi) : oi + 1);
          }
        }
        (h ? holidayErrors : workingDayErrors).add(Messages.get(locale(), p.messageKey(), args));
        continue;
      }
      otherErrors.add(Messages.get(locale(), p.messageKey(), args));
    }
  }

  private static String lines(CalendarYear y, DayKind kind) {
    StringBuilder b = new StringBuilder();
    for (CalendarEntry e : y.entries()) {
      if (e.kind() == kind) {
        b.append(e.date()).append(e.nameIfAny().map(n -> " " + n).orElse("")).append('\n');
      }
    }
    return b.toString();
  }

  /** The due-date preview, when its GET parameters are there. */
  private void preview() {
    String from = Formats.trim(receivedAt);
    if (from == null || "POST".equals(request.getMethod())) {
      return;
    }
    try {
      DueDateRequest q = DueDateRequest.parse(from, amount, unit);
      WorkingCalendar c = calendar.calendar();
      Instant due = c.due(q.receivedAt(), q.amount(), q.unit());
      previewDue = Formats.when(due);
      previewFrom = Formats.when(c.countingStart(q.receivedAt()));
    } catch (InvalidInputException e) {
      e.problems()
          .forEach(p -> previewErrors.add(Messages.get(locale(), p.messageKey(), p.args())));
    }
  }

  private String format(String pattern, Object... args) {
    return new MessageFormat(pattern, locale()).format(args);
  }

  private Locale locale() {
    return language.getLocale();
  }

  public int getYear() {
    return year;
  }

  public int getPreviousYear() {
    return year - 1;
  }

  public int getNextYear() {
    return year + 1;
  }

  public String getHolidays() {
    return holidays;
  }

  public String getWorkingDays() {
    return workingDays;
  }

  public List<String> getHolidayErrors() {
    return holidayErrors;
  }

  public List<String> getWorkingDayErrors() {
    return workingDayErrors;
  }

  public List<String> getOtherErrors() {
    return otherErrors;
  }

  public boolean isInvalid() {
    return !holidayErrors.isEmpty() || !workingDayErrors.isEmpty() || !otherErrors.isEmpty();
  }

  public boolean isSaved() {
    return saved;
  }

  public String getPreviewDue() {
    return previewDue;
  }

  public String getPreviewFrom() {
    return previewFrom;
  }

  public List<String> getPreviewErrors() {
    return previewErrors;
  }

  public String getSavedParam() {
    return savedParam;
  }

  public void setSavedParam(String savedParam) {
    this.savedParam = savedParam;
  }

  /** The preview's moment of receipt as typed ("" without one), also shown in its form. */
  public String getReceivedAt() {
    return receivedAt == null ? "" : receivedAt;
  }

  public void setReceivedAt(String receivedAt) {
    this.receivedAt = receivedAt;
  }

  /** The preview's time limit as typed ("" without one). */
  public String getAmount() {
    return amount == null ? "" : amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  /** The preview's unit as typed ("" without one). */
  public String getUnit() {
    return unit == null ? "" : unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }
}
