package org.opendvc.portal.opendata;

import java.util.Locale;

/**
 * A column of a published table: its name (a JSON field name of the API, stable and
 * machine-readable) and the type of its values.
 */
public record Column(String name, Type type) {

  /** What a column holds; a value may always be null (an empty cell). */
  public enum Type {
    /** Text. */
    TEXT,
    /** A whole number ({@link Long} or {@link Integer}). */
    INTEGER,
    /** A decimal number ({@link java.math.BigDecimal}). */
    NUMBER,
    /** A share from 0 to 1 ({@link Double}); null when there is nothing to divide by. */
    RATE,
    /** A day ({@link java.time.LocalDate}), ISO-8601. */
    DATE,
    /** A moment ({@link java.time.OffsetDateTime}), ISO-8601 with the offset of Vietnam. */
    DATETIME;

    /** The name the files and the data dictionary use: {@code text}, {@code integer}... */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  public static Column integer(String name) {
    return new Column(name, Type.INTEGER);
  }

  public static Column number(String name) {
    return new Column(name, Type.NUMBER);
  }

  public static Column rate(String name) {
    return new Column(name, Type.RATE);
  }

  public static Column date(String name) {
    return new Column(name, Type.DATE);
  }

  public static Column dateTime(String name) {
    return new Column(name, Type.DATETIME);
  }
}
