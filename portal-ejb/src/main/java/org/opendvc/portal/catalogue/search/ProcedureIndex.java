package org.opendvc.portal.catalogue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.shared.Page;
import org.opendvc.portal.shared.TextFolding;

/**
 * An immutable in-memory index of the catalogue. Building one takes a list of procedures; a new
 * catalogue means a new index, swapped in whole, so readers never see a half-built one.
 */
public final class ProcedureIndex {

  private static final Pattern CODE_LIKE = Pattern.compile("\\d+\\.\\d+(\\.[a-z0-9]+)*");
  private static final int MAX_WORDS = 60;
  private static final int MAX_FORGIVING_WORDS = 12;
  private static final String F_CODE = "code";
  private static final String F_CODE_SORT = "code_sort";
  private static final String F_NAME = "name";
  private static final String F_NAME_EXACT = "name_exact";
  private static final String F_NAME_TONED = "name_toned";
  private static final String F_EXTRA = "extra";
  private static final String F_LEVEL = "level";
  private static final String F_TIER = "tier";
  private static final String F_AGENCY = "agency";
  private static final String F_AGENCY_LEVEL = "agency_level";
  private static final String F_FIELD = "field";
  private static final String F_ORD = "ord";

  /** Up to this many readings of a query (as typed, and through the dictionary) are searched. */
  private static final int MAX_VARIANTS = 8;

  /** What a filler word adds when it matches: enough to break a tie, never to decide. */
  private static final float FILLER_BOOST = 0.15f;

  /** Short words typed with tones match with those tones ("đỏ" is not "do", "đời" not "đổi"). */
  private static final int SHORT_WORD = 3;

  private final Analyzer toned = new TonedAnalyzer();
  private final List<IndexedProcedure> procedures;
  private final List<String> fieldSlugs;
  private final IndexSearcher searcher;
  private final long revision;
  private final SearchDictionary dictionary;

  private ProcedureIndex(
      List<IndexedProcedure> procedures,
      List<String> fieldSlugs,
      IndexSearcher searcher,
      long revision,
      SearchDictionary dictionary) {
    this.procedures = procedures;
    this.fieldSlugs = fieldSlugs;
    this.searcher = searcher;
    this.revision = revision;
    this.dictionary = dictionary;
  }

  public static ProcedureIndex build(List<IndexedProcedure> procedures, long revision) {
    return build(procedures, revision, SearchDictionary.empty());
  }

