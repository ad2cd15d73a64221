package org.opendvc.portal.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese text without tones and with "đ" as "d", lower case: how people type on a phone. */
public final class TextFolding {

  private TextFolding() {}

  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed =
        Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** A URL- and key-friendly form: folded, words joined by '-'. */
  public static String slug(String text) {
    String folded = fold(text).replaceAll("[^a-z0-9]+", "-");
    return folded.replaceAll("(^-+)|(-+$)", "");
  }
}
