package org.opendvc.portal.catalogue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
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
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
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
  private static final String F_EXTRA = "extra";
  private static final String F_LEVEL = "level";
  private static final String F_TIER = "tier";
  private static final String F_AGENCY = "agency";
  private static final String F_AGENCY_LEVEL = "agency_level";
  private static final String F_FIELD = "field";
  private static final String F_ORD = "ord";

  private final Analyzer analyzer = new FoldingAnalyzer();
  private final List<IndexedProcedure> procedures;
  private final List<String> fieldSlugs;
  private final IndexSearcher searcher;
  private final long revision;

  private ProcedureIndex(List<IndexedProcedure> procedures, IndexSearcher searcher, long revision) {
    this.procedures = procedures;
    this.fieldSlugs = procedures.stream()
        .map(p -> p.fieldName() == null ? "" : TextFolding.slug(p.fieldName())).toList();
    this.searcher = searcher;
    this.revision = revision;
  }

  public static ProcedureIndex build(List<IndexedProcedure> procedures, long revision) {
    List<IndexedProcedure> copy = List.copyOf(procedures);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Analyzer analyzer = new FoldingAnalyzer();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int ord = 0; ord < copy.size(); ord++) {
        writer.addDocument(document(copy.get(ord), ord));
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(directory);
      return new ProcedureIndex(copy, new IndexSearcher(reader), revision);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the catalogue index", e);
    }
  }

  private static Document document(IndexedProcedure p, int ord) {
    Document doc = new Document();
    doc.add(new StringField(F_CODE, p.code().toLowerCase(Locale.ROOT), Store.NO));
    doc.add(new SortedDocValuesField(F_CODE_SORT, new BytesRef(p.code())));
    doc.add(new TextField(F_NAME, p.name(), Store.NO));
    doc.add(new StringField(F_NAME_EXACT, exactForm(p.name()), Store.NO));
    String extra = (p.fieldName() == null ? "" : p.fieldName() + " ")
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
      Query text = searcher.rewrite(textQuery(query.text()));
      Query main = withFilters(text, query, null);
      Sort sort = query.text().isEmpty()
          ? new Sort(new SortField(F_CODE_SORT, SortField.Type.STRING))
          : new Sort(SortField.FIELD_SCORE, new SortField(F_CODE_SORT, SortField.Type.STRING));
      int wanted = (query.page() + 1) * query.size();
      TopDocs top = searcher.search(main,
          new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE, false));
      List<ProcedureHit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = query.page() * query.size(); i < docs.length; i++) {
        IndexedProcedure p = procedures.get(ordOf(docs[i].doc));
        hits.add(new ProcedureHit(p.code(), p.name(), p.fieldName(),
            List.copyOf(query.agencyCode() == null ? p.levels() : p.levelsAt(query.agencyCode())),
            p.tiers().stream().sorted().toList(), Float.isNaN(docs[i].score) ? 0f : docs[i].score));
      }
      Map<String, Map<String, Long>> facets = facets(text, query);
      return new SearchResult(
          new Page<>(hits, top.totalHits.value, query.page(), query.size()), facets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Counts the three facets in one pass over the documents that match the text: for each facet,
   * the documents that pass every other filter of the query (so each value shows what choosing
   * it would give).
   */
  private Map<String, Map<String, Long>> facets(Query text, SearchQuery q) throws IOException {
    String fieldSlug = q.field() == null ? null : TextFolding.slug(q.field());
    TreeMap<String, Long> levels = new TreeMap<>();
    Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
    Map<String, Long> fields = new HashMap<>();
    searcher.search(text, new SimpleCollector() {
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
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
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
      b.add(new TermQuery(new Term(F_AGENCY_LEVEL, q.agencyCode() + "|" + q.level())), Occur.FILTER);
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
   * The ranking: an exact name first, then the whole query as a phrase, then a near phrase, then
   * names holding most of the words, each word matched as typed or with one typo.
   */
  Query textQuery(String text) {
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    String folded = TextFolding.fold(text).trim();
    if (CODE_LIKE.matcher(folded).matches()) {
      top.add(new BoostQuery(new TermQuery(new Term(F_CODE, folded)), 1000f), Occur.SHOULD);
    }
    // Long queries (a whole pasted name) match on their words and the exact name; typo tolerance
    // is for what people type, and would only multiply clauses there.
    if (tokens.size() > MAX_WORDS) {
      tokens = tokens.subList(0, MAX_WORDS);
    }
    boolean forgiving = tokens.size() <= MAX_FORGIVING_WORDS;
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String token : tokens) {
      BooleanQuery.Builder word = new BooleanQuery.Builder();
      word.add(new BoostQuery(new TermQuery(new Term(F_NAME, token)), 2f), Occur.SHOULD);
      word.add(new BoostQuery(new TermQuery(new Term(F_EXTRA, token)), 0.5f), Occur.SHOULD);
      if (forgiving && mayBeTypo(token)) {
        word.add(new BoostQuery(new FuzzyQuery(new Term(F_NAME, token), 1, 1, 50, true), 0.6f),
            Occur.SHOULD);
      }
      words.add(word.build(), Occur.SHOULD);
    }
    int n = tokens.size();
    words.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.7));
    BooleanQuery.Builder textual = new BooleanQuery.Builder();
    textual.add(words.build(), Occur.MUST);
    textual.add(new BoostQuery(new TermQuery(new Term(F_NAME_EXACT, exactForm(text))), 40f),
        Occur.SHOULD);
    if (n > 1) {
      textual.add(new BoostQuery(phrase(tokens, 0), 6f), Occur.SHOULD);
      textual.add(new BoostQuery(phrase(tokens, 3), 2f), Occur.SHOULD);
      if (forgiving) {
        textual.add(new BoostQuery(fuzzyPhrase(tokens), 3f), Occur.SHOULD);
      }
    }
    top.add(textual.build(), Occur.SHOULD);
    return top.build();
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
   * Whether a word may be a slip worth expanding to its one-edit neighbours: long enough to
   * tell, not a number, and not a word the catalogue uses (a word that is there was most likely
   * typed as meant, and expanding it would only cost time and blur the ranking).
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

  private List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(F_NAME, text)) {
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
