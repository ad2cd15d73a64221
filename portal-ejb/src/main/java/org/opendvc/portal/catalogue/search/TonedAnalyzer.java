package org.opendvc.portal.catalogue.search;

import java.io.Reader;
import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits text into syllables and lower-cases them, keeping the tones: the second view of a name,
 * used for the short words whose tones are all that tells them apart ("đỏ" and "do", "sổ" and
 * "số"). The text is put in NFC first, so a name typed with combining marks reads the same, and the
 * tone of "oa", "oe", "uy" on its first vowel ("hoá" reads "hóa").
 */
public final class TonedAnalyzer extends Analyzer {

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    try {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[1024];
      for (int n = reader.read(buffer); n > 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return new java.io.StringReader(
          SearchDictionary.modernTones(
              Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    return new TokenStreamComponents(tokenizer, stream);
  }
}
