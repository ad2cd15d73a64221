package org.opendvc.portal.opendata;

import java.util.List;
import java.util.function.Consumer;

/**
 * A table to publish: its name (the dataset or export it is, e.g. {@code statistics}), its columns,
 * and its rows, each an array of values in the order of the columns. The rows are handed over once,
 * in order, while they are read: a writer never holds a long table in memory.
 */
public record Table(String name, List<Column> columns, Rows rows) {

  public Table {
    columns = List.copyOf(columns);
  }

  /** Hands every row to the consumer, in order. */
  @FunctionalInterface
  public interface Rows {
    void forEach(Consumer<Object[]> row);
  }

  /** A table whose rows are already at hand. */
  public static Table of(String name, List<Column> columns, List<Object[]> rows) {
    return new Table(name, columns, rows::forEach);
  }

  /** The column names, in order. */
  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }
}
