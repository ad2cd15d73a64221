package org.opendvc.portal.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureRecord;
import org.opendvc.portal.shared.TextFolding;

/**
 * Search quality on the real national catalogue (2,642 procedures): queries typed the way citizens
 * type them, without tones, in part, with a typo. Each must find the right procedure in the first
 * results; procedures with the same name count as the same answer.
 */
@Order(1) // the longest unit-test class: handed out first, the others run beside it
class SearchRelevanceTest {

  private static ProcedureIndex index;
  private static List<ProcedureRecord> records;
  private static Map<String, String> exactNameByCode;

  /**
   * For each word, the names that hold it: folded, their words joined by single spaces, with a
   * space at each end.
   */
  private static Map<String, Set<String>> spacedFoldedNamesByWord;

  @BeforeAll
  static void load() throws Exception {
    SearchFixtures.NationalCatalogue national = SearchFixtures.national();
    records = national.records();
    index = national.index();
    exactNameByCode = new HashMap<>();
    records.forEach(r -> exactNameByCode.put(r.code(), ProcedureIndex.exactForm(r.name())));
    spacedFoldedNamesByWord = new HashMap<>();
    for (ProcedureRecord r : records) {
      String words = wordsOf(r.name());
      for (String word : words.split(" ")) {
        spacedFoldedNamesByWord.computeIfAbsent(word, k -> new HashSet<>()).add(" " + words + " ");
      }
    }
  }

