package org.opendvc.portal.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The 100-point scorecard (Decision 766 style) computed from {@link ScoreInputs}: five groups of
 * indicators, each indicator with its value, the numbers it comes from, the share at which it earns
 * full points, and its points. An indicator without data (nothing to divide by) and one the portal
 * cannot measure yet earn no points and say so: never full points by default.
 */
public record Scorecard(double points, double measuredMax, List<Group> groups) {

  /** The most a scorecard can earn. */
  public static final int MAX = 100;

  /** Whether an indicator has a value. */
  public enum Status {
    /** Computed from the portal's figures. */
    MEASURED,
    /** Nothing to divide by in the period (e.g. no dossier resolved): no points. */
    NO_DATA,
    /** The portal does not know it yet: no points. */
    NOT_MEASURED
  }

  /** A group of indicators and its points out of its maximum. */
  public record Group(String key, int max, double points, List<Indicator> indicators) {}

  /**
   * One indicator: {@code value} = {@code numerator} / {@code denominator} (or 1 minus shares, as
   * its formula key says), full points from {@code fullAt}; points = max × min(1, value / fullAt),
   * rounded to two decimals.
   */
  @jakarta.json.bind.annotation.JsonbNillable
  public record Indicator(
      String key,
      int max,
      Status status,
      Double value,
      long numerator,
      long denominator,
      double fullAt,
      double points) {}

  /** The scorecard of these inputs. */
  public static Scorecard of(ScoreInputs in) {
    List<Group> groups = new ArrayList<>();
    groups.add(
        group(
            "transparency",
            18,
            share("catalogueComplete", 9, in.offeringsComplete(), in.offerings(), 1.0),
            notMeasured("nationalSync", 9)));
    groups.add(
        group("progress", 20, share("onTime", 20, in.resolvedEarlyOrOnTime(), in.resolved(), 1.0)));
    groups.add(
        group(
            "digitisation",
            22,
            share("electronicResults", 11, in.resolvedWithElectronicResult(), in.resolved(), 1.0),
            share("digitisedPapers", 11, in.receivedWithPapers(), in.received(), 1.0)));
    groups.add(
        group(
            "onlineServices",
            22,
            share("offeredOnline", 6, in.offeringsOnline(), in.offerings(), 0.8),
            share(
                "filedOnline",
                8,
                in.receivedOnlineOfOnlineOfferings(),
                in.receivedOfOnlineOfferings(),
                0.5),
            share(
                "onlinePaymentOffered",
                4,
                in.offeringsWithFeeOnlinePayment(),
                in.offeringsWithFee(),
                1.0),
            share("paidOnline", 4, in.paidOnline(), in.feeBearing(), 1.0)));
    groups.add(
        group(
            "satisfaction",
            18,
            satisfaction(in),
            share("feedbackOnTime", 6, in.feedbackOnTime(), in.feedback(), 1.0)));
    double points = round(groups.stream().mapToDouble(Group::points).sum());
    double measured =
        groups.stream()
            .flatMap(g -> g.indicators().stream())
            .filter(i -> i.status() == Status.MEASURED)
            .mapToInt(Indicator::max)
            .sum();
    return new Scorecard(points, measured, groups);
  }

  /**
   * Satisfaction in handling dossiers: 100 % minus the share resolved late and the share of
   * dossiers resolved whose rating was a dislike (average below 3); full points from 90 %. Feedback
   * counts in its own indicator, handled within its deadlines.
   */
  private static Indicator satisfaction(ScoreInputs in) {
    if (in.resolved() == 0) {
      return new Indicator(
          "handlingSatisfaction",
          12,
          Status.NO_DATA,
          null,
          in.resolvedLate() + in.dislikes(),
          0,
          0.9,
          0);
    }
    double value =
        Math.max(
            0,
            1.0
                - (double) in.resolvedLate() / in.resolved()
                - (double) in.dislikes() / in.resolved());
    return new Indicator(
        "handlingSatisfaction",
        12,
        Status.MEASURED,
        value,
        in.resolvedLate() + in.dislikes(),
        in.resolved(),
        0.9,
        points(12, value, 0.9));
  }

  private static Group group(String key, int max, Indicator... indicators) {
    double points = 0;
    for (Indicator i : indicators) {
      points += i.points();
    }
    return new Group(key, max, round(points), List.of(indicators));
  }

  private static Indicator share(
      String key, int max, long numerator, long denominator, double fullAt) {
    if (denominator == 0) {
      return new Indicator(key, max, Status.NO_DATA, null, numerator, 0, fullAt, 0);
    }
    double value = (double) numerator / denominator;
    return new Indicator(
        key,
        max,
        Status.MEASURED,
        value,
        numerator,
        denominator,
        fullAt,
        points(max, value, fullAt));
  }

  private static Indicator notMeasured(String key, int max) {
    return new Indicator(key, max, Status.NOT_MEASURED, null, 0, 0, 1.0, 0);
  }

  private static double points(int max, double value, double fullAt) {
    return round(max * Math.min(1.0, value / fullAt));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
