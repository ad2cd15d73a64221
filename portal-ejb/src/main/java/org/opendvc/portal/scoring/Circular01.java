package org.opendvc.portal.scoring;

import java.util.List;

/**
 * The evaluation of one finished dossier by the nine criteria of Circular 01/2018/TT-VPCP, two
 * points each (18 in total), from what the portal knows (docs/scorecard.md). A criterion the portal
 * cannot know earns no points and says so, like the scorecard's indicators.
 */
public record Circular01(double points, int measuredMax, List<Criterion> criteria) {

  /** The most a dossier can earn. */
  public static final int MAX = 18;

  /** One criterion: its key, its points (0 to 2; null when not measured) and its status. */
  @jakarta.json.bind.annotation.JsonbNillable
  public record Criterion(String key, Integer points, Scorecard.Status status) {}

  /**
   * What a finished dossier's evaluation is computed from.
   *
   * @param outcome EARLY, ON_TIME or LATE
   * @param transfers how many times it was transferred to another agency
   * @param supplementRequests how many times a supplement was asked for
   * @param throughOneStop received through the one-stop desk or online (every dossier the portal
   *     holds)
   * @param procedurePublished its procedure is published with complete information
   * @param officerScore the applicant's score for the officer (1 to 5), null when not rated
   * @param level the online level its agency offers the procedure at (2, 3 or 4)
   * @param feedback feedback sent about the dossier
   * @param feedbackLate of those, the ones handled (or waiting) past a deadline
   */
  public record Facts(
      String outcome,
      int transfers,
      int supplementRequests,
      boolean throughOneStop,
      boolean procedurePublished,
      Integer officerScore,
      int level,
      int feedback,
      int feedbackLate) {}

  /** The evaluation of a finished dossier. */
  public static Circular01 of(Facts f) {
    int timeliness =
        switch (f.outcome()) {
          case "EARLY" -> 2;
          case "ON_TIME" -> 1;
          default -> 0;
        };
    List<Criterion> criteria =
        List.of(
            measured("totalTime", timeliness),
            f.transfers() == 0
                ? measured("timePerUnit", timeliness)
                : new Criterion("timePerUnit", null, Scorecard.Status.NOT_MEASURED),
            measured(
                "supplementRequests",
                f.supplementRequests() == 0 ? 2 : f.supplementRequests() == 1 ? 1 : 0),
            measured("agenciesInvolved", f.transfers() == 0 ? 2 : f.transfers() <= 2 ? 1 : 0),
            measured("oneStop", f.throughOneStop() ? 2 : 0),
            measured("procedurePublished", f.procedurePublished() ? 2 : 0),
            f.officerScore() == null
                ? new Criterion("officerRating", null, Scorecard.Status.NO_DATA)
                : measured(
                    "officerRating", f.officerScore() >= 4 ? 2 : f.officerScore() == 3 ? 1 : 0),
            measured("feedbackHandled", f.feedback() == 0 ? 2 : f.feedbackLate() == 0 ? 1 : 0),
            measured("onlineProvision", f.level() >= 4 ? 2 : f.level() == 3 ? 1 : 0));
    int points =
        criteria.stream().filter(c -> c.points() != null).mapToInt(Criterion::points).sum();
    int measured = (int) criteria.stream().filter(c -> c.points() != null).count() * 2;
    return new Circular01(points, measured, criteria);
  }

  private static Criterion measured(String key, int points) {
    return new Criterion(key, points, Scorecard.Status.MEASURED);
  }
}