  public static ProcedureIndex build(
      List<IndexedProcedure> procedures, long revision, SearchDictionary dictionary) {
    List<IndexedProcedure> copy = List.copyOf(procedures);
    // each file in one buffer: a search opens hundreds of postings lists, and over the default
    // many-buffer files every opening copied the file's whole list of buffers
    ByteBuffersDirectory directory =
        new ByteBuffersDirectory(
            new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new,
            ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    Analyzer analyzer =
        new PerFieldAnalyzerWrapper(
            new FoldingAnalyzer(), Map.of(F_NAME_TONED, new TonedAnalyzer()));
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int ord = 0; ord < copy.size(); ord++) {
        writer.addDocument(document(copy.get(ord), ord));
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(directory);
      List<String> slugs =
          copy.stream()
              .map(p -> p.fieldName() == null ? "" : TextFolding.slug(p.fieldName()))
              .toList();
      return new ProcedureIndex(copy, slugs, new IndexSearcher(reader), revision, dictionary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the catalogue index", e);
    }
  }

  /** The same catalogue with another dictionary: no re-indexing, the documents are shared. */
  public ProcedureIndex withDictionary(SearchDictionary other) {
    return new ProcedureIndex(procedures, fieldSlugs, searcher, revision, other);
  }

  public SearchDictionary dictionary() {
    return dictionary;
  }

  private static Document document(IndexedProcedure p, int ord) {
    Document doc = new Document();
    doc.add(new StringField(F_CODE, p.code().toLowerCase(Locale.ROOT), Store.NO));
    doc.add(new SortedDocValuesField(F_CODE_SORT, new BytesRef(p.code())));
    doc.add(new TextField(F_NAME, p.name(), Store.NO));
    doc.add(new TextField(F_NAME_TONED, p.name(), Store.NO));
    doc.add(new StringField(F_NAME_EXACT, exactForm(p.name()), Store.NO));
    String extra =
        (p.fieldName() == null ? "" : p.fieldName() + " ")
            + (p.keywords() == null ? "" : p.keywords());
    if (!extra.isBlank()) {
      doc.add(new TextField(F_EXTRA, extra, Store.NO));
    }
    p.levels().forEach(l -> doc.add(new StringField(F_LEVEL, l.toString(), Store.NO)));
    p.tiers().forEach(t -> doc.add(new StringField(F_TIER, t.key(), Store.NO)));
    for (IndexedProcedure.OfferedAt o : p.offerings()) {
      doc.add(new StringField(F_AGENCY, o.agencyCode(), Store.NO));
      doc.add(new StringField(F_AGENCY_LEVEL, o.agencyCode() + "|" + o.level(), Store.NO));
    }
    if (p.fieldName() != null) {
      doc.add(new StringField(F_FIELD, TextFolding.slug(p.fieldName()), Store.NO));
    }
    doc.add(new NumericDocValuesField(F_ORD, ord));
    return doc;
  }

  /** The folded name with punctuation and repeated spaces removed: what an exact match means. */
  static String exactForm(String text) {
    String plain = TextFolding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return plain.startsWith("thu tuc ") ? plain.substring("thu tuc ".length()) : plain;
  }

  public long revision() {
    return revision;
  }

  public int size() {
    return procedures.size();
  }

  public SearchResult search(SearchQuery query) {
    try {
      // rewritten once: the typo expansions serve the ranked search and the facet pass alike
      Reading reading = read(query.text(), false);
      Query text = searcher.rewrite(reading.query());
      Sort sort =
          query.text().isEmpty()
              ? new Sort(new SortField(F_CODE_SORT, SortField.Type.STRING))
              : new Sort(SortField.FIELD_SCORE, new SortField(F_CODE_SORT, SortField.Type.STRING));
      int wanted = (query.page() + 1) * query.size();
      TopDocs top = ranked(withFilters(text, query, null), sort, wanted);
      if (!query.text().isEmpty() && top.totalHits.value == 0) {
        // nothing has most of the words: rather the procedures that have half of them
        reading = read(query.text(), true);
        text = searcher.rewrite(reading.query());
        top = ranked(withFilters(text, query, null), sort, wanted);
      }
      List<ProcedureHit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = query.page() * query.size(); i < docs.length; i++) {
        IndexedProcedure p = procedures.get(ordOf(docs[i].doc));
        hits.add(
            new ProcedureHit(
                p.code(),
                p.name(),
                p.fieldName(),
                List.copyOf(
                    query.agencyCode() == null ? p.levels() : p.levelsAt(query.agencyCode())),
                p.tiers().stream().sorted().toList(),
                Float.isNaN(docs[i].score) ? 0f : docs[i].score));
      }
      Map<String, Map<String, Long>> facets = facets(text, query);
      return new SearchResult(
          new Page<>(hits, top.totalHits.value, query.page(), query.size()),
          facets,
          reading.alsoSearched(),
          reading.services());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code wanted} hits in that order, and the exact number of all hits. */
  private TopDocs ranked(Query query, Sort sort, int wanted) throws IOException {
    return searcher.search(
        query,
        new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE, false));
  }

