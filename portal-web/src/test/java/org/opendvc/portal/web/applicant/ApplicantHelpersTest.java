package org.opendvc.portal.web.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.web.shared.Formats;

/** The pure rules behind the applicant's pages. */
class ApplicantHelpersTest {

  @Test
  void datesAreShownInVietnamTime() {
    assertEquals("02/03/2026 09:00", Formats.when(Instant.parse("2026-03-02T02:00:00Z")));
    assertEquals("03/03/2026", Formats.day(Instant.parse("2026-03-02T17:30:00Z")));
    assertEquals("–", Formats.when(null));
  }

  @Test
  void pageNumbersFallBackToTheFirstPage() {
    assertEquals(1, ApplicantFormat.page(null));
    assertEquals(1, ApplicantFormat.page("abc"));
    assertEquals(1, ApplicantFormat.page("0"));
    assertEquals(1, ApplicantFormat.page("-3"));
    assertEquals(1, ApplicantFormat.page("99999999999"));
    assertEquals(3, ApplicantFormat.page(" 3 "));
  }

  @Test
  void versionsAreNumbersOrNothing() {
    assertEquals(7, ApplicantFormat.version("7"));
    assertNull(ApplicantFormat.version(""));
    assertNull(ApplicantFormat.version("7; drop"));
    assertNull(ApplicantFormat.version(null));
  }

  @Test
  void answersBecomeAFlatJsonObjectWithoutBlanks() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("content", " Cấp bản sao \"trích lục\"\nhai bản ");
    answers.put("component_1", "");
    answers.put("component_2", "a\\b\tc\u0001");
    assertEquals(
        "{\"content\":\"Cấp bản sao \\\"trích lục\\\"\\nhai bản\","
            + "\"component_2\":\"a\\\\b\\tc\\u0001\"}",
        FormAnswers.toJson(answers));
    assertNull(FormAnswers.toJson(Map.of("content", "  ")));
  }

  @Test
  void componentKeysRoundTrip() {
    assertEquals("component_12", FormAnswers.componentKey(12));
    assertEquals(12, FormAnswers.componentNumber("component_12"));
    assertEquals(0, FormAnswers.componentNumber("component_x"));
    assertEquals(0, FormAnswers.componentNumber("component_0"));
    assertEquals(0, FormAnswers.componentNumber("content"));
  }

  @Test
  void componentsAreNumberedAcrossCasesSkippingNamelessOnes() {
    ProcedureDetails details =
        new ProcedureDetails(
            null,
            null,
            List.of(
                new ProcedureDetails.ComponentGroup(
                    "Trường hợp 1",
                    List.of(
                        new ProcedureDetails.Document(
                            "Tờ khai", "Mẫu 01", "/forms/9.001001/1", 1, 0),
                        new ProcedureDetails.Document(" ", null, null, 1, 0))),
                new ProcedureDetails.ComponentGroup(
                    null,
                    List.of(
                        new ProcedureDetails.Document(
                            "Giấy chứng sinh", null, "javascript:alert(1)", 0, 1)))),
            null,
            null,
            null,
            null,
            null,
            null);
    List<Components.Component> c = Components.of(details);
    assertEquals(2, c.size());
    assertEquals(1, c.get(0).number());
    assertEquals("/forms/9.001001/1", c.get(0).formUrl());
    assertEquals("component_1", c.get(0).key());
    assertEquals(2, c.get(1).number());
    assertEquals("Giấy chứng sinh", c.get(1).name());
    assertNull(c.get(1).formUrl(), "only safe links");
    assertTrue(Components.of(null).isEmpty());
  }

  @Test
  void problemsGoNextToTheirInputWithTheLabelInsteadOfTheApiName() {
    List<FieldProblem> problems =
        List.of(
            new FieldProblem("applicant.idNumber", "dossier.fieldRequired", "applicant.idNumber"),
            new FieldProblem("applicant.idNumber", "dossier.citizenIdInvalid"),
            new FieldProblem("applicant.email", "dossier.fieldFormat", "applicant.email"),
            new FieldProblem("channel", "dossier.levelTwo", "9.001001", "/procedures/9.001001"));
    FieldErrors errors =
        new FieldErrors(
            problems,
            f -> SubmitPage.inputOf(f, Set.of("content")),
            input -> "<" + input + ">",
            (key, args) -> key + Arrays.toString(args));
    assertEquals(
        "dossier.fieldRequired[<idNumber>]",
        errors.byInput().get("idNumber"),
        "the first problem of an input wins");
    assertEquals("dossier.fieldFormat[<email>]", errors.byInput().get("email"));
    assertEquals(List.of("dossier.levelTwo[9.001001, /procedures/9.001001]"), errors.general());
    assertTrue(FieldErrors.none().isEmpty());
  }

  @Test
  void serviceFieldsMapToTheFormsInputs() {
    Set<String> birth = Set.of("child.fullName", "content");
    assertEquals("fullName", SubmitPage.inputOf("applicant.fullName", birth));
    assertEquals("type", SubmitPage.inputOf("applicant.type", birth));
    assertEquals("child.fullName", SubmitPage.inputOf("form.child.fullName", birth));
    assertEquals("content", SubmitPage.inputOf("form.x", birth));
    assertNull(SubmitPage.inputOf("form.x", Set.of("child.fullName")));
    assertEquals("component-2", SubmitPage.inputOf("components.2", birth));
    assertNull(SubmitPage.inputOf("applicant.owner", birth));
    assertNull(SubmitPage.inputOf("agencyCode", birth));
  }
}
