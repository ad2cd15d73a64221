package org.opendvc.portal.infrastructure.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.NationalFeedReader;
import org.opendvc.portal.catalogue.ProcedureRecord;
import org.opendvc.portal.catalogue.search.PeopleQueriesTest;
import org.opendvc.portal.catalogue.search.PeopleQueriesTest.Case;
import org.opendvc.portal.catalogue.search.ProcedureHit;
import org.opendvc.portal.catalogue.search.ProcedureIndex;
import org.opendvc.portal.catalogue.search.SearchFixtures;
import org.opendvc.portal.catalogue.search.SearchQuery;

/**
 * The people's queries of {@link PeopleQueriesTest} against the demo catalogue (what a new
 * installation shows), for the queries the demo can answer at all (some procedure of the demo has a
 * name the query expects). The score is printed; the test fails below 85 % in the first five
 * results.
 */
class DemoPeopleQueriesTest {

  @Test
  void peoplesQueriesFindTheDemoProcedures() throws Exception {
    List<ProcedureRecord> records = new ArrayList<>();
    for (DemoProcedure p : DemoCatalogue.load()) {
      records.add(NationalFeedReader.read(DemoCatalogue.toFeedRecord(p)));
    }
    ProcedureIndex index = SearchFixtures.indexRecords(records);
    Map<String, String> names = new HashMap<>();
    records.forEach(r -> names.put(r.code(), SearchFixtures.plainName(r.name())));
    int answerable = 0;
    int top5 = 0;
    List<String> misses = new ArrayList<>();
    for (Case c : PeopleQueriesTest.cases()) {
      if (names.values().stream().noneMatch(n -> c.expected().matcher(n).find())) {
        continue;
      }
      answerable++;
      List<ProcedureHit> hits =
          index.search(new SearchQuery(c.query(), null, null, null, null, 0, 5)).hits().items();
      if (hits.stream().anyMatch(h -> c.expected().matcher(names.get(h.code())).find())) {
        top5++;
      } else {
        misses.add(c.query());
      }
    }
    String score =
        String.format(
            java.util.Locale.ROOT,
            "people's queries on the demo catalogue: %d answerable, top 5 %.1f %%",
            answerable,
            100.0 * top5 / answerable);
    System.out.println(score);
    misses.forEach(m -> System.out.println("  demo miss: " + m));
    assertTrue(answerable >= 60, score);
    assertTrue(top5 >= 0.85 * answerable, score + " " + misses);
  }
}
