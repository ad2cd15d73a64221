package org.opendvc.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.opendata.Column;
import org.opendvc.portal.opendata.Table;

class XlsxWriterTest {

  @Test
  void writesOneSheetPerTableWithNumbersAsNumbersAndRatesAsPercentages() throws Exception {
    Table figures =
        Table.of(
            "statistics",
            List.of(
                Column.text("key"),
                Column.text("name"),
                Column.integer("resolved"),
                Column.rate("onTimeRate")),
            List.of(
                new Object[] {"000.01.31.H91", "UBND phường Hòa Bình, quận \"Một\"", 8L, 0.75},
                new Object[] {"TOTAL", null, 0L, null}));
    Table idle =
        Table.of(
            "online-uptake-idle",
            List.of(Column.text("procedureCode"), Column.integer("level")),
            List.<Object[]>of(new Object[] {"1.001193", 4}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxWriter.write(List.of(figures, idle), out);

    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
      List<String> names = wb.getSheets().map(s -> s.getName()).toList();
      assertEquals(List.of("statistics", "online-uptake-idle"), names);
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals(3, rows.size());
      assertEquals(
          List.of("key", "name", "resolved", "onTimeRate"),
          rows.get(0).stream().map(Cell::getText).toList());
      Row first = rows.get(1);
      assertEquals("UBND phường Hòa Bình, quận \"Một\"", first.getCell(1).asString());
      assertEquals(CellType.NUMBER, first.getCell(2).getType());
      assertEquals(0, new BigDecimal("8").compareTo(first.getCell(2).asNumber()));
      Cell rate = first.getCell(3);
      assertEquals(CellType.NUMBER, rate.getType(), "a rate is a number");
      assertEquals(0, new BigDecimal("0.75").compareTo(rate.asNumber()));
      assertEquals(XlsxWriter.PERCENT, rate.getDataFormatString(), "shown as a percentage");
      Row total = rows.get(2);
      assertEquals("TOTAL", total.getCell(0).asString());
      assertFalse(
          total.getOptionalCell(3).filter(c -> c.getType() != CellType.EMPTY).isPresent(),
          "a null rate is an empty cell");
      assertFalse(
          total.getOptionalCell(1).filter(c -> c.getType() != CellType.EMPTY).isPresent(),
          "a null name is an empty cell");
      List<Row> idleRows = wb.findSheet("online-uptake-idle").orElseThrow().read();
      assertEquals(2, idleRows.size());
      assertEquals(0, BigDecimal.valueOf(4).compareTo(idleRows.get(1).getCell(1).asNumber()));
      assertTrue(idleRows.get(0).getCell(0).getText().equals("procedureCode"));
    }
  }
}
