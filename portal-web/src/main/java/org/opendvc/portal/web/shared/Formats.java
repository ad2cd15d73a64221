package org.opendvc.portal.web.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.Messages;

/** Formatting shared by the pages: moments, days and field problems. */
public final class Formats {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private Formats() {}

  /** dd/MM/yyyy HH:mm in Vietnam, or a dash. */
  public static String when(Instant t) {
    return t == null ? "–" : WHEN.format(t.atZone(WorkingCalendar.ZONE));
  }

  /** dd/MM/yyyy in Vietnam, or a dash. */
  public static String day(Instant t) {
    return t == null ? "–" : DAY.format(t.atZone(WorkingCalendar.ZONE));
  }

  /** ISO-8601 with the +07:00 offset, for machine-readable attributes; empty when none. */
  public static String iso(Instant t) {
    return t == null ? "" : ISO.format(t.atZone(WorkingCalendar.ZONE));
  }

  /**
   * The problems as text per field (the first problem of a field wins), with the field's own name
   * in the message replaced by the label the page shows for it.
   */
  public static Map<String, String> byField(
      List<FieldProblem> problems, Locale locale, Map<String, String> labels) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldProblem p : problems) {
      Object[] args = p.args() == null ? new Object[0] : p.args().clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String s && labels.containsKey(s)) {
          args[i] = labels.get(s);
        }
      }
      out.putIfAbsent(p.field(), Messages.get(locale, p.messageKey(), args));
    }
    return out;
  }

  /** A blank text as null, else stripped. */
  public static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