  /** The name folded (no tones, lower case), its words joined by single spaces. */
  private static String wordsOf(String name) {
    return TextFolding.fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static List<String> top(String query, int n) {
    return index
        .search(new SearchQuery(query, null, null, null, null, 0, n))
        .hits()
        .items()
        .stream()
        .map(ProcedureHit::code)
        .toList();
  }

  /** Whether one of the first n hits is the procedure, or one with the very same name. */
  private static boolean found(String query, ProcedureRecord expected, int n) {
    String name = exactNameByCode.get(expected.code());
    return top(query, n).stream().anyMatch(c -> exactNameByCode.get(c).equals(name));
  }

  private static String nameOfFirst(String query) {
    List<String> codes = top(query, 1);
    return codes.isEmpty()
        ? ""
        : records.stream()
            .filter(r -> r.code().equals(codes.get(0)))
            .findFirst()
            .orElseThrow()
            .name();
  }

  @Test
  void handWrittenCitizenQueries() {
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("dang ky khai sinh"));
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("Đăng ký khai sinh"));
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("dang ki khai sinh"), "ki for ký");
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("dang ky khia sinh"));
    assertEquals("Thủ tục đăng ký kết hôn", nameOfFirst("dang ky ket hon"));
    assertEquals("Thủ tục đăng ký khai tử", nameOfFirst("dang ky khai tu"));
    assertEquals("Cấp giấy phép lái xe", nameOfFirst("cap giay phep lai xe"));
    assertEquals("Đổi giấy phép lái xe", nameOfFirst("doi giay phep lai xe"));
    assertEquals("Đổi giấy phép lái xe", nameOfFirst("DOI GIAY PHEP LAI XE"));
    assertEquals("Đăng ký thành lập hộ kinh doanh", nameOfFirst("dang ky thanh lap ho kinh doanh"));
    assertTrue(TextFolding.fold(nameOfFirst("ly lich tu phap")).contains("ly lich tu phap"));
    assertTrue(
        TextFolding.fold(nameOfFirst("cap ho chieu pho thong")).contains("ho chieu pho thong"));
    assertEquals("1.001193", top("1.001193", 1).get(0));
  }

  @Test
  void peoplesWordsFromTheComplaint() {
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("làm giấy khai sinh"));
    assertEquals("Thủ tục đăng ký khai sinh", nameOfFirst("lam giay khai sinh"));
    assertEquals("Đăng ký thường trú", nameOfFirst("đăng ký hộ khẩu"));
    assertEquals("Thủ tục đăng ký khai tử", nameOfFirst("giấy báo tử"));
    assertTrue(
        TextFolding.fold(nameOfFirst("sổ đỏ")).contains("giay chung nhan quyen su dung dat"),
        nameOfFirst("sổ đỏ"));
    assertTrue(
        TextFolding.fold(nameOfFirst("BHYT")).contains("bao hiem y te"), nameOfFirst("BHYT"));
    assertTrue(
        TextFolding.fold(nameOfFirst("làm CCCD")).contains("can cuoc"), nameOfFirst("làm CCCD"));
    assertTrue(TextFolding.fold(nameOfFirst("birth certificate")).contains("khai sinh"));
  }

  @Test
  void aShortWordTypedWithTonesDoesNotMatchTheSameLettersWithout() {
    // "đỏ" (red) alone: no catalogue name holds it, whereas "do" (by) is in hundreds
    assertEquals(List.of(), top("đỏ", 10));
    assertTrue(top("do", 10).size() == 10);
    // "sổ" (book) is not "số" (number)
    for (String code : top("sổ", 10)) {
      String name =
          records.stream()
              .filter(r -> r.code().equals(code))
              .findFirst()
              .orElseThrow()
              .name()
              .toLowerCase(java.util.Locale.ROOT);
      assertTrue(name.contains("sổ"), name);
    }
  }

  @Test
  void atLeast95PercentOfGeneratedQueriesFindTheirProcedure() {
    Random random = new Random(20261127L);
    Map<String, int[]> byKind = new HashMap<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ProcedureRecord r = records.get(random.nextInt(records.size()));
      String folded = TextFolding.fold(r.name());
      String[] words = wordsOf(r.name()).split(" ");
      Map<String, String> queries = new HashMap<>();
      queries.put("full name without tones", folded);
      String window = distinctiveWindow(words, random);
      if (window != null) {
        queries.put("partial phrase", window);
        String typo = withTypo(window, random);
        if (typo != null) {
          queries.put("partial phrase with a typo", typo);
        }
      }
      for (Map.Entry<String, String> q : queries.entrySet()) {
        int n = q.getKey().startsWith("full") ? 3 : 5;
        boolean hit = found(q.getValue(), r, n);
        int[] counts = byKind.computeIfAbsent(q.getKey(), k -> new int[2]);
        counts[0]++;
        if (hit) {
          counts[1]++;
        } else {
          misses.add(q.getKey() + ": '" + q.getValue() + "' -> " + r.code());
        }
      }
    }
    int total = byKind.values().stream().mapToInt(c -> c[0]).sum();
    int hits = byKind.values().stream().mapToInt(c -> c[1]).sum();
    String report =
        byKind.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0])
            .collect(Collectors.joining(", "));
    System.out.printf(
        "search relevance: %d/%d (%.1f %%): %s%n", hits, total, 100.0 * hits / total, report);
    misses.stream().limit(15).forEach(m -> System.out.println("  miss " + m));
    assertTrue(total > 900, "enough queries: " + total);
    assertTrue(hits >= 0.95 * total, report + "; misses e.g. " + misses.stream().limit(5).toList());
  }

  /**
   * A run of 3 to 6 words of the name that at most three different names contain: what a person
   * remembers of a procedure. Null when the name has none.
   */
  private static String distinctiveWindow(String[] words, Random random) {
    if (words.length < 3) {
      return null;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      int len = 3 + random.nextInt(Math.min(4, words.length - 2));
      int start = random.nextInt(words.length - len + 1);
      String window = String.join(" ", Arrays.copyOfRange(words, start, start + len));
      String spaced = " " + window + " ";
      // only the names that hold the window's rarest word can hold the window
      Set<String> names =
          Arrays.stream(words, start, start + len)
              .map(w -> spacedFoldedNamesByWord.getOrDefault(w, Set.of()))
              .min(Comparator.comparingInt(Set::size))
              .orElseThrow()
              .stream()
              .filter(n -> n.contains(spaced))
              .collect(Collectors.toSet());
      if (names.size() <= 3) {
        return window;
      }
    }
    return null;
  }

  /**
   * The text with one typing slip (a letter dropped, doubled, swapped or replaced) in a long word.
   */
  private static String withTypo(String text, Random random) {
    String[] words = text.split(" ");
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 4 && words[i].chars().allMatch(Character::isLetter)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    int w = candidates.get(random.nextInt(candidates.size()));
    StringBuilder word = new StringBuilder(words[w]);
    int pos = 1 + random.nextInt(word.length() - 2);
    switch (random.nextInt(4)) {
      case 0 -> word.deleteCharAt(pos);
      case 1 -> word.insert(pos, word.charAt(pos));
      case 2 -> {
        char c = word.charAt(pos);
        word.setCharAt(pos, word.charAt(pos + 1));
        word.setCharAt(pos + 1, c);
      }
      default -> word.setCharAt(pos, word.charAt(pos) == 'a' ? 'e' : 'a');
    }
    words[w] = word.toString();
    return String.join(" ", words);
  }
}
