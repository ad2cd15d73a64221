package org.opendvc.portal.satisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * The satisfaction index of a period: per agency (the agency that finished the rated dossiers), and
 * the total of the scope. Every share comes with the number it is a share of; a row with fewer than
 * {@code minResponses} responses is flagged as not significant, not hidden.
 */
public record SatisfactionIndex(
    LocalDate from, LocalDate to, String agency, int minResponses, List<Row> rows, Row total) {

  /** One agency's (or the total's) figures. */
  public record Row(
      String key,
      String name,
      String tier,
      long responses,
      boolean significant,
      List<ElementFigures> elements,
      Share overall) {}

  /**
   * One element: how many responses gave each score ({@code counts[0]} is score 1), and the share
   * satisfied (4 or 5).
   */
  public record ElementFigures(String element, List<Long> counts, Share satisfied) {}

  /** {@code count} of {@code of}, and their ratio from 0 to 1; null when {@code of} is 0. */
  @jakarta.json.bind.annotation.JsonbNillable
  public record Share(long count, long of, Double share) {

    static Share of(long count, long of) {
      return new Share(count, of, of == 0 ? null : (double) count / of);
    }
  }
}
