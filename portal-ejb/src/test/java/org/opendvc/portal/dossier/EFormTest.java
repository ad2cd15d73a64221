package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.catalogue.ProcedureDetails.Document;
import org.opendvc.portal.shared.FieldProblem;

/** The e-form numbers a procedure's dossier components and bounds the form answers. */
class EFormTest {

  private static ProcedureDetails details(List<ComponentGroup> groups) {
    return new ProcedureDetails(null, null, groups, null, null, null, null, null, null);
  }

  @Test
  void numbersComponentsAcrossCasesFromOne() {
    EForm f =
        EForm.of(
            "9.001001",
            "Đăng ký khai sinh",
            details(
                List.of(
                    new ComponentGroup(
                        null,
                        List.of(
                            new Document(
                                "Tờ khai đăng ký khai sinh", "Tờ khai", "https://x/tk.docx", 1, 0),
                            new Document("Giấy chứng sinh", null, " ", 1, 0))),
                    new ComponentGroup(
                        "Trường hợp ủy quyền",
                        List.of(
                            new Document("Văn bản ủy quyền", null, null, 0, 1),
                            new Document("Giấy tờ nếu có", null, null, 0, 0),
                            new Document(" ", null, null, 1, 0))))));
    assertEquals(4, f.components().size(), "a nameless paper is no component");
    EForm.Component first = f.component(1).orElseThrow();
    assertEquals("Tờ khai đăng ký khai sinh", first.name());
    assertEquals("https://x/tk.docx", first.formUrl());
    assertEquals(null, f.component(2).orElseThrow().formUrl(), "blank is absent");
    assertEquals("Trường hợp ủy quyền", f.component(3).orElseThrow().caseName());
    assertTrue(f.component(3).orElseThrow().fileExpected());
    assertFalse(f.component(4).orElseThrow().fileExpected());
    assertTrue(f.component(0).isEmpty());
    assertTrue(f.component(5).isEmpty());
    assertEquals("applicant.fullName", f.applicantFields().get(1).name());
  }

  @Test
  void aProcedureWithoutDetailsHasNoComponents() {
    assertEquals(List.of(), EForm.of("x", "y", null).components());
  }

  @Test
  void formAnswersAreBounded() {
    assertEquals(List.of(), EForm.check(null));
    assertEquals(
        List.of(),
        EForm.check(
            "{\"tenTre\":\"Nguyễn Văn Bình\",\"ngaySinh\":\"2026-01-02\","
                + "\"cha\":{\"hoTen\":\"A\",\"namSinh\":1990},\"list\":[1,2]}"));
    assertEquals("eform.keyInvalid", EForm.check("{\"bad key!\":1}").get(0).messageKey());
    assertEquals(
        "eform.tooDeep",
        EForm.check("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}").get(0).messageKey());
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 201; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    List<FieldProblem> p = EForm.check(many.append('}').toString());
    assertEquals("eform.tooManyKeys", p.get(0).messageKey());
    assertEquals(
        "eform.tooLarge",
        EForm.check("{\"a\":\"" + "x".repeat(70_000) + "\"}").get(0).messageKey());
    assertEquals("dossier.formInvalid", EForm.check("[1]").get(0).messageKey());
  }
}
