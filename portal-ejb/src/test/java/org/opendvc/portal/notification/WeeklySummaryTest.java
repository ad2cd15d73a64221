package org.opendvc.portal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The weekly summary mail: Vietnamese first, then English, with every figure and link. */
class WeeklySummaryTest {

  private static WeeklySummary week(Double satisfied) {
    return new WeeklySummary(
        "000.01.31.H91",
        "UBND phường An Lộc",
        LocalDate.of(2026, 11, 30),
        LocalDate.of(2026, 12, 6),
        1234,
        12,
        3,
        40,
        satisfied,
        5,
        2);
  }

  @Test
  void everyFigureInBothLanguagesWithLinks() {
    StatusMail m =
        week(0.875).mail("truong.phong@example.vn", Optional.of("https://dichvucong.example.vn/"));
    assertEquals("truong.phong@example.vn", m.to());
    assertEquals("Tóm tắt tuần của UBND phường An Lộc, từ 30/11/2026 đến 06/12/2026", m.subject());
    String body = m.body();
    int vi = body.indexOf("Hồ sơ đã giải quyết: 1.234, trong đó trễ hạn: 12");
    int en = body.indexOf("Dossiers resolved: 1,234, of which late: 12");
    assertTrue(vi >= 0 && en > vi, body);
    assertTrue(body.contains("Hồ sơ đang quá hạn: 3"), body);
    assertTrue(body.contains("Phản ánh, kiến nghị chờ trả lời: 5, trong đó quá hạn: 2"), body);
    assertTrue(body.contains("Ratings by applicants: 40, share satisfied: 88%"), body);
    assertTrue(body.contains("https://dichvucong.example.vn/officer/feedback"), body);
    assertTrue(body.contains("https://dichvucong.example.vn/scorecard?agency=000.01.31.H91"), body);
  }

  @Test
  void noRatingIsNoShareNotAHundredPercent() {
    String body = week(null).mail("a@example.vn", Optional.empty()).body();
    assertTrue(body.contains("tỷ lệ hài lòng: không có số liệu"), body);
    assertTrue(body.contains("share satisfied: n/a"), body);
  }
}
