package org.opendvc.portal.web.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.Tier;

class SearchParamsTest {

  private static SearchParams.Parsed parse(Map<String, String> query) {
    return SearchParams.parse(query::get);
  }

  @Test
  void readsAWellFormedSearch() {
    SearchParams.Parsed p =
        parse(
            Map.of(
                "q",
                "  đăng   ký khai sinh ",
                "level",
                "3",
                "tier",
                "COMMUNE",
                "agency",
                "000.00.12.H56",
                "field",
                "ho-tich",
                "page",
                "2"));
    assertEquals(
        new SearchParams("đăng ký khai sinh", 3, Tier.COMMUNE, "000.00.12.H56", "ho-tich", 2),
        p.params());
    assertTrue(p.notices().isEmpty());
  }

  @Test
  void dropsNonsenseWithANoticeForEach() {
    SearchParams.Parsed p = parse(Map.of("level", "abc", "tier", "xyz", "page", "-1"));
    assertEquals(SearchParams.empty(), p.params());
    assertEquals(
        List.of("notice.levelIgnored", "notice.tierIgnored", "notice.pageIgnored"),
        p.notices().stream().map(SearchParams.Notice::key).toList());
  }

  @Test
  void refusesLevelsThatDoNotExistAndPagesTooDeep() {
    SearchParams.Parsed p = parse(Map.of("level", "7", "page", "99999999999"));
    assertNull(p.params().level());
    assertEquals(1, p.params().page());
    assertEquals(2, p.notices().size());
    assertEquals(1, parse(Map.of("page", "501")).params().page());
  }

  @Test
  void takesPageZeroAsTheFirstPageWithoutFuss() {
    SearchParams.Parsed p = parse(Map.of("page", "0"));
    assertEquals(1, p.params().page());
    assertTrue(p.notices().isEmpty());
  }

  @Test
  void cutsOverlongText() {
    SearchParams.Parsed p = parse(Map.of("q", "a".repeat(500)));
    assertEquals(SearchParams.MAX_TEXT, p.params().q().length());
    assertEquals("notice.textCut", p.notices().get(0).key());
  }

  @Test
  void buildsShortAddressesWithOnlyWhatIsSet() {
    assertEquals("/procedures", SearchParams.empty().url("/procedures"));
    SearchParams p = SearchParams.empty().withText("khai sinh").withLevel(4).withPage(3);
    assertEquals("/procedures?q=khai+sinh&level=4&page=3", p.url("/procedures"));
    assertEquals(
        "/procedures?q=khai+sinh&tier=commune",
        SearchParams.empty().withText("khai sinh").withTier(Tier.COMMUNE).url("/procedures"));
    assertEquals(
        "/procedures?q=%C4%91%26x", SearchParams.empty().withText("đ&x").url("/procedures"));
  }

  @Test
  void changingAFilterGoesBackToTheFirstPage() {
    SearchParams p = SearchParams.empty().withPage(5);
    assertEquals(1, p.withLevel(2).page());
    assertEquals(1, p.withField("ho-tich").page());
  }

  @Test
  void linksOnlyToWebAddressesAndPathsOnThisSite() {
    assertEquals(
        "https://example.org/a.docx", ProcedureSheet.safeUrl(" https://example.org/a.docx "));
    assertNull(ProcedureSheet.safeUrl("javascript:alert(1)"));
    assertNull(ProcedureSheet.safeUrl("data:text/html,x"));
    assertEquals("/forms/9.001001/1", ProcedureSheet.safeUrl("/forms/9.001001/1"));
    assertNull(ProcedureSheet.safeUrl("//evil.example/x"), "protocol-relative leaves the site");
    assertNull(ProcedureSheet.safeUrl("/forms/<script>"));
    assertNull(ProcedureSheet.safeUrl("relative/path"));
    assertNull(ProcedureSheet.safeUrl("http://bad host/"));
  }
}
