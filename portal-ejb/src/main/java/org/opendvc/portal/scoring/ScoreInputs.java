package org.opendvc.portal.scoring;

/**
 * What an agency's (or a scope's) scorecard is computed from, for one period; counts only, so that
 * the inputs of several agencies add up to those of their scope.
 *
 * @param offerings procedures the agency offers
 * @param offeringsComplete of those, the ones published with complete information (steps, papers to
 *     submit, time limit and legal basis)
 * @param offeringsOnline of those, the ones offered online (level 3 or 4)
 * @param offeringsWithFee the ones whose procedure charges a fee
 * @param offeringsWithFeeOnlinePayment of those, the ones at level 4 (the fee can be paid online)
 * @param received dossiers received (accepted) in the period
 * @param receivedWithPapers of those, the ones with at least one paper uploaded as a file
 * @param receivedOfOnlineOfferings dossiers received for procedures offered online
 * @param receivedOnlineOfOnlineOfferings of those, the ones filed online
 * @param resolved dossiers whose processing ended in the period (after acceptance)
 * @param resolvedEarlyOrOnTime of those, early or on time
 * @param resolvedLate of those, late
 * @param resolvedWithElectronicResult of those, the ones with a result document as a file
 * @param feeBearing dossiers asked to pay a fee in the period
 * @param paidOnline of those, paid online
 * @param dislikes ratings given in the period whose average score is below 3
 * @param feedback feedback received in the period
 * @param feedbackOnTime of those, the ones handled within their deadlines so far
 */
public record ScoreInputs(
    long offerings,
    long offeringsComplete,
    long offeringsOnline,
    long offeringsWithFee,
    long offeringsWithFeeOnlinePayment,
    long received,
    long receivedWithPapers,
    long receivedOfOnlineOfferings,
    long receivedOnlineOfOnlineOfferings,
    long resolved,
    long resolvedEarlyOrOnTime,
    long resolvedLate,
    long resolvedWithElectronicResult,
    long feeBearing,
    long paidOnline,
    long dislikes,
    long feedback,
    long feedbackOnTime) {

  public static final ScoreInputs NONE =
      new ScoreInputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The inputs of two agencies together. */
  public ScoreInputs plus(ScoreInputs o) {
    return new ScoreInputs(
        offerings + o.offerings,
        offeringsComplete + o.offeringsComplete,
        offeringsOnline + o.offeringsOnline,
        offeringsWithFee + o.offeringsWithFee,
        offeringsWithFeeOnlinePayment + o.offeringsWithFeeOnlinePayment,
        received + o.received,
        receivedWithPapers + o.receivedWithPapers,
        receivedOfOnlineOfferings + o.receivedOfOnlineOfferings,
        receivedOnlineOfOnlineOfferings + o.receivedOnlineOfOnlineOfferings,
        resolved + o.resolved,
        resolvedEarlyOrOnTime + o.resolvedEarlyOrOnTime,
        resolvedLate + o.resolvedLate,
        resolvedWithElectronicResult + o.resolvedWithElectronicResult,
        feeBearing + o.feeBearing,
        paidOnline + o.paidOnline,
        dislikes + o.dislikes,
        feedback + o.feedback,
        feedbackOnTime + o.feedbackOnTime);
  }
}
