package org.opendvc.portal.catalogue.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.catalogue.search.SearchDictionary.Kind;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A dictionary entry as an admin writes it, checked before it is saved: the kind, the phrase people
 * type, the catalogue's words it stands for ("|" between alternatives; a synonym needs at least
 * one), its weight against the typed words and its meaning.
 */
public record TermInput(
    String kind, String phrase, String expansion, String weight, String meaning) {

  static final int MAX_PHRASE = 120;
  static final int MAX_EXPANSION = 500;
  static final int MAX_MEANING = 500;

  /** The entry, or every problem with it at once. */
  public SearchDictionary.Term termOrThrow(long id) {
    List<FieldProblem> problems = new ArrayList<>();
    Kind k = null;
    String kindText = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
    try {
      k = kindText.isEmpty() ? Kind.SYNONYM : Kind.valueOf(kindText);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("kind", "searchTerm.kind", kind));
    }
    String p = phrase == null ? "" : phrase.strip();
    List<String> words = SearchDictionary.words(p);
    if (words.isEmpty()) {
      problems.add(new FieldProblem("phrase", "searchTerm.phraseMissing"));
    } else if (p.length() > MAX_PHRASE || words.size() > SearchDictionary.MAX_PHRASE_WORDS) {
      problems.add(
          new FieldProblem(
              "phrase", "searchTerm.phraseTooLong", MAX_PHRASE, SearchDictionary.MAX_PHRASE_WORDS));
    }
    String e = expansion == null ? "" : expansion.strip();
    List<String> alternatives =
        e.isEmpty() ? List.of() : Arrays.stream(e.split("\\|")).map(String::strip).toList();
    if (k == Kind.SYNONYM
        && (alternatives.isEmpty()
            || alternatives.stream().anyMatch(a -> SearchDictionary.words(a).isEmpty()))) {
      problems.add(new FieldProblem("expansion", "searchTerm.expansionMissing"));
    } else if (e.length() > MAX_EXPANSION) {
      problems.add(new FieldProblem("expansion", "searchTerm.tooLong", MAX_EXPANSION));
    }
    double w = 1.0;
    if (weight != null && !weight.isBlank()) {
      try {
        w = Double.parseDouble(weight.strip().replace(',', '.'));
        if (!(w >= 0.1 && w <= 3.0)) {
          problems.add(new FieldProblem("weight", "searchTerm.weight", weight));
        }
      } catch (NumberFormatException ex) {
        problems.add(new FieldProblem("weight", "searchTerm.weight", weight));
      }
    }
    String m = meaning == null ? "" : meaning.strip();
    if (m.isEmpty()) {
      problems.add(new FieldProblem("meaning", "searchTerm.meaningMissing"));
    } else if (m.length() > MAX_MEANING) {
      problems.add(new FieldProblem("meaning", "searchTerm.tooLong", MAX_MEANING));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new SearchDictionary.Term(id, k, p, k == Kind.STOP ? List.of() : alternatives, w, m);
  }
}
