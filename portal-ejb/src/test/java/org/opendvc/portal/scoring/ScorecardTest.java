package org.opendvc.portal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Scorecards computed by hand from small inputs (docs/scorecard.md). */
class ScorecardTest {

  private static double points(Scorecard card, String group) {
    return card.groups().stream()
        .filter(g -> g.key().equals(group))
        .findFirst()
        .orElseThrow()
        .points();
  }

  private static Scorecard.Indicator indicator(Scorecard card, String key) {
    return card.groups().stream()
        .flatMap(g -> g.indicators().stream())
        .filter(i -> i.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anOrdinaryAgencyByHand() {
    Scorecard card =
        Scorecard.of(new ScoreInputs(10, 8, 6, 4, 1, 20, 5, 12, 3, 16, 12, 4, 8, 5, 2, 1, 4, 3));
    assertEquals(7.2, points(card, "transparency"), 1e-9, "9 × 8/10, and the sync not measured");
    assertEquals(15.0, points(card, "progress"), 1e-9, "20 × 12/16");
    assertEquals(8.25, points(card, "digitisation"), 1e-9, "11 × 8/16 + 11 × 5/20");
    // 6 × (6/10 ÷ 0.8) + 8 × (3/12 ÷ 0.5) + 4 × 1/4 + 4 × 2/5
    assertEquals(11.1, points(card, "onlineServices"), 1e-9);
    // 12 × ((1 − 4/16 − 1/16) ÷ 0.9) = 12 × 0.763888… = 9.17, and 6 × 3/4 feedback on time
    assertEquals(13.67, points(card, "satisfaction"), 1e-9);
    assertEquals(55.22, card.points(), 1e-9);
    assertEquals(91.0, card.measuredMax(), 1e-9, "everything but the national sync");
    assertEquals(Scorecard.Status.NOT_MEASURED, indicator(card, "nationalSync").status());
    assertEquals(0.0, indicator(card, "nationalSync").points());
    assertEquals(0.6875, indicator(card, "handlingSatisfaction").value(), 1e-9);
  }

  @Test
  void sharesAboveTheirThresholdEarnFullPointsAndNoMore() {
    Scorecard card =
        Scorecard.of(new ScoreInputs(10, 10, 9, 2, 2, 10, 10, 12, 6, 10, 10, 0, 10, 3, 3, 0, 2, 2));
    assertEquals(6.0, indicator(card, "offeredOnline").points(), 1e-9, "90 % ≥ 80 %");
    assertEquals(8.0, indicator(card, "filedOnline").points(), 1e-9, "50 % is full");
    assertEquals(18.0, points(card, "satisfaction"), 1e-9, "100 % ≥ 90 %");
    assertEquals(91.0, card.points(), 1e-9, "the best the portal can grant today");
  }

  @Test
  void anEmptyPeriodEarnsNothingAndSaysThereIsNoData() {
    Scorecard card = Scorecard.of(ScoreInputs.NONE);
    assertEquals(0.0, card.points());
    assertEquals(0.0, card.measuredMax());
    Scorecard.Indicator onTime = indicator(card, "onTime");
    assertEquals(Scorecard.Status.NO_DATA, onTime.status());
    assertNull(onTime.value());
    assertEquals(
        Scorecard.Status.NO_DATA,
        indicator(card, "handlingSatisfaction").status(),
        "nothing resolved is not 100 % satisfied");
    assertEquals(
        Scorecard.Status.NO_DATA,
        indicator(card, "feedbackOnTime").status(),
        "no feedback is no data, not full points");
  }

  @Test
  void satisfactionDoesNotGoBelowZero() {
    Scorecard card =
        Scorecard.of(new ScoreInputs(0, 0, 0, 0, 0, 10, 0, 0, 0, 10, 0, 10, 0, 0, 0, 5, 0, 0));
    assertEquals(0.0, indicator(card, "handlingSatisfaction").value(), 1e-9);
    assertEquals(0.0, points(card, "satisfaction"));
  }

  @Test
  void inputsOfTwoAgenciesAddUp() {
    ScoreInputs a = new ScoreInputs(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    ScoreInputs sum = a.plus(a);
    assertEquals(
        new ScoreInputs(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36), sum);
  }
}
