package org.opendvc.portal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.StatusChanged;

class StatusMailTest {

  private static StatusChanged change(
      DossierStatus from, DossierStatus to, Instant due, String note) {
    return new StatusChanged(
        "000.01.31.H91-261127-0001",
        "ACCEPT",
        from,
        to,
        Instant.parse("2026-11-27T02:00:00Z"),
        due,
        "000.01.31.H91",
        "UBND xã Một",
        "9.001001",
        "Đăng ký khai sinh",
        "Nguyễn Văn An",
        "an@example.org",
        note);
  }

  @Test
  void vietnameseFirstThenEnglishWithDueDateNoteAndTrackingLink() {
    StatusMail mail =
        StatusMail.of(
            change(
                DossierStatus.RECEIVING,
                DossierStatus.NEW,
                Instant.parse("2026-12-01T09:30:00Z"),
                "Nhận đủ giấy tờ"),
            Optional.of("https://dichvucong.example.vn/"));
    assertEquals("an@example.org", mail.to());
    assertEquals("Hồ sơ 000.01.31.H91-261127-0001: Đã tiếp nhận (Accepted)", mail.subject());
    String body = mail.body();
    int vi = body.indexOf("Kính gửi Nguyễn Văn An,");
    int en = body.indexOf("Dear Nguyễn Văn An,");
    assertTrue(vi >= 0 && en > vi, body);
    assertTrue(body.contains("nay ở trạng thái: Đã tiếp nhận."), body);
    assertTrue(body.contains("is now: Accepted."), body);
    // 09:30 UTC is 16:30 in Vietnam
    assertTrue(body.contains("Ngày hẹn trả kết quả: 16:30 ngày 01/12/2026"), body);
    assertTrue(body.contains("Appointment date for the result: 01/12/2026 16:30"), body);
    assertTrue(body.contains("Ghi chú: Nhận đủ giấy tờ"), body);
    assertTrue(
        body.contains("https://dichvucong.example.vn/tracking/000.01.31.H91-261127-0001"), body);
  }

  @Test
  void withoutPublicUrlTheLinkIsRelativeAndMissingPartsAreLeftOut() {
    StatusMail mail =
        StatusMail.of(change(null, DossierStatus.RECEIVING, null, null), Optional.empty());
    String body = mail.body();
    assertTrue(body.contains("Tra cứu hồ sơ: /tracking/000.01.31.H91-261127-0001"), body);
    assertTrue(body.contains("Mới đăng ký, chờ tiếp nhận"), body);
    assertFalse(body.contains("Ngày hẹn"), body);
    assertFalse(body.contains("Ghi chú"), body);
  }

  @Test
  void noAppointmentOnceProcessingHasEnded() {
    StatusMail mail =
        StatusMail.of(
            change(
                DossierStatus.PROCESSING,
                DossierStatus.RELEASING,
                Instant.parse("2026-12-01T09:30:00Z"),
                null),
            Optional.empty());
    assertFalse(mail.body().contains("Ngày hẹn"), mail.body());
  }

  @Test
  void theResultInvitesARatingOnTheTrackingPageAndEarlierChangesDoNot() {
    StatusMail resolved =
        StatusMail.of(
            change(
                DossierStatus.PROCESSING,
                DossierStatus.RELEASING,
                Instant.parse("2026-12-01T09:30:00Z"),
                null),
            Optional.of("https://dichvucong.example.vn/"));
    assertTrue(
        resolved
            .body()
            .contains(
                "Đánh giá mức độ hài lòng: https://dichvucong.example.vn"
                    + "/tracking/000.01.31.H91-261127-0001"),
        resolved.body());
    assertTrue(resolved.body().contains("Rate your satisfaction: https://"), resolved.body());
    StatusMail accepted =
        StatusMail.of(
            change(
                DossierStatus.RECEIVING,
                DossierStatus.NEW,
                Instant.parse("2026-12-01T09:30:00Z"),
                null),
            Optional.empty());
    assertFalse(accepted.body().contains("Đánh giá"), accepted.body());
  }
}
