package org.opendvc.portal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.opendata.Column;
import org.opendvc.portal.opendata.Table;

class CsvWriterTest {

  private static final Table TABLE =
      Table.of(
          "t",
          List.of(
              Column.text("name"),
              Column.integer("received"),
              Column.rate("onTimeRate"),
              Column.dateTime("finishedAt"),
              Column.number("timeLimit")),
          List.of(
              new Object[] {
                "UBND phường Hòa Bình, quận \"Một\"",
                12L,
                0.75,
                OffsetDateTime.parse("2026-12-01T08:09:00+07:00"),
                new BigDecimal("2.50")
              },
              new Object[] {"Dòng một\r\ndòng hai", 0L, null, null, null},
              new Object[] {"Sở Tư pháp", 3L, 1.0E-5, null, new BigDecimal("15")}));

  private static byte[] write(Table t) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(t, out);
    return out.toByteArray();
  }

  @Test
  void startsWithAByteOrderMarkSoThatExcelReadsUtf8() throws Exception {
    byte[] bytes = write(TABLE);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertEquals(
        "name,received,onTimeRate,finishedAt,timeLimit\r\n",
        text.substring(0, text.indexOf("\r\n") + 2),
        "the header is the column names");
  }

  @Test
  void quotesCommasQuotesAndLineBreaksAndLeavesNullEmpty() throws Exception {
    String text = new String(write(TABLE), StandardCharsets.UTF_8).substring(1);
    assertEquals(
        "name,received,onTimeRate,finishedAt,timeLimit\r\n"
            + "\"UBND phường Hòa Bình, quận \"\"Một\"\"\",12,0.75,2026-12-01T08:09:00+07:00,2.5\r\n"
            + "\"Dòng một\r\ndòng hai\",0,,,\r\n"
            + "Sở Tư pháp,3,0.00001,,15\r\n",
        text);
  }

  @Test
  void aFieldIsQuotedOnlyWhenItMustBe() {
    assertEquals("", CsvWriter.field(null));
    assertEquals("plain text", CsvWriter.field("plain text"));
    assertEquals("\"a,b\"", CsvWriter.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
    assertEquals("\"one\ntwo\"", CsvWriter.field("one\ntwo"));
    assertEquals("1", CsvWriter.field(1.0));
    assertEquals("0.7142857142857143", CsvWriter.field(5.0 / 7));
  }
}
