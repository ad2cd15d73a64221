package org.opendvc.portal.catalogue.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendvc.portal.shared.TextFolding;

/**
 * What the search knows of the words people use, loaded whole into each index snapshot so that a
 * search never reads the database: synonyms (a colloquial or old name, an abbreviation, a loanword,
 * an everyday verb, an English word, mapped to the catalogue's words), stop words (fillers such as
 * "làm", "xin", "ở đâu" that must not decide the ranking) and the topics that national services
 * handle instead of the province. Phrases match on their words without tones; when both the phrase
 * and the typed words carry tones, the tones must agree too, so "sổ đỏ" is not "số đo".
 */
public final class SearchDictionary {

  /** What an entry does to a query. */
  public enum Kind {
    SYNONYM,
    STOP
  }

  /**
   * One entry: the phrase people type, the catalogue's words it stands for (alternatives, for a
   * synonym), how much a result found through it weighs against the typed words (1 the same) and
   * what it means, for the admin.
   */
  public record Term(
      long id, Kind kind, String phrase, List<String> expansions, double weight, String meaning) {
    public Term {
      expansions = expansions == null ? List.of() : List.copyOf(expansions);
    }
  }

  /** A topic handled outside the province: the words that name it, who handles it, where. */
  public record NationalService(
      long id, List<String> triggers, String agencyVi, String agencyEn, String url, String note) {
    public NationalService {
      triggers = List.copyOf(triggers);
    }

    public String agency(Locale locale) {
      return "en".equals(locale.getLanguage()) ? agencyEn : agencyVi;
    }
  }

  /** A phrase of the dictionary where it was found in a query: tokens [start, end). */
  record Match(Term term, int start, int end) {}

  private record Keyed<T>(List<String> folded, List<String> toned, T value) {}

  private static final SearchDictionary EMPTY = new SearchDictionary(List.of(), List.of(), 0L);

  /** The longest phrase that may be matched, in words. */
  static final int MAX_PHRASE_WORDS = 8;

  private final List<Term> terms;
  private final List<NationalService> services;
  private final long revision;
  private final Map<String, List<Keyed<Term>>> termsByFirstWord = new HashMap<>();
  private final List<Keyed<NationalService>> serviceTriggers = new ArrayList<>();

  private SearchDictionary(List<Term> terms, List<NationalService> services, long revision) {
    this.terms = List.copyOf(terms);
    this.services = List.copyOf(services);
    this.revision = revision;
    for (Term t : this.terms) {
      List<String> toned = words(t.phrase());
      if (toned.isEmpty() || toned.size() > MAX_PHRASE_WORDS) {
        continue;
      }
      List<String> folded = toned.stream().map(TextFolding::fold).toList();
      termsByFirstWord
          .computeIfAbsent(folded.get(0), k -> new ArrayList<>())
          .add(new Keyed<>(folded, toned, t));
    }
    // longest first, so that "làm lại giấy khai sinh" wins over "làm"; synonyms before stop words
    termsByFirstWord
        .values()
        .forEach(
            l ->
                l.sort(
                    Comparator.<Keyed<Term>>comparingInt(k -> -k.folded().size())
                        .thenComparing(k -> k.value().kind())));
    for (NationalService s : this.services) {
      for (String trigger : s.triggers()) {
        List<String> toned = words(trigger);
        if (!toned.isEmpty()) {
          serviceTriggers.add(
              new Keyed<>(toned.stream().map(TextFolding::fold).toList(), toned, s));
        }
      }
    }
  }

  public static SearchDictionary of(
      List<Term> terms, List<NationalService> services, long revision) {
    return new SearchDictionary(terms, services, revision);
  }

  public static SearchDictionary empty() {
    return EMPTY;
  }

  public List<Term> terms() {
    return terms;
  }

  public List<NationalService> services() {
    return services;
  }

  public long revision() {
    return revision;
  }

  /**
   * The words of a text as the dictionary compares them: NFC, lower case, split on anything that is
   * not a letter or a digit. Tones are kept; callers fold.
   */
  static List<String> words(String text) {
    if (text == null) {
      return List.of();
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : nfc.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static final String[][] OLD_TONES = {
    {"oá", "óa"}, {"oà", "òa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
    {"oé", "óe"}, {"oè", "òe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
    {"uý", "úy"}, {"uỳ", "ùy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"}
  };

  /** The word with the tone on the first vowel of "oa", "oe", "uy": "hoá" reads "hóa". */
  static String modernTones(String word) {
    String out = word;
    for (String[] pair : OLD_TONES) {
      out = out.replace(pair[0], pair[1]);
    }
    return out;
  }

  /** Whether the word was typed with tones (or đ): then its tones mean something. */
  static boolean toned(String word) {
    return !TextFolding.fold(word).equals(word);
  }

  private static boolean same(
      List<String> folded, List<String> toned, List<String> qFolded, List<String> qToned, int at) {
    if (at + folded.size() > qFolded.size()) {
      return false;
    }
    for (int i = 0; i < folded.size(); i++) {
      if (!folded.get(i).equals(qFolded.get(at + i))) {
        return false;
      }
      // typed with tones, a word must be the entry's word: "thẻ" is not the English "the"
      String typed = qToned.get(at + i);
      if (toned(typed) && !modernTones(typed).equals(modernTones(toned.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The phrases of the dictionary in a query, left to right, the longest at each place. */
  List<Match> matches(List<String> qFolded, List<String> qToned) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < qFolded.size()) {
      Match found = null;
      for (Keyed<Term> k : termsByFirstWord.getOrDefault(qFolded.get(i), List.of())) {
        if (same(k.folded(), k.toned(), qFolded, qToned, i)) {
          found = new Match(k.value(), i, i + k.folded().size());
          break;
        }
      }
      if (found != null) {
        out.add(found);
        i = found.end();
      } else {
        i++;
      }
    }
    return out;
  }

  /** The national services a query names, each once. */
  List<NationalService> servicesFor(List<String> qFolded, List<String> qToned) {
    Set<NationalService> out = new LinkedHashSet<>();
    for (Keyed<NationalService> k : serviceTriggers) {
      for (int i = 0; i + k.folded().size() <= qFolded.size(); i++) {
        if (same(k.folded(), k.toned(), qFolded, qToned, i)) {
          out.add(k.value());
          break;
        }
      }
    }
    return List.copyOf(out);
  }
}
