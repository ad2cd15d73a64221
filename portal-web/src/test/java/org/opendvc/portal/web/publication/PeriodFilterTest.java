package org.opendvc.portal.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PeriodFilterTest {

  @Test
  void valuesAreKeptTrimmedAsTyped() {
    PeriodFilter f = new PeriodFilter();
    f.setPeriod(" 2026-Q3 ");
    f.setFrom("2026-01-01\t");
    f.setTo(" 2026-13-40");
    f.setAgency(" 000.00.31.H91");
    assertEquals("2026-Q3", f.getPeriod());
    assertEquals("2026-01-01", f.getFrom());
    assertEquals("2026-13-40", f.getTo(), "checked by the page, not here");
    assertEquals("000.00.31.H91", f.getAgency());
  }

  @Test
  void aBlankValueIsNoValue() {
    PeriodFilter f = new PeriodFilter();
    f.setPeriod("");
    f.setFrom("   ");
    f.setAgency(null);
    assertNull(f.getPeriod());
    assertNull(f.getFrom());
    assertNull(f.getTo());
    assertNull(f.getAgency());
  }
}
