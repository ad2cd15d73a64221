package org.opendvc.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TableDownloadTest {

  @Test
  void thePeriodIsSaidAsShortlyAsItCanBe() {
    assertEquals(
        "2026", TableDownload.period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    assertEquals(
        "2026-Q4", TableDownload.period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    assertEquals(
        "2026-02", TableDownload.period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    assertEquals(
        "2026-11-03_2026-11-20",
        TableDownload.period(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 20)));
    assertEquals(
        "2026-02-01_2026-04-30",
        TableDownload.period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)));
  }

  @Test
  void aFileNameKeepsOnlySafeCharacters() {
    assertEquals(
        "statistics-agency-000.01.31.H91-2026-11.csv",
        TableDownload.fileName("csv", "statistics", "agency", "000.01.31.H91", null, "2026-11"));
    assertEquals(
        "results-a_b_c-2026.json",
        TableDownload.fileName("json", "results", "a\"b;c", " ", "2026"));
  }
}
