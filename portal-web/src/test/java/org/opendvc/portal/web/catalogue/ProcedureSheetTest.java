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
 * national feed and the demo catalogue write them; a group named like its section is not a
 * second heading.
 */
class ProcedureSheetTest {

  private static final BigDecimal ONE = BigDecimal.ONE;

  @Test
  void aTextThatOnlyRestatesTheFigureIsDropped() {
    assertNull(ProcedureSheet.timeNote("15 Ngày làm việc", new BigDecimal("15.0"),
        TimeUnit.WORKING_DAYS));
    assertNull(ProcedureSheet.timeNote("01 ngày làm việc", ONE, TimeUnit.WORKING_DAYS));
    assertNull(ProcedureSheet.timeNote("21 Ngày", new BigDecimal(21), TimeUnit.DAYS));
    assertNull(ProcedureSheet.timeNote("1 (không ghi đơn vị)", ONE, TimeUnit.UNSPECIFIED));
    assertNull(ProcedureSheet.timeNote("  ", ONE, TimeUnit.DAYS));
  }

  @Test
  void whatTheTextAddsIsKept() {
    assertEquals("kể từ ngày nhận đủ hồ sơ hợp lệ.", ProcedureSheet.timeNote(
        "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", ONE, TimeUnit.WORKING_DAYS));
    assertEquals("kể từ khi nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau 15 giờ thì trả kết quả trong"
        + " ngày làm việc tiếp theo.", ProcedureSheet.timeNote("Trong 04 giờ làm việc kể từ khi"
        + " nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp"
        + " theo.", new BigDecimal(4), TimeUnit.WORKING_HOURS));
    assertEquals("(đối với trường hợp phải xác minh)", ProcedureSheet.timeNote(
        "05 ngày làm việc, (đối với trường hợp phải xác minh)", new BigDecimal(5),
        TimeUnit.WORKING_DAYS));
  }

  @Test
  void aTextAboutSomethingElseIsKeptWhole() {
    String other = "Ngay trong ngày làm việc nếu nhận hồ sơ trước 15 giờ";
    assertEquals(other, ProcedureSheet.timeNote(other, ONE, TimeUnit.WORKING_DAYS));
    assertEquals("20 ngày", ProcedureSheet.timeNote("20 ngày", new BigDecimal(10),
        TimeUnit.DAYS), "another figure is information");
    assertEquals("theo quy định", ProcedureSheet.timeNote("theo quy định", null, null));
  }

  @Test
  void aCaseNamedLikeItsSectionIsNoHeading() {
    CatalogueLabels vi = new CatalogueLabels(
        Map.of("procedure.components", "Thành phần hồ sơ")::get, new Locale("vi"));
    assertNull(ProcedureSheet.caseName("Thành phần hồ sơ", "procedure.components", vi));
    assertNull(ProcedureSheet.caseName("THÀNH PHẦN HỒ SƠ:", "procedure.components", vi));
    CatalogueLabels en = new CatalogueLabels(
        Map.of("procedure.components", "Dossier components")::get, Locale.ENGLISH);
    assertNull(ProcedureSheet.caseName("Thành phần hồ sơ", "procedure.components", en));
    assertEquals("Trường hợp đăng ký lại", ProcedureSheet.caseName(" Trường hợp đăng ký lại ",
        "procedure.components", vi));
  }
}
