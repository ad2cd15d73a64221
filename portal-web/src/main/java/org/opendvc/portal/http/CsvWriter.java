package org.opendvc.portal.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.opendvc.portal.opendata.Table;

/**
 * Writes a table as CSV (RFC 4180): UTF-8 with a byte order mark, so that Excel shows Vietnamese as
 * it is; a header of the column names; lines ending in CRLF; a value with a comma, a quote or a
 * line break inside double quotes, its quotes doubled; nothing at all for null. Numbers are written
 * plainly ({@code 0.75}, never {@code 7.5E-1}); moments in ISO-8601 with their offset.
 */
public final class CsvWriter {

  /** The media type of the files. */
  public static final String MEDIA_TYPE = "text/csv";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  /** Writes the table, row by row as its rows come, and flushes (does not close) the stream. */
  public static void write(Table table, OutputStream out) throws IOException {
    out.write(BOM);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    line(w, table.names().toArray());
    try {
      table
          .rows()
          .forEach(
              row -> {
                try {
                  line(w, row);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  private static void line(Writer w, Object[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(field(values[i]));
    }
    w.write("\r\n");
  }

  /** One value as a CSV field, quoted when it must be. */
  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = text(value);
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** A value as text, as the CSV and the JSON both write it. */
  static String text(Object value) {
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (value instanceof OffsetDateTime t) {
      return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    return value.toString();
  }
}
