package org.opendvc.portal.shared;

import java.util.List;

/** One page of a list: the items, the total number of matches, and where the page starts. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public Page {
    items = List.copyOf(items);
  }

  public int pageCount() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
