package org.opendvc.portal.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.catalogue.search.IndexedProcedure.OfferedAt;

class ProcedureIndexTest {

  private static IndexedProcedure p(
      String code,
      String name,
      String field,
      Set<Tier> tiers,
      OnlineLevel level,
      OfferedAt... offerings) {
    return new IndexedProcedure(code, name, field, null, tiers, level, List.of(offerings));
  }

  private static final ProcedureIndex INDEX =
      ProcedureIndex.build(
          List.of(
              p(
                  "1.001193",
                  "Thủ tục đăng ký khai sinh",
                  "Hộ tịch",
                  Set.of(Tier.COMMUNE),
                  OnlineLevel.LEVEL_3,
                  new OfferedAt("X1", Tier.COMMUNE, 4),
                  new OfferedAt("X2", Tier.COMMUNE, 3)),
              p(
                  "1.003583",
                  "Thủ tục đăng ký khai sinh lưu động",
                  "Hộ tịch",
                  Set.of(Tier.COMMUNE),
                  OnlineLevel.LEVEL_2,
                  new OfferedAt("X1", Tier.COMMUNE, 2)),
              p(
                  "2.000528",
                  "Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
                  "Hộ tịch",
                  Set.of(Tier.DISTRICT),
                  OnlineLevel.LEVEL_3),
              p(
                  "1.000894",
                  "Thủ tục đăng ký kết hôn",
                  "Hộ tịch",
                  Set.of(Tier.COMMUNE),
                  OnlineLevel.LEVEL_3,
                  new OfferedAt("X2", Tier.COMMUNE, 3)),
              p(
                  "1.004227",
                  "Sinh hoạt đăng ký khai báo tạm trú",
                  "Cư trú",
                  Set.of(Tier.COMMUNE),
                  OnlineLevel.LEVEL_3),
              p(
                  "2.002621.H56",
                  "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                  "Xây dựng",
                  Set.of(Tier.DISTRICT),
                  OnlineLevel.LEVEL_4,
                  new OfferedAt("D1", Tier.DISTRICT, 4)),
              p(
                  "1.000001",
                  "Đổi giấy phép lái xe",
                  "Đường bộ",
                  Set.of(Tier.PROVINCE),
                  OnlineLevel.LEVEL_4)),
          7L);

  private static List<String> codes(String text) {
    return INDEX.search(SearchQuery.text(text)).hits().items().stream()
        .map(ProcedureHit::code)
        .toList();
  }

  @Test
  void theProcedureNamedByTheQueryComesFirstWithOrWithoutTones() {
    assertEquals("1.001193", codes("Thủ tục đăng ký khai sinh").get(0));
    assertEquals("1.001193", codes("dang ky khai sinh").get(0));
    assertEquals("1.001193", codes("DANG KY KHAI SINH").get(0));
    assertEquals("1.000001", codes("doi giay phep lai xe").get(0), "đ is typed as d");
  }

  @Test
  void aPhraseRanksAboveTheSameWordsScattered() {
    List<String> codes = codes("khai sinh");
    assertTrue(
        codes.indexOf("1.004227") > codes.indexOf("2.000528"),
        "'Sinh hoạt ... khai báo' must come after the phrase matches: " + codes);
  }

  @Test
  void oneTypoPerWordIsForgiven() {
    assertEquals("1.001193", codes("dang ky khia sinh").get(0));
    assertEquals("1.000894", codes("dang ky ket hno").get(0));
    assertEquals("2.002621.H56", codes("giay phep xay dungg").get(0));
  }

  @Test
  void aCodeFindsItsProcedure() {
    assertEquals(List.of("2.002621.H56"), codes("2.002621.H56").subList(0, 1));
    assertEquals("1.000894", codes("1.000894").get(0));
  }

  @Test
  void nothingMatchesNonsense() {
    assertEquals(List.of(), codes("qwxz pltk"));
  }

  @Test
  void filtersApplyAndFacetsCountTheOtherFilters() {
    SearchResult all = INDEX.search(new SearchQuery("", null, null, null, null, 0, 20));
    assertEquals(7, all.hits().total());
    SearchResult level4 = INDEX.search(new SearchQuery("", 4, null, null, null, 0, 20));
    assertEquals(
        Set.of("1.001193", "2.002621.H56", "1.000001"),
        Set.copyOf(level4.hits().items().stream().map(ProcedureHit::code).toList()));
    // the level facet ignores the level filter itself, so every level stays selectable
    assertEquals(Map.of("2", 1L, "3", 4L, "4", 3L), level4.facets().get(SearchResult.LEVEL));
    // other facets count within the level filter
    assertEquals(
        Map.of("commune", 1L, "district", 1L, "province", 1L),
        level4.facets().get(SearchResult.TIER));
    SearchResult atX1level2 =
        INDEX.search(new SearchQuery("khai sinh", 2, null, "X1", null, 0, 20));
    assertEquals(
        List.of("1.003583"),
        atX1level2.hits().items().stream().map(ProcedureHit::code).toList(),
        "agency and level together mean that level at that agency");
    SearchResult field = INDEX.search(new SearchQuery("", null, null, null, "Xây dựng", 0, 20));
    assertEquals(1, field.hits().total());
    SearchResult tier =
        INDEX.search(new SearchQuery("dang ky", null, Tier.DISTRICT, null, null, 0, 20));
    assertEquals(
        List.of("2.000528"), tier.hits().items().stream().map(ProcedureHit::code).toList());
  }

  @Test
  void pagesSplitTheRankedList() {
    List<String> first =
        INDEX
            .search(new SearchQuery("dang ky", null, null, null, null, 0, 2))
            .hits()
            .items()
            .stream()
            .map(ProcedureHit::code)
            .toList();
    SearchResult second = INDEX.search(new SearchQuery("dang ky", null, null, null, null, 1, 2));
    assertEquals(2, first.size());
    assertEquals(2, second.hits().items().size());
    assertTrue(second.hits().items().stream().noneMatch(h -> first.contains(h.code())));
    assertEquals(second.hits().total(), 5);
  }
}