  /**
   * Counts the three facets in one pass over the documents that match the text: for each facet, the
   * documents that pass every other filter of the query (so each value shows what choosing it would
   * give).
   */
  private Map<String, Map<String, Long>> facets(Query text, SearchQuery q) throws IOException {
    String fieldSlug = q.field() == null ? null : TextFolding.slug(q.field());
    TreeMap<String, Long> levels = new TreeMap<>();
    Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
    Map<String, Long> fields = new HashMap<>();
    searcher.search(
        text,
        new SimpleCollector() {
          private NumericDocValues ords;

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            ords = context.reader().getNumericDocValues(F_ORD);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (!ords.advanceExact(doc)) {
              return;
            }
            int ord = (int) ords.longValue();
            IndexedProcedure p = procedures.get(ord);
            java.util.Set<Integer> offered =
                q.agencyCode() == null ? p.levels() : p.levelsAt(q.agencyCode());
            boolean agency = q.agencyCode() == null || !offered.isEmpty();
            boolean level = q.level() == null || offered.contains(q.level());
            boolean tier = q.tier() == null || p.tiers().contains(q.tier());
            boolean field = fieldSlug == null || fieldSlug.equals(fieldSlugs.get(ord));
            if (agency && tier && field) {
              offered.forEach(l -> levels.merge(l.toString(), 1L, Long::sum));
            }
            if (agency && level && field) {
              p.tiers().forEach(t -> tiers.merge(t, 1L, Long::sum));
            }
            if (agency && level && tier && p.fieldName() != null) {
              fields.merge(p.fieldName(), 1L, Long::sum);
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    Map<String, Long> tierOut = new LinkedHashMap<>();
    tiers.forEach((k, v) -> tierOut.put(k.key(), v));
    Map<String, Long> fieldOut = new LinkedHashMap<>();
    fields.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> fieldOut.put(e.getKey(), e.getValue()));
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    out.put(SearchResult.LEVEL, levels);
    out.put(SearchResult.TIER, tierOut);
    out.put(SearchResult.FIELD, fieldOut);
    return out;
  }

  private int ordOf(int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (LeafReaderContext leaf : leaves) {
      if (doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc()) {
        NumericDocValues ords = leaf.reader().getNumericDocValues(F_ORD);
        if (ords.advanceExact(doc - leaf.docBase)) {
          return (int) ords.longValue();
        }
      }
    }
    throw new IllegalStateException("document without an ordinal: " + doc);
  }

  /** The filters of the query on top of the text query, leaving out the facet {@code except}. */
  private Query withFilters(Query text, SearchQuery q, String except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    boolean levelApplies = q.level() != null && !SearchResult.LEVEL.equals(except);
    if (q.agencyCode() != null && levelApplies) {
      b.add(
          new TermQuery(new Term(F_AGENCY_LEVEL, q.agencyCode() + "|" + q.level())), Occur.FILTER);
    } else if (q.agencyCode() != null) {
      b.add(new TermQuery(new Term(F_AGENCY, q.agencyCode())), Occur.FILTER);
    } else if (levelApplies) {
      b.add(new TermQuery(new Term(F_LEVEL, q.level().toString())), Occur.FILTER);
    }
    if (q.tier() != null && !SearchResult.TIER.equals(except)) {
      b.add(new TermQuery(new Term(F_TIER, q.tier().key())), Occur.FILTER);
    }
    if (q.field() != null && !SearchResult.FIELD.equals(except)) {
      b.add(new TermQuery(new Term(F_FIELD, TextFolding.slug(q.field()))), Occur.FILTER);
    }
    return b.build();
  }

  /**
   * How the search read a query: the Lucene query, what it also searched for, who else handles it.
   */
  record Reading(
      Query query, List<String> alsoSearched, List<SearchDictionary.NationalService> services) {}

  /** One word of a reading: folded, as typed (for short toned words), and whether it counts. */
  private record Word(String folded, String toned, boolean core) {}

  Query textQuery(String text) {
    return read(text, false).query();
  }

  /**
   * The ranking. The query is read as typed and, through the dictionary, with each phrase people
   * use replaced by the catalogue's words (colloquial names, abbreviations, old names, English);
   * the best reading scores each procedure, a reading through the dictionary weighted by its entry.
   * In every reading filler words (stop words) are optional and only break ties; the other words
   * must mostly match. Within a reading: an exact name first, then the words as a phrase, then a
   * near phrase, then names holding most of the words, each word matched as typed or with one typo.
   */
  Reading read(String text, boolean relaxed) {
    List<String> tonedWords = tokens(toned, text);
    if (tonedWords.isEmpty()) {
      return new Reading(new MatchAllDocsQuery(), List.of(), List.of());
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    String folded = TextFolding.fold(text).trim();
    if (CODE_LIKE.matcher(folded).matches()) {
      top.add(new BoostQuery(new TermQuery(new Term(F_CODE, folded)), 1000f), Occur.SHOULD);
    }
    if (tonedWords.size() > MAX_WORDS) {
      tonedWords = tonedWords.subList(0, MAX_WORDS);
    }
    List<String> foldedWords = tonedWords.stream().map(TextFolding::fold).toList();
    List<SearchDictionary.Match> matches = dictionary.matches(foldedWords, tonedWords);
    boolean[] filler = new boolean[foldedWords.size()];
    List<SearchDictionary.Match> synonyms = new ArrayList<>();
    for (SearchDictionary.Match m : matches) {
      if (m.term().kind() == SearchDictionary.Kind.STOP) {
        for (int i = m.start(); i < m.end(); i++) {
          filler[i] = true;
        }
      } else {
        synonyms.add(m);
      }
    }
    boolean allFiller = true;
    for (boolean f : filler) {
      allFiller &= f;
    }
    if (allFiller) {
      java.util.Arrays.fill(filler, false);
    }
    List<Query> readings = new ArrayList<>();
    List<Word> typed = new ArrayList<>();
    for (int i = 0; i < foldedWords.size(); i++) {
      typed.add(new Word(foldedWords.get(i), tonedWords.get(i), !filler[i]));
    }
    boolean forgiving = foldedWords.size() <= MAX_FORGIVING_WORDS;
    Query asTyped = readingQuery(typed, text, forgiving, relaxed || !synonyms.isEmpty(), relaxed);
    if (asTyped != null) {
      readings.add(asTyped);
    }
    List<String> also = new ArrayList<>();
    for (Variant v : variants(synonyms)) {
      List<Word> words = new ArrayList<>();
      int at = 0;
      for (int k = 0; k < synonyms.size(); k++) {
        SearchDictionary.Match m = synonyms.get(k);
        for (; at < m.start(); at++) {
          words.add(typed.get(at));
        }
        List<String> expansion = tokens(toned, v.choice().get(k));
        // "đăng ký hộ khẩu" reads "đăng ký thường trú", not "đăng ký đăng ký thường trú"
        for (int i = overlap(words, expansion); i < expansion.size(); i++) {
          words.add(new Word(TextFolding.fold(expansion.get(i)), expansion.get(i), true));
        }
        at = m.end();
      }
      for (; at < typed.size(); at++) {
        words.add(typed.get(at));
      }
      Query q = readingQuery(words, null, false, true, relaxed);
      if (q != null) {
        readings.add(new BoostQuery(q, (float) v.weight()));
        String shown =
            words.stream()
                .filter(Word::core)
                .map(Word::toned)
                .collect(java.util.stream.Collectors.joining(" "));
        if (!also.contains(shown)) {
          also.add(shown);
        }
      }
    }
    if (readings.isEmpty()) {
      readings.add(readingQuery(typed, text, forgiving, false, relaxed));
    }
    top.add(
        readings.size() == 1 ? readings.get(0) : new DisjunctionMaxQuery(readings, 0.1f),
        Occur.SHOULD);
    return new Reading(
        top.build(), List.copyOf(also), dictionary.servicesFor(foldedWords, tonedWords));
  }

  /** How many first words of the expansion the reading already ends with. */
  private static int overlap(List<Word> words, List<String> expansion) {
    for (int k = Math.min(words.size(), expansion.size()); k > 0; k--) {
      boolean same = true;
      for (int i = 0; i < k && same; i++) {
        same = words.get(words.size() - k + i).folded().equals(TextFolding.fold(expansion.get(i)));
      }
      if (same) {
        return k;
      }
    }
    return 0;
  }

  /** A reading through the dictionary: one expansion chosen for each synonym found. */
  private record Variant(List<String> choice, double weight) {}

  private static List<Variant> variants(List<SearchDictionary.Match> synonyms) {
    List<Variant> out = new ArrayList<>();
    if (synonyms.isEmpty()) {
      return out;
    }
    out.add(new Variant(List.of(), 1.0));
    for (SearchDictionary.Match m : synonyms) {
      List<Variant> next = new ArrayList<>();
      for (Variant v : out) {
        for (String e : m.term().expansions()) {
          if (next.size() >= MAX_VARIANTS) {
            break;
          }
          List<String> choice = new ArrayList<>(v.choice());
          choice.add(e);
          next.add(new Variant(choice, v.weight() * m.term().weight()));
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * The query of one reading; null when nothing of it can match. Words the catalogue does not know
   * at all (no name nor keyword holds them) are left optional when the reading has known words too:
   * an untranslated word must not hide what the rest of the query found.
   */
  private Query readingQuery(
      List<Word> all, String typedText, boolean forgiving, boolean lenient, boolean relaxed) {
    List<Word> core = new ArrayList<>();
    List<Word> optional = new ArrayList<>();
    for (Word w : all) {
      (w.core() ? core : optional).add(w);
    }
    if (core.isEmpty()) {
      return null;
    }
    if (lenient || core.size() > 2) {
      List<Word> known = core.stream().filter(this::known).toList();
      if (!known.isEmpty() && known.size() < core.size()) {
        core.stream().filter(w -> !known.contains(w)).forEach(optional::add);
        core = new ArrayList<>(known);
      }
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (Word w : core) {
      words.add(wordQuery(w, forgiving), Occur.SHOULD);
    }
    int n = core.size();
    words.setMinimumNumberShouldMatch(
        relaxed ? (n + 1) / 2 : n <= 2 ? n : (int) Math.ceil(n * 0.7));
    BooleanQuery.Builder textual = new BooleanQuery.Builder();
    textual.add(words.build(), Occur.MUST);
    for (Word w : optional) {
      textual.add(new BoostQuery(wordQuery(w, false), FILLER_BOOST), Occur.SHOULD);
    }
    List<String> coreFolded = core.stream().map(Word::folded).toList();
    String coreText = String.join(" ", coreFolded);
    textual.add(
        new BoostQuery(new TermQuery(new Term(F_NAME_EXACT, exactForm(coreText))), 40f),
        Occur.SHOULD);
    if (typedText != null && !exactForm(typedText).equals(exactForm(coreText))) {
      textual.add(
          new BoostQuery(new TermQuery(new Term(F_NAME_EXACT, exactForm(typedText))), 40f),
          Occur.SHOULD);
    }
    if (n > 1) {
      textual.add(new BoostQuery(phrase(coreFolded, 0), 6f), Occur.SHOULD);
      textual.add(new BoostQuery(phrase(coreFolded, 3), 2f), Occur.SHOULD);
      if (forgiving) {
        textual.add(new BoostQuery(fuzzyPhrase(coreFolded), 3f), Occur.SHOULD);
      }
    }
    // each pair of neighbouring words found side by side: a name that keeps most of the query's
    // order ranks above one that merely holds its words
    for (int i = 0; n > 2 && i + 1 < n && i < MAX_FORGIVING_WORDS; i++) {
      textual.add(new BoostQuery(phrase(coreFolded.subList(i, i + 2), 0), 1f), Occur.SHOULD);
    }
    return textual.build();
  }

  /**
   * Whether any name or keyword holds the word (with its tones, for a short toned word), or a word
   * one typo away: a slip is still a word the person meant.
   */
  private boolean known(Word w) {
    try {
      if (tonedOnly(w)) {
        return searcher.getIndexReader().docFreq(new Term(F_NAME_TONED, w.toned())) > 0;
      }
      if (searcher.getIndexReader().docFreq(new Term(F_NAME, w.folded())) > 0
          || searcher.getIndexReader().docFreq(new Term(F_EXTRA, w.folded())) > 0) {
        return true;
      }
      if (!mayBeTypo(w.folded())) {
        return false;
      }
      Set<Term> near = new LinkedHashSet<>();
      searcher
          .rewrite(new FuzzyQuery(new Term(F_NAME, w.folded()), 1, 1, 1, true))
          .visit(QueryVisitor.termCollector(near));
      return !near.isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short word typed with tones: only the same word with the same tones matches it. */
  private static boolean tonedOnly(Word w) {
    return w.folded().length() <= SHORT_WORD && SearchDictionary.toned(w.toned());
  }

  /**
   * One word: in the name (as typed, or with one typo), less in the field and keywords. A short
   * word typed with tones must match with its tones: "đỏ" is not "do".
   */
  private Query wordQuery(Word w, boolean forgiving) {
    BooleanQuery.Builder word = new BooleanQuery.Builder();
    if (tonedOnly(w)) {
      word.add(new BoostQuery(new TermQuery(new Term(F_NAME_TONED, w.toned())), 2f), Occur.SHOULD);
      return word.build();
    }
    word.add(new BoostQuery(new TermQuery(new Term(F_NAME, w.folded())), 2f), Occur.SHOULD);
    word.add(new BoostQuery(new TermQuery(new Term(F_EXTRA, w.folded())), 0.5f), Occur.SHOULD);
    if (forgiving && mayBeTypo(w.folded())) {
      word.add(
          new BoostQuery(new FuzzyQuery(new Term(F_NAME, w.folded()), 1, 1, 50, true), 0.6f),
          Occur.SHOULD);
    }
    return word.build();
  }

  /** The words next to each other, each as typed or with one typo: a phrase despite a slip. */
  private Query fuzzyPhrase(List<String> tokens) {
    MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(1);
    for (String token : tokens) {
      Set<Term> variants = new LinkedHashSet<>();
      variants.add(new Term(F_NAME, token));
      if (mayBeTypo(token)) {
        try {
          Query fuzzy = searcher.rewrite(new FuzzyQuery(new Term(F_NAME, token), 1, 1, 10, true));
          fuzzy.visit(QueryVisitor.termCollector(variants));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      phrase.add(variants.toArray(new Term[0]));
    }
    return phrase.build();
  }

  /**
   * Whether a word may be a slip worth expanding to its one-edit neighbours: long enough to tell,
   * not a number, and not a word the catalogue uses (a word that is there was most likely typed as
   * meant, and expanding it would only cost time and blur the ranking).
   */
  private boolean mayBeTypo(String token) {
    if (token.length() < 3 || token.chars().allMatch(Character::isDigit)) {
      return false;
    }
    try {
      return searcher.getIndexReader().docFreq(new Term(F_NAME, token)) == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query phrase(List<String> tokens, int slop) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
    tokens.forEach(t -> phrase.add(new Term(F_NAME, t)));
    return phrase.build();
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(F_NAME_TONED, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** Every procedure known to the index, in catalogue order. */
  public List<IndexedProcedure> procedures() {
    return procedures;
  }
}
