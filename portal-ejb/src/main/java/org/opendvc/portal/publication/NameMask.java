package org.opendvc.portal.publication;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.dossier.ApplicantType;

/**
 * How an applicant is named in public (Decree 13/2023 on personal data): a citizen by the family
 * name and the initials of the other names, a business or other organisation by its name in full.
 *
 * <ul>
 *   <li>"Nguyễn Văn An" → "Nguyễn V. A."; " nguyễn văn an " → "Nguyễn V. A." (spaces collapsed, the
 *       family name written with a capital first letter, initials as capitals);
 *   <li>a one-word name becomes its initial alone: "An" → "A." (the word itself could be the whole
 *       given name);
 *   <li>characters that are not letters (digits, punctuation) never show: a word without a letter
 *       is dropped, so an ID number or phone typed into the name field does not leak;
 *   <li>a name with no letter at all, or none, is masked as the empty text;
 *   <li>a business ({@link ApplicantType#BUSINESS}) keeps its name, spaces collapsed.
 * </ul>
 *
 * Text is compared and written in Unicode NFC, so a name typed with combining tone marks gives the
 * same mask as one typed with precomposed letters.
 */
public final class NameMask {

  /** Names longer than this are cut: the column holds 255 characters. */
  static final int MAX_LENGTH = 255;

  private NameMask() {}

  /** The public form of the applicant's name; a missing type is treated as a citizen. */
  public static String mask(ApplicantType type, String name) {
    if (name == null) {
      return "";
    }
    String clean = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    if (type == ApplicantType.BUSINESS) {
      return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
    }
    List<String> words = new ArrayList<>();
    for (String word : clean.split(" ")) {
      String letters = lettersOf(word);
      if (!letters.isEmpty()) {
        words.add(letters);
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    if (words.size() == 1) {
      return initial(words.get(0));
    }
    StringBuilder out = new StringBuilder(capitalised(words.get(0)));
    for (String word : words.subList(1, words.size())) {
      out.append(' ').append(initial(word));
    }
    return out.toString();
  }

  /** The letters of a word (and the marks that belong to them), nothing else. */
  private static String lettersOf(String word) {
    StringBuilder out = new StringBuilder(word.length());
    word.codePoints()
        .filter(c -> Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK)
        .forEach(out::appendCodePoint);
    // a mark left without its letter (the letter was a digit) is dropped by the NFC round trip
    String letters = Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
    int first = 0;
    while (first < letters.length() && !Character.isLetter(letters.codePointAt(first))) {
      first += Character.charCount(letters.codePointAt(first));
    }
    return letters.substring(first);
  }

  private static String initial(String word) {
    int first = word.codePointAt(0);
    return new String(Character.toChars(first)).toUpperCase(Locale.ROOT) + ".";
  }

  private static String capitalised(String word) {
    int firstLength = Character.charCount(word.codePointAt(0));
    return word.substring(0, firstLength).toUpperCase(Locale.ROOT)
        + word.substring(firstLength).toLowerCase(Locale.ROOT);
  }
}
