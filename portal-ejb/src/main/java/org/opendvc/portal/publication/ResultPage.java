package org.opendvc.portal.publication;

import java.util.List;

/**
 * One page of the results board. {@code total} counts the matching rows up to {@link
 * ResultQuery#MAX_ROWS}; when more match, {@code total} is that cap and {@code totalCapped} is true
 * ("more than 10,000").
 */
public record ResultPage(
    List<PublishedResult> items, long total, boolean totalCapped, int page, int size) {

  public ResultPage {
    items = List.copyOf(items);
  }

  /** Pages that can be reached: those within the counted rows. */
  public int pageCount() {
    return (int) ((total + size - 1) / size);
  }
}
