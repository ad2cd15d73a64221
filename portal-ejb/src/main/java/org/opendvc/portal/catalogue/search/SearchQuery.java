package org.opendvc.portal.catalogue.search;

import org.opendvc.portal.catalogue.Tier;

/**
 * A catalogue search: free text (with or without tones, or a procedure code) and optional filters,
 * one page of results.
 */
public record SearchQuery(
    String text, Integer level, Tier tier, String agencyCode, String field, int page, int size) {

  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 20;

  public SearchQuery {
    text = text == null ? "" : text.strip();
    agencyCode = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
    field = field == null || field.isBlank() ? null : field.strip();
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
    }
  }

  public static SearchQuery text(String text) {
    return new SearchQuery(text, null, null, null, null, 0, DEFAULT_SIZE);
  }
}
