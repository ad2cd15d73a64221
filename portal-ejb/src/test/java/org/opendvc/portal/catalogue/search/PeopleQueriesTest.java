package org.opendvc.portal.catalogue.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureRecord;

/**
 * The portal's own relevance set: queries in the words people use (colloquial names, abbreviations,
 * old names, everyday verbs, English), each with the procedures that answer it, run against the
 * real national catalogue with the shipped dictionary. The score is printed; the test fails when
 * fewer than {@link #MIN_TOP_10} of the queries find an answer in the first ten results or fewer
 * than {@link #MIN_TOP_5} in the first five.
 */
public class PeopleQueriesTest {

  /** Below this the search is back to missing one query in five, what people complained about. */
  static final double MIN_TOP_10 = 0.90;

  static final double MIN_TOP_5 = 0.85;

  /** One query and the names that answer it. */
  public record Case(String query, Pattern expected) {}

  private static ProcedureIndex index;
  private static Map<String, String> nameByCode;

  @BeforeAll
  static void load() throws IOException {
    SearchFixtures.NationalCatalogue national = SearchFixtures.national();
    List<ProcedureRecord> records = national.records();
    index = national.index();
    nameByCode = new HashMap<>();
    records.forEach(r -> nameByCode.put(r.code(), ProcedureIndex.exactForm(r.name())));
  }

  public static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                PeopleQueriesTest.class.getResourceAsStream("/search/people-queries.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        out.add(new Case(cols[0].strip(), Pattern.compile(cols[1].strip())));
      }
    }
    return out;
  }

  /** The rank (1-based) of the first good answer in the first n results, 0 when none. */
  private static int rank(Case c, int n) {
    List<ProcedureHit> hits =
        index.search(new SearchQuery(c.query(), null, null, null, null, 0, n)).hits().items();
    for (int i = 0; i < hits.size(); i++) {
      if (c.expected().matcher(nameByCode.get(hits.get(i).code())).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  @Test
  void mostQueriesInPeoplesWordsFindTheirProcedure() throws IOException {
    List<Case> cases = cases();
    int top1 = 0;
    int top5 = 0;
    int top10 = 0;
    List<String> misses = new ArrayList<>();
    long started = System.nanoTime();
    for (Case c : cases) {
      int rank = rank(c, 10);
      top1 += rank == 1 ? 1 : 0;
      top5 += rank >= 1 && rank <= 5 ? 1 : 0;
      top10 += rank >= 1 ? 1 : 0;
      if (rank == 0 || rank > 5) {
        misses.add("'" + c.query() + "' rank " + rank);
      }
    }
    int n = cases.size();
    double millis = (System.nanoTime() - started) / 1e6 / n;
    String score =
        String.format(
            java.util.Locale.ROOT,
            "people's queries: %d; first %.1f %%, top 5 %.1f %%, top 10 %.1f %% (%.1f ms a search)",
            n,
            100.0 * top1 / n,
            100.0 * top5 / n,
            100.0 * top10 / n,
            millis);
    System.out.println(score);
    misses.forEach(m -> System.out.println("  below top 5: " + m));
    assertTrue(n >= 150, "at least 150 queries: " + n);
    assertTrue(top10 >= MIN_TOP_10 * n, score + "; " + misses);
    assertTrue(top5 >= MIN_TOP_5 * n, score + "; " + misses);
  }
}
