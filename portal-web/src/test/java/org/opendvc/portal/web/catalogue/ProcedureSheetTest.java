package org.opendvc.portal.web.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;

/**
 * A time limit's figure is printed once: the feed's own text only where it says more, as the
 * national feed and the demo catalogue write them; a group named like its section is not a second
 * heading.
 */
class ProcedureSheetTest {

  private static final BigDecimal ONE = BigDecimal.ONE;

  @Test
  void aTextThatOnlyRestatesTheFigureIsDropped() {
    assertNull(
        ProcedureSheet.timeNote("15 Ngày làm việc", new BigDecimal("15.0"), TimeUnit.WORKING_DAYS));
    assertNull(ProcedureSheet.timeNote("01 ngày làm việc", ONE, TimeUnit.WORKING_DAYS));
    assertNull(ProcedureSheet.timeNote("21 Ngày", new BigDecimal(21), TimeUnit.DAYS));
    assertNull(ProcedureSheet.timeNote("1 (không ghi đơn vị)", ONE, TimeUnit.UNSPECIFIED));
    assertNull(ProcedureSheet.timeNote("  ", ONE, TimeUnit.DAYS));
    assertNull(
        ProcedureSheet.timeNote(
            "120,000 (không ghi đơn vị)", new BigDecimal("120.0"), TimeUnit.UNSPECIFIED));
    assertNull(
        ProcedureSheet.timeNote("1.5 Ngày làm việc", new BigDecimal("1.5"), TimeUnit.WORKING_DAYS));
  }

  @Test
  void whatTheTextAddsIsKept() {
    assertEquals(
        "kể từ ngày nhận đủ hồ sơ hợp lệ.",
        ProcedureSheet.timeNote(
            "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", ONE, TimeUnit.WORKING_DAYS));
    assertEquals(
        "kể từ khi nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau 15 giờ thì trả kết quả trong"
            + " ngày làm việc tiếp theo.",
        ProcedureSheet.timeNote(
            "Trong 04 giờ làm việc kể từ khi"
                + " nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp"
                + " theo.",
            new BigDecimal(4),
            TimeUnit.WORKING_HOURS));
    assertEquals(
        "(đối với trường hợp phải xác minh)",
        ProcedureSheet.timeNote(
            "05 ngày làm việc, (đối với trường hợp phải xác minh)",
            new BigDecimal(5),
            TimeUnit.WORKING_DAYS));
  }

  @Test
  void aTextAboutSomethingElseIsKeptWhole() {
    String other = "Ngay trong ngày làm việc nếu nhận hồ sơ trước 15 giờ";
    assertEquals(other, ProcedureSheet.timeNote(other, ONE, TimeUnit.WORKING_DAYS));
    assertEquals(
        "20 ngày",
        ProcedureSheet.timeNote("20 ngày", new BigDecimal(10), TimeUnit.DAYS),
        "another figure is information");
    assertEquals("theo quy định", ProcedureSheet.timeNote("theo quy định", null, null));
  }

  @Test
  void aCaseNamedLikeItsSectionIsNoHeading() {
    CatalogueLabels vi =
        new CatalogueLabels(
            Map.of("procedure.components", "Thành phần hồ sơ")::get, new Locale("vi"));
    assertNull(ProcedureSheet.caseName("Thành phần hồ sơ", "procedure.components", vi));
    assertNull(ProcedureSheet.caseName("THÀNH PHẦN HỒ SƠ:", "procedure.components", vi));
    CatalogueLabels en =
        new CatalogueLabels(
            Map.of("procedure.components", "Dossier components")::get, Locale.ENGLISH);
    assertNull(ProcedureSheet.caseName("Thành phần hồ sơ", "procedure.components", en));
    assertEquals(
        "Trường hợp đăng ký lại",
        ProcedureSheet.caseName(" Trường hợp đăng ký lại ", "procedure.components", vi));
  }

  @Test
  void stepsThatNumberThemselvesAreNotNumberedTwice() {
    assertEquals(
        true,
        ProcedureSheet.numberedInText(
            java.util.List.of("Bước 1: Nộp hồ sơ", " Bước 2: Nhận kết quả")));
    assertEquals(true, ProcedureSheet.numberedInText(java.util.List.of("1. Nộp", "2) Nhận")));
    assertEquals(
        false,
        ProcedureSheet.numberedInText(java.util.List.of("Bước 1: Nộp hồ sơ", "Cơ quan xem xét")));
    assertEquals(false, ProcedureSheet.numberedInText(java.util.List.of("Nộp hồ sơ")));
  }

  /** Every time limit of the real national feed (shared data): none prints its figure twice. */
  @Test
  void noRealTimeLimitRepeatsItsFigure() throws Exception {
    int limits = 0;
    int restated = 0;
    for (jakarta.json.JsonValue v :
        org.opendvc.portal.testdata.SharedData.jsonLines("procedures_national_feed.jsonl")) {
      jakarta.json.JsonValue channels = v.asJsonObject().get("CACHTHUCTHUCHIEN");
      if (channels == null || channels.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
        continue;
      }
      for (jakarta.json.JsonValue c : channels.asJsonArray()) {
        jakarta.json.JsonValue times = c.asJsonObject().get("THOIGIAN");
        if (times == null || times.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
          continue;
        }
        for (jakarta.json.JsonValue t : times.asJsonArray()) {
          jakarta.json.JsonObject limit = t.asJsonObject();
          if (!(limit.get("THOIGIANGIAIQUYET") instanceof jakarta.json.JsonNumber n)) {
            continue;
          }
          limits++;
          String text = limit.getString("MOTA", "");
          String note = ProcedureSheet.timeNote(text, n.bigDecimalValue(), null);
          if (note == null && !text.isBlank()) {
            restated++;
          }
          assertNull(
              note == null || !note.matches("(?s)^[0-9.,]+ .*") ? null : note,
              "the figure again in \"" + text + "\"");
        }
      }
    }
    // 2,642 procedures; their descriptions only restate the figure and unit
    assertEquals(true, limits > 5000, "time limits read: " + limits);
    assertEquals(true, restated > 0.9 * limits, restated + " of " + limits + " restated");
  }
}
