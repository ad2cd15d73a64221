package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalIntegrationTest;

/**
 * A change to the working calendar must be used by the administrator's next computation even while
 * others compute due dates: a computation of theirs that notices the change first must not leave
 * the administrator with the calendar of before (docs/calendar.md). On a year of the class's own,
 * so it runs beside the other classes.
 */
class CalendarChangeIT extends PortalIntegrationTest {

  /** {@code GET /api/v1/calendar/due-date} for a number of working days. */
  private Http.Response due(String receivedAt, int workingDays) {
    return portal
        .http()
        .get(
            "/api/v1/calendar/due-date?unit=WORKING_DAYS&amount="
                + workingDays
                + "&receivedAt="
                + URLEncoder.encode(receivedAt, StandardCharsets.UTF_8));
  }

  private String dueAt(String receivedAt, int workingDays) {
    Http.Response a = due(receivedAt, workingDays);
    assertEquals(200, a.status(), a.body());
    return a.json().getString("dueAt");
  }

  /**
   * Ten rounds of swapping a Saturday in and out of a year of this class's own, while two threads
   * ask for due dates without pause: after each change, the administrator's next due date uses it.
   */
  @Test
  void aChangeMadeWhileOthersComputeDueDatesIsUsedAtOnceToo() throws Exception {
    int year = portal.ownYear();
    LocalDate friday =
        LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    String receivedAt = friday + "T16:00";
    String saturday = friday.plusDays(1) + "T16:00:00+07:00";
    String monday = friday.plusDays(3) + "T16:00:00+07:00";
    Http admin = portal.admin();
    AtomicBoolean done = new AtomicBoolean();
    List<String> othersWrong = new CopyOnWriteArrayList<>();
    ExecutorService others = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 2; i++) {
        others.submit(
            () -> {
              while (!done.get()) {
                Http.Response a = due("2026-02-13T10:00", 2);
                if (a.status() != 200) {
                  othersWrong.add(a.status() + " " + a.body());
                }
              }
              return null;
            });
      }
      for (int round = 1; round <= 10; round++) {
        String swapped = "{\"holidays\": [], \"workingDays\": [\"" + friday.plusDays(1) + "\"]}";
        assertEquals(200, admin.putJson("/api/v1/calendar/" + year, swapped).status());
        assertEquals(saturday, dueAt(receivedAt, 1), "round " + round);
        assertEquals(200, admin.putJson("/api/v1/calendar/" + year, "{\"holidays\": []}").status());
        assertEquals(monday, dueAt(receivedAt, 1), "round " + round + ", undone");
      }
    } finally {
      done.set(true);
      others.shutdown();
      others.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), othersWrong);
  }
}
