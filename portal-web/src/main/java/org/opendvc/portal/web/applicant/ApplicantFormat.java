package org.opendvc.portal.web.applicant;

/** Small formatting and parsing rules shared by the applicant's pages; no state. */
final class ApplicantFormat {

  /** Pages beyond this are not worth a query; a person never pages that far. */
  static final int MAX_PAGE = 10_000;

  private ApplicantFormat() {}

  /** A 1-based page number from {@code ?page=}: anything unreadable or out of range is page 1. */
  static int page(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,6}")) {
      return 1;
    }
    int n = Integer.parseInt(text.strip());
    return n < 1 || n > MAX_PAGE ? 1 : n;
  }

  /** A version number from a hidden field, or null when missing or not a number. */
  static Integer version(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.valueOf(text.strip());
  }

  /** Trimmed text, or null when blank; at most {@code max} characters are kept. */
  static String trim(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }
}
