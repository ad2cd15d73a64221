package org.opendvc.portal.infrastructure.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.catalogue.Tier;

/** The table format of the demo catalogue. */
class DemoCatalogueTest {

  private static final String FIELD =
      """
      # a comment
      == Hộ tịch
      department: JUSTICE
      agency: Sở Tư pháp
      ministry: BTP
      subjects: Công dân Việt Nam; Người nước ngoài
      form: Tờ khai
      fee: Lệ phí hộ tịch
      law: 60/2014/QH13 | Luật Hộ tịch
      document: Giấy tờ tùy thân | 0 | 1
      requirement: Không.
      keywords: hộ tịch, khai sinh
      """;

  @Test
  void readsARowWithExtraPapers() throws Exception {
    List<DemoProcedure> ps =
        DemoCatalogue.parse(
            new StringReader(
                FIELD
                    + "DC | 4h | 2000 | 3 | Chứng thực chữ ký | Giấy tờ được chứng thực | Bản chính; Ảnh*\n"
                    + "P | 2m | 0 | 4 | Thủ tục thứ hai | Kết quả\n"));
    assertEquals(2, ps.size());
    DemoProcedure p = ps.get(0);
    assertEquals("9.001001", p.code());
    assertEquals("9.001002", ps.get(1).code());
    assertEquals(Set.of(Tier.DISTRICT, Tier.COMMUNE), p.tiers());
    assertEquals(4, p.timeLimit());
    assertEquals(TimeUnit.WORKING_HOURS, p.timeUnit());
    assertEquals(TimeUnit.MONTHS, ps.get(1).timeUnit());
    assertEquals(2000, p.fee());
    assertEquals(
        List.of(new DemoField.Paper("Bản chính", 1, 0), new DemoField.Paper("Ảnh", 0, 1)),
        p.extraPapers());
    assertEquals(List.of("Công dân Việt Nam", "Người nước ngoài"), p.field().subjects());
    assertEquals(List.of("hộ tịch", "khai sinh"), p.field().keywords());
  }

  @Test
  void namesLegalTextsTheWayTheyAreCited() {
    assertEquals(
        "Luật Hộ tịch số 60/2014/QH13",
        DemoCatalogue.legalTitle(new DemoField.Law("60/2014/QH13", "Luật Hộ tịch")));
    assertEquals(
        "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc",
        DemoCatalogue.legalTitle(
            new DemoField.Law("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc")));
  }

  @Test
  void refusesBrokenRowsWithTheLineNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DemoCatalogue.parse(new StringReader(FIELD + "P | 3x | 0 | 3 | Tên | Kết quả\n")));
    assertTrue(e.getMessage().contains("line 13"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoCatalogue.parse(new StringReader(FIELD + "P | 3d | 0 | 5 | Tên | Kết quả\n")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DemoCatalogue.parse(
                new StringReader(
                    FIELD.replace("ministry: BTP\n", "") + "P | 3d | 0 | 3 | Tên | Kết quả\n")));
  }
}
