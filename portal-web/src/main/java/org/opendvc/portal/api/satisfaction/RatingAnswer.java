package org.opendvc.portal.api.satisfaction;

import java.time.Instant;
import org.opendvc.portal.satisfaction.Rating;
import org.opendvc.portal.satisfaction.Scores;

/** A dossier's rating: its code, when and how it was rated, the scores and the comment. */
public record RatingAnswer(
    String code, Instant ratedAt, String through, Scores scores, String comment) {

  static RatingAnswer of(String code, Rating r) {
    return new RatingAnswer(
        code, r.ratedAt(), r.through().name(), r.scores(), r.comment().orElse(null));
  }
}
