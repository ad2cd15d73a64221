package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.catalogue.ProcedureDetails.Document;
import org.opendvc.portal.shared.FieldProblem;

/** E-form definitions per procedure: which applies, what they check, which papers are required. */
class FormDefinitionTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  private static Map<String, String> birth() {
    Map<String, String> a = new HashMap<>();
    a.put("child.fullName", "Nguyễn Văn Bé");
    a.put("child.birthDate", "2026-03-01");
    a.put("child.birthPlace", "Trạm y tế xã Đức Tú");
    a.put("child.sex", "NU");
    a.put("mother.fullName", "Trần Thị Mẹ");
    return a;
  }

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void theShippedDefinitionsApplyByFoldedNameAndOthersGetTheGenericForm() {
    FormDefinitions d = FormDefinitions.shipped();
    assertEquals("birth", d.forProcedure("9.001001", "Đăng ký khai sinh").id());
    assertEquals("birth", d.forProcedure("1.001193", "Đăng ký lại khai sinh").id());
    assertEquals("death", d.forProcedure("x", "ĐĂNG KÝ KHAI TỬ").id());
    assertEquals("marriage", d.forProcedure("x", "Đăng ký kết hôn có yếu tố nước ngoài").id());
    assertEquals("permanent-residence", d.forProcedure("x", "Đăng ký thường trú").id());
    assertEquals("household-business", d.forProcedure("x", "Đăng ký thành lập hộ kinh doanh").id());
    assertEquals("generic", d.forProcedure("x", "Cấp giấy phép khai thác khoáng sản").id());
    assertEquals(
        "generic",
        d.forProcedure("x", "Cấp bản sao trích lục khai sinh").id(),
        "the pattern is anchored at the start of the name");
  }

  @Test
  void aCompleteBirthRegistrationPasses() {
    FormDefinition birth = FormDefinitions.shipped().forProcedure("9.001001", "Đăng ký khai sinh");
    assertEquals(List.of(), birth.check(birth(), TODAY));
  }

  @Test
  void eachWrongFieldIsNamedInTheOrderOfTheForm() {
    FormDefinition birth = FormDefinitions.shipped().forProcedure("9.001001", "Đăng ký khai sinh");
    Map<String, String> a = birth();
    a.remove("child.fullName");
    a.put("child.birthDate", "2026-02-30");
    a.put("child.sex", "X");
    a.put("mother.idNumber", "12345");
    a.put("mother.fullName", "   ");
    List<FieldProblem> problems = birth.check(a, TODAY);
    assertEquals(
        List.of(
            "form.child.fullName",
            "form.child.birthDate",
            "form.child.sex",
            "form.mother.fullName",
            "form.mother.idNumber"),
        fields(problems));
    assertEquals(
        List.of(
            "eform.fieldRequired",
            "eform.fieldDate",
            "eform.fieldChoice",
            "eform.fieldRequired",
            "eform.fieldPattern"),
        problems.stream().map(FieldProblem::messageKey).toList());
    assertEquals("Họ, chữ đệm và tên của trẻ", problems.get(0).args()[0]);
    assertEquals("Child's full name", problems.get(0).args()[1]);
  }

  @Test
  void aBirthDateMayBeTodayButNotTomorrow() {
    FormDefinition birth = FormDefinitions.shipped().forProcedure("9.001001", "Đăng ký khai sinh");
    Map<String, String> a = birth();
    a.put("child.birthDate", "2026-03-10");
    assertEquals(List.of(), birth.check(a, TODAY));
    a.put("child.birthDate", "2026-03-11");
    assertEquals("eform.fieldFuture", birth.check(a, TODAY).get(0).messageKey());
  }

  @Test
  void numbersAreCheckedAgainstTheirBounds() {
    FormDefinition business =
        FormDefinitions.shipped().forProcedure("x", "Đăng ký thành lập hộ kinh doanh");
    Map<String, String> a =
        new HashMap<>(
            Map.of(
                "business.name",
                "Tạp hóa Bình An",
                "business.address",
                "Thôn Đông",
                "business.activity",
                "Bán lẻ",
                "business.capital",
                "50000000"));
    assertEquals(List.of(), business.check(a, TODAY));
    a.put("business.capital", "-1");
    assertEquals("eform.fieldRange", business.check(a, TODAY).get(0).messageKey());
    a.put("business.capital", "năm mươi triệu");
    assertEquals("eform.fieldNumber", business.check(a, TODAY).get(0).messageKey());
    a.put("business.capital", "0");
    a.put("business.workers", "1001");
    assertEquals(List.of("form.business.workers"), fields(business.check(a, TODAY)));
  }

  @Test
  void aTooLongAnswerIsRefused() {
    FormDefinition birth = FormDefinitions.shipped().forProcedure("9.001001", "Đăng ký khai sinh");
    Map<String, String> a = birth();
    a.put("child.fullName", "A".repeat(101));
    assertEquals("eform.fieldTooLong", birth.check(a, TODAY).get(0).messageKey());
  }

  @Test
  void wrongDefinitionsAreRefusedWhenRead() {
    String head =
        "{\"generic\":{\"id\":\"g\",\"fields\":[]},\"definitions\":[{\"id\":\"d\","
            + "\"names\":[\"^x\"],\"fields\":[";
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FormDefinitions.parse(
                head + "{\"key\":\"a\",\"type\":\"colour\",\"label\":{\"vi\":\"A\"}}]}]}"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FormDefinitions.parse(
                head + "{\"key\":\"a\",\"type\":\"choice\",\"label\":{\"vi\":\"A\"}}]}]}"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FormDefinitions.parse(
                head
                    + "{\"key\":\"a\",\"type\":\"text\",\"label\":{\"vi\":\"A\"}},"
                    + "{\"key\":\"a\",\"type\":\"text\",\"label\":{\"vi\":\"B\"}}]}]}"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FormDefinitions.parse(
                head + "{\"key\":\"bad key\",\"type\":\"text\",\"label\":{\"vi\":\"A\"}}]}]}"));
    FormDefinitions ok =
        FormDefinitions.parse(
            head
                + "{\"key\":\"a\",\"type\":\"text\",\"required\":true,\"label\":{\"vi\":\"A\"}}]}]}");
    assertEquals("d", ok.forProcedure("1", "X y").id(), "names match the folded name");
    assertEquals("g", ok.forProcedure("1", "y").id());
  }

  @Test
  void answersAreShownWithTheirLabelsInThePagesLanguage() {
    EForm f = EForm.of("9.001001", "Đăng ký khai sinh", ProcedureDetails.empty());
    String json = "{\"child.sex\":\"NU\",\"child.fullName\":\"Nguyễn Thị Bé\",\"other\":\"x\"}";
    List<EForm.Answer> en = f.answers(json, Locale.ENGLISH);
    assertEquals(
        List.of("Child's full name", "Sex", "other"),
        en.stream().map(EForm.Answer::label).toList(),
        "in the order of the definition");
    assertEquals("Female", en.get(1).value());
    assertEquals("Nữ", f.answers(json, new Locale("vi")).get(1).value());
    assertEquals(
        "15/03/2025",
        f.answers("{\"child.birthDate\":\"2025-03-15\"}", Locale.ENGLISH).get(0).value());
  }

  @Test
  void requiredPapersLeaveOutConditionalOnesAlternativeCasesAndTheFormFilledOnline() {
    ProcedureDetails details =
        new ProcedureDetails(
            null,
            null,
            List.of(
                new ComponentGroup(
                    null,
                    List.of(
                        new Document("Tờ khai đăng ký khai sinh", "Tờ khai", "/forms/x/1", 1, 0),
                        new Document("Giấy chứng sinh", null, null, 1, 0),
                        new Document("Giấy tờ tùy thân", null, null, 0, 1),
                        new Document("Văn bản ủy quyền (trường hợp ủy quyền)", null, null, 1, 0),
                        new Document("Giấy tờ chứng minh nơi cư trú (nếu có)", null, null, 0, 1),
                        new Document("Ảnh", null, null, 0, 0)))),
            null,
            null,
            null,
            null,
            null,
            null);
    EForm birth = EForm.of("9.001001", "Đăng ký khai sinh", details);
    assertEquals(
        List.of(false, true, true, false, false, false),
        birth.components().stream().map(EForm.Component::required).toList());
    EForm generic = EForm.of("9.099001", "Cấp phép", details);
    assertTrue(
        generic.component(1).orElseThrow().required(),
        "without an e-form of its own, the declaration is a paper to bring");

    ProcedureDetails cases =
        new ProcedureDetails(
            null,
            null,
            List.of(
                new ComponentGroup("Trường hợp 1", List.of(new Document("A", null, null, 1, 0))),
                new ComponentGroup("Trường hợp 2", List.of(new Document("B", null, null, 1, 0)))),
            null,
            null,
            null,
            null,
            null,
            null);
    assertFalse(EForm.of("9.099001", "Cấp phép", cases).component(1).orElseThrow().required());
  }
}
