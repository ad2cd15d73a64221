package org.opendvc.portal.catalogue.search;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opendvc.portal.catalogue.NationalFeedReader;
import org.opendvc.portal.catalogue.ProcedureRecord;
import org.opendvc.portal.catalogue.search.SearchDictionary.Kind;
import org.opendvc.portal.catalogue.search.SearchDictionary.NationalService;
import org.opendvc.portal.catalogue.search.SearchDictionary.Term;
import org.opendvc.portal.testdata.SharedData;

/**
 * Indexes as the portal builds them, for tests: with the dictionary the schema migration ships
 * (read from the migration itself, so the tests measure what a new installation gets).
 */
public final class SearchFixtures {

  static final String SEED = "/db/migration/V12__search_dictionary.sql";

  /** The real national catalogue, read and indexed once per test run: see {@link #national()}. */
  private static NationalCatalogue national;

  private SearchFixtures() {}

  /**
   * The real national catalogue of the shared data ({@code procedures_national_feed.jsonl}), its
   * records and their index with the shipped dictionary: the relevance sets run against the same
   * read-only index instead of each reading the 20 MB feed and indexing it again. Skips the calling
   * test when the shared data is absent.
   */
  public static synchronized NationalCatalogue national() throws IOException {
    if (national == null) {
      List<ProcedureRecord> records = new ArrayList<>();
      for (JsonValue v : SharedData.jsonLines("procedures_national_feed.jsonl")) {
        records.add(NationalFeedReader.read(v));
      }
      ProcedureIndex index = indexRecords(records);
      national = new NationalCatalogue(List.copyOf(records), index);
    }
    return national;
  }

  /** The national catalogue's records, in the feed's order, and their index. */
  public record NationalCatalogue(List<ProcedureRecord> records, ProcedureIndex index) {}

  public static ProcedureIndex index(List<IndexedProcedure> procedures) {
    return ProcedureIndex.build(procedures, 1L, shippedDictionary());
  }

  /**
   * The records as the portal indexes procedures (without offerings), with the shipped dictionary.
   */
  public static ProcedureIndex indexRecords(List<ProcedureRecord> records) {
    return index(indexed(records));
  }

  /** The records as the portal indexes procedures: without offerings. */
  public static List<IndexedProcedure> indexed(List<ProcedureRecord> records) {
    return records.stream()
        .map(
            r ->
                new IndexedProcedure(
                    r.code(),
                    r.name(),
                    r.fieldName(),
                    r.keywords(),
                    r.tiers(),
                    r.nationalLevel(),
                    List.of()))
        .toList();
  }

  /** A name as the relevance sets compare it (ProcedureIndex's exact form). */
  public static String plainName(String name) {
    return ProcedureIndex.exactForm(name);
  }

  /** The entries the migration inserts: every row of its two INSERT statements. */
  static SearchDictionary shippedDictionary() {
    String sql;
    try (InputStream in = SearchFixtures.class.getResourceAsStream(SEED)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Term> terms = new ArrayList<>();
    List<NationalService> services = new ArrayList<>();
    long id = 0;
    for (String line : sql.split("\n")) {
      if (!line.startsWith("  ('")) {
        continue;
      }
      List<String> v = tuple(line.strip());
      id++;
      if (v.size() == 8) {
        terms.add(
            new Term(
                id,
                Kind.valueOf(v.get(0)),
                v.get(1),
                v.get(3) == null ? List.of() : Arrays.asList(v.get(3).split("\\|")),
                Double.parseDouble(v.get(4)),
                v.get(5)));
      } else {
        services.add(
            new NationalService(
                id, Arrays.asList(v.get(0).split("\\|")), v.get(1), v.get(2), v.get(3), v.get(4)));
      }
    }
    return SearchDictionary.of(terms, services, 1L);
  }

  /** The values of one SQL row "(…, …)": strings unquoted, NULL as null, others as written. */
  private static List<String> tuple(String row) {
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < row.length()) {
      char c = row.charAt(i);
      if (c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
          if (row.charAt(i) == '\'' && i + 1 < row.length() && row.charAt(i + 1) == '\'') {
            b.append('\'');
            i += 2;
          } else if (row.charAt(i) == '\'') {
            i++;
            break;
          } else {
            b.append(row.charAt(i++));
          }
        }
        out.add(b.toString());
      } else if (c == ',' || c == ' ' || c == ')' || c == ';') {
        i++;
      } else {
        int j = i;
        int depth = 0;
        while (j < row.length() && (depth > 0 || (row.charAt(j) != ',' && row.charAt(j) != ')'))) {
          depth += row.charAt(j) == '(' ? 1 : 0;
          depth -= row.charAt(j) == ')' && depth > 0 ? 1 : 0;
          j++;
        }
        if (j < row.length() && row.charAt(j) == ')' && row.substring(i, j).contains("(")) {
          j++;
        }
        String raw = row.substring(i, j).strip();
        out.add("NULL".equals(raw) ? null : raw);
        i = j;
      }
    }
    return out;
  }
}
