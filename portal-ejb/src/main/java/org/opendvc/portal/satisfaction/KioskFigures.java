package org.opendvc.portal.satisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * The counter kiosk's figures of a period: per row (an agency, or an officer for the agency's own
 * eyes) the number of ratings, how many gave each score ({@code counts[0]} is score 1) and the
 * share satisfied (4 or 5), and the total of all rows.
 */
public record KioskFigures(LocalDate from, LocalDate to, String agency, List<Row> rows, Row total) {

  /**
   * One row: {@code key} is the agency's code (or the officer's user name), {@code agency} the
   * agency's code in both cases.
   */
  public record Row(
      String key,
      String name,
      String agency,
      long responses,
      List<Long> counts,
      SatisfactionIndex.Share satisfied) {

    static Row of(String key, String name, String agency, long[] counts) {
      long responses = 0;
      long satisfied = 0;
      List<Long> list = new java.util.ArrayList<>();
      for (int k = 0; k < counts.length; k++) {
        list.add(counts[k]);
        responses += counts[k];
        if (k + 1 >= Scores.SATISFIED_FROM) {
          satisfied += counts[k];
        }
      }
      return new Row(
          key,
          name,
          agency,
          responses,
          List.copyOf(list),
          SatisfactionIndex.Share.of(satisfied, responses));
    }
  }
}
