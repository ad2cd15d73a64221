package org.opendvc.portal.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRoutesTest {

  @ParameterizedTest
  @CsvSource({
    "/, /home.xhtml",
    "'', /home.xhtml",
    "/procedures, /search.xhtml",
    "/procedures/, /search.xhtml",
    "/agencies, /agencies.xhtml",
    "/tracking, /tracking.xhtml",
    "/results, /results.xhtml",
    "/satisfaction, /satisfaction.xhtml",
    "/scorecard, /scorecard.xhtml",
    "/feedback, /feedback.xhtml",
    "/officer/feedback, /officer/feedback.xhtml",
    "/open-data, /open-data.xhtml",
    "/statistics, /statistics.xhtml",
    "/login, /login.xhtml",
    "/register, /register.xhtml",
    "/register/verify, /register-verify.xhtml",
    "/my/dossiers, /my/dossiers.xhtml",
    "/officer/dossiers, /officer/dossiers.xhtml",
    "/officer/reception, /officer/reception.xhtml",
    "/admin/calendar, /admin/calendar.xhtml",
    "/admin/search, /admin/search.xhtml"
  })
  void aPlainAddressNamesItsView(String path, String view) {
    assertEquals(new PageRoutes.View(view, Map.of()), PageRoutes.resolve(path));
  }

  @Test
  void codesWithDotsAreCarriedToTheirViews() {
    assertEquals(
        new PageRoutes.View("/procedure.xhtml", Map.of(PageRoutes.CODE, "2.002621.H56")),
        PageRoutes.resolve("/procedures/2.002621.H56"));
    assertEquals(
        new PageRoutes.View("/agency.xhtml", Map.of(PageRoutes.CODE, "000.00.12.H56")),
        PageRoutes.resolve("/agencies/000.00.12.H56/"));
    assertEquals(
        new PageRoutes.View("/my/submit.xhtml", Map.of(PageRoutes.CODE, "1.000094")),
        PageRoutes.resolve("/my/submit/1.000094"));
    assertEquals(
        new PageRoutes.View("/feedback.xhtml", Map.of(PageRoutes.CODE, "PA-2026-0001")),
        PageRoutes.resolve("/feedback/PA-2026-0001"));
  }

  @Test
  void dossierCodesMustLookLikeOne() {
    String code = "000.01.31.H91-261111-0003";
    assertEquals(
        new PageRoutes.View("/my/dossier.xhtml", Map.of(PageRoutes.CODE, code)),
        PageRoutes.resolve("/my/dossiers/" + code));
    assertEquals(
        new PageRoutes.View("/officer/dossier.xhtml", Map.of(PageRoutes.CODE, code)),
        PageRoutes.resolve("/officer/dossiers/" + code));
    assertEquals(
        new PageRoutes.View("/tracking.xhtml", Map.of(PageRoutes.CODE, code)),
        PageRoutes.resolve("/tracking/" + code));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/my/dossiers/1.000094"));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/tracking/x-1-1"));
  }

  @Test
  void yearsAndFormNumbersAreNumbers() {
    assertEquals(
        new PageRoutes.View("/admin/calendar.xhtml", Map.of(PageRoutes.YEAR, 2026)),
        PageRoutes.resolve("/admin/calendar/2026"));
    assertEquals(
        new PageRoutes.View(
            "/form.xhtml", Map.of(PageRoutes.CODE, "1.000094", PageRoutes.FORM_NUMBER, 2)),
        PageRoutes.resolve("/forms/1.000094/2"));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/admin/calendar/1850"));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/forms/1.000094/0"));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/forms/1.000094"));
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve("/forms/<b>/1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/procedures/<script>",
        "/procedures/a b",
        "/agencies/..%2f",
        "/procedures/" + "x12345678901234567890123456789012345678901",
        "/kiosk/nobody here",
        "/procedures/.hidden"
      })
  void hostileCodesNameNothing(String path) {
    assertInstanceOf(PageRoutes.Malformed.class, PageRoutes.resolve(path));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/home.xhtml",
        "/static/portal.css",
        "/api/v1/procedures",
        "/officer/files/x/1",
        "/proceduresx",
        "/health/ready"
      })
  void otherAddressesAreNotOurs(String path) {
    assertInstanceOf(PageRoutes.NotOurs.class, PageRoutes.resolve(path));
  }
}
