package org.opendvc.portal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.opendata.Column;
import org.opendvc.portal.opendata.Table;

/**
 * Writes tables as an XLSX workbook (fastexcel), one sheet per table named after it: a bold header
 * of the column names, frozen; numbers as numbers; rates as numbers from 0 to 1 shown as
 * percentages; days as dates, moments as local date-times in Vietnam; null as an empty cell.
 */
public final class XlsxWriter {

  /** The media type of the files. */
  public static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** How a rate is shown: a percentage with one decimal. */
  static final String PERCENT = "0.0%";

  private XlsxWriter() {}

  /** Writes the tables, in order, and finishes the workbook (the stream stays open). */
  public static void write(List<Table> tables, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "OpenDVC portal", "1.0");
    for (Table table : tables) {
      sheet(wb.newWorksheet(table.name()), table);
    }
    wb.finish();
  }

  private static void sheet(Worksheet ws, Table table) {
    List<Column> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      ws.value(0, c, columns.get(c).name());
      ws.style(0, c).bold().set();
      widths[c] = columns.get(c).name().length();
    }
    ws.freezePane(0, 1);
    int[] next = {1};
    table
        .rows()
        .forEach(
            row -> {
              int r = next[0]++;
              for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], cell(ws, r, c, columns.get(c), row[c]));
              }
            });
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, Math.min(60, widths[c] + 2));
    }
  }

  /** Writes one cell; answers how wide it is, in characters. */
  private static int cell(Worksheet ws, int r, int c, Column column, Object value) {
    if (value == null) {
      return 0;
    }
    switch (column.type()) {
      case RATE -> {
        ws.value(r, c, (Number) value);
        ws.style(r, c).format(PERCENT).set();
        return 7;
      }
      case INTEGER, NUMBER -> {
        Number n = value instanceof BigDecimal b ? b : (Number) value;
        ws.value(r, c, n);
        return n.toString().length();
      }
      case DATE -> {
        ws.value(r, c, (LocalDate) value);
        ws.style(r, c).format("yyyy-mm-dd").set();
        return 10;
      }
      case DATETIME -> {
        ws.value(
            r,
            c,
            ((OffsetDateTime) value).atZoneSameInstant(WorkingCalendar.ZONE).toLocalDateTime());
        ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
        return 19;
      }
      default -> {
        String text = value.toString();
        ws.value(r, c, text);
        return text.length();
      }
    }
  }
}
