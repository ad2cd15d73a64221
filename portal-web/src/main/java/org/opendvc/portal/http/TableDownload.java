package org.opendvc.portal.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * The names and headers of the tables the portal lets people download: a file name that says what
 * and which period it holds, and the {@code Content-Disposition} that saves it under it.
 */
public final class TableDownload {

  /** Public figures, the same for everyone: a shared cache may keep them for five minutes. */
  public static final String CACHE_CONTROL = "public, max-age=300";

  private TableDownload() {}

  /**
   * The period as short as it can be said: {@code 2026} for a whole year, {@code 2026-Q4} for a
   * quarter, {@code 2026-11} for a month, otherwise {@code 2026-11-03_2026-11-20}.
   */
  public static String period(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      return "";
    }
    if (from.getDayOfMonth() == 1 && to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
      if (from.getDayOfYear() == 1 && to.getMonthValue() == 12 && from.getYear() == to.getYear()) {
        return String.valueOf(from.getYear());
      }
      if (YearMonth.from(from).equals(YearMonth.from(to))) {
        return YearMonth.from(from).toString();
      }
      if (from.getYear() == to.getYear()
          && (from.getMonthValue() - 1) % 3 == 0
          && to.getMonthValue() == from.getMonthValue() + 2) {
        return from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
      }
    }
    return from + "_" + to;
  }

  /**
   * A file name from its parts, those that are null or blank left out, joined by '-', with only
   * letters, digits, '.', '_' and '-' kept: {@code statistics-agency-2026-11.csv}.
   */
  public static String fileName(String extension, String... parts) {
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      if (p == null || p.isBlank()) {
        continue;
      }
      if (s.length() > 0) {
        s.append('-');
      }
      s.append(p.strip().replaceAll("[^A-Za-z0-9._-]", "_"));
    }
    return s + "." + extension;
  }

  /** Saved under that name rather than shown. */
  public static String attachment(String fileName) {
    return "attachment; filename=\"" + fileName + "\"";
  }
}
