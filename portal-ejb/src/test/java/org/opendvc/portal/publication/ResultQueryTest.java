package org.opendvc.portal.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.shared.FieldProblem;

/** Reading the board's parameters: every bad value named, never an exception. */
class ResultQueryTest {

  private static ResultQuery.Parsed read(Map<String, String> params) {
    return ResultQuery.read(params::get);
  }

  private static Set<String> fields(ResultQuery.Parsed p) {
    return p.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
  }

  @Test
  void nothingMeansEverythingNewestFirstPageZero() {
    ResultQuery.Parsed p = read(Map.of());
    assertTrue(p.problems().isEmpty());
    assertEquals(ResultQuery.all(), p.query());
  }

  @Test
  void goodValuesAreRead() {
    ResultQuery q =
        read(Map.of(
                "agency",
                " 000.00.31.H91 ",
                "field",
                "ho-tich",
                "level",
                "3",
                "timeliness",
                "on_time",
                "from",
                "2026-01-01",
                "to",
                "2026-01-31",
                "page",
                "2",
                "size",
                "50"))
            .query();
    assertEquals(
        new ResultQuery(
            "000.00.31.H91",
            "ho-tich",
            3,
            Timeliness.ON_TIME,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 31),
            2,
            50),
        q);
    assertEquals(100, q.offset());
  }

  @Test
  void everyBadValueIsNamedAndLeftOut() {
    ResultQuery.Parsed p =
        read(
            Map.of(
                "level",
                "7",
                "timeliness",
                "OVERDUE",
                "from",
                "2026-02-30",
                "to",
                "hôm qua",
                "page",
                "-1",
                "size",
                "500"));
    assertEquals(Set.of("level", "timeliness", "from", "to", "page", "size"), fields(p));
    assertNull(p.query().level());
    assertNull(p.query().timeliness());
    assertNull(p.query().from());
    assertEquals(0, p.query().page());
    assertEquals(ResultQuery.DEFAULT_SIZE, p.query().size());
  }

  @Test
  void aReversedPeriodIsAProblemOfTheEndDate() {
    ResultQuery.Parsed p = read(Map.of("from", "2026-03-02", "to", "2026-03-01"));
    assertEquals(Set.of("to"), fields(p));
    assertEquals(LocalDate.of(2026, 3, 2), p.query().from());
    assertNull(p.query().to());
    assertTrue(
        read(Map.of("from", "2026-03-02", "to", "2026-03-02")).problems().isEmpty(),
        "one day is a period");
  }

  @Test
  void pagesPastTheCountedRowsAreRefused() {
    assertEquals(Set.of("page"), fields(read(Map.of("page", "100", "size", "100"))));
    assertTrue(read(Map.of("page", "99", "size", "100")).problems().isEmpty());
    assertEquals(Set.of("page"), fields(read(Map.of("page", "99999999999"))));
  }
}
