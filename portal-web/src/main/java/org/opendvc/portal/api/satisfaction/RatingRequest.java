package org.opendvc.portal.api.satisfaction;

import org.opendvc.portal.satisfaction.RatingCommand;

/**
 * A rating as sent: {@code {scores: {access, procedure, officer, result, feedback}, comment?}}, and
 * {@code idNumber} when rated from the public tracking page. The domain checks the values ({@code
 * Scores.checked}), so that every entry point refuses the same way.
 */
public record RatingRequest(ScoreValues scores, String comment, String idNumber) {

  /** The five scores as sent, any of them possibly missing. */
  public record ScoreValues(
      Integer access, Integer procedure, Integer officer, Integer result, Integer feedback) {}

  RatingCommand command() {
    ScoreValues s = scores == null ? new ScoreValues(null, null, null, null, null) : scores;
    return new RatingCommand(
        s.access(), s.procedure(), s.officer(), s.result(), s.feedback(), comment);
  }
}
