package org.opendvc.portal.statistics;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The "06a" figures of one row for a period (docs/domain.md §5): dossiers carried over from before
 * it and new in it (online; counter and post), transferred in from and out to other agencies,
 * resolved early, on time or late, withdrawn after acceptance, and in progress at its end, within
 * time or overdue. {@code received = carriedOver + receivedOnline + receivedOffline} and {@code
 * carriedOver + new + transferredIn = resolved + withdrawn + transferredOut + inProgress}. {@code
 * onTimeRate} is (early + on time) / resolved, between 0 and 1, and null when nothing was resolved;
 * {@code onlineShare} is the share of new dossiers filed online, null when there were none.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "received",
  "carriedOver",
  "receivedOnline",
  "receivedOffline",
  "transferredIn",
  "transferredOut",
  "resolved",
  "resolvedEarly",
  "resolvedOnTime",
  "resolvedLate",
  "withdrawn",
  "inProgress",
  "inProgressWithinTime",
  "inProgressOverdue",
  "onTimeRate",
  "onlineShare"
})
public record Figures(
    long received,
    long carriedOver,
    long receivedOnline,
    long receivedOffline,
    long transferredIn,
    long transferredOut,
    long resolved,
    long resolvedEarly,
    long resolvedOnTime,
    long resolvedLate,
    long withdrawn,
    long inProgress,
    long inProgressWithinTime,
    long inProgressOverdue,
    Double onTimeRate,
    Double onlineShare) {

  /** Nothing at all: no dossier received, carried over or in progress (not a published field). */
  @jakarta.json.bind.annotation.JsonbTransient
  public boolean isEmpty() {
    return received == 0
        && transferredIn == 0
        && resolved == 0
        && withdrawn == 0
        && inProgress == 0
        && transferredOut == 0;
  }

  /** Adds up rows: the counts add, the rates are computed again. */
  static final class Tally {
    long carriedOver;
    long receivedOnline;
    long receivedOffline;
    long transferredIn;
    long transferredOut;
    long resolvedEarly;
    long resolvedOnTime;
    long resolvedLate;
    long withdrawn;
    long inProgress;
    long inProgressOverdue;

    Tally add(Tally o) {
      carriedOver += o.carriedOver;
      receivedOnline += o.receivedOnline;
      receivedOffline += o.receivedOffline;
      transferredIn += o.transferredIn;
      transferredOut += o.transferredOut;
      resolvedEarly += o.resolvedEarly;
      resolvedOnTime += o.resolvedOnTime;
      resolvedLate += o.resolvedLate;
      withdrawn += o.withdrawn;
      inProgress += o.inProgress;
      inProgressOverdue += o.inProgressOverdue;
      return this;
    }

    /**
     * One agency and procedure's figures from its flows before the period (summed from the
     * beginning) and during it.
     */
    static Tally of(int[] before, int[] during) {
      Tally t = new Tally();
      t.carriedOver = inflow(before) - outflow(before);
      t.receivedOnline = at(during, DossierFlows.Counter.RECEIVED_ONLINE);
      t.receivedOffline = at(during, DossierFlows.Counter.RECEIVED_OFFLINE);
      t.transferredIn = at(during, DossierFlows.Counter.TRANSFERRED_IN);
      t.transferredOut = at(during, DossierFlows.Counter.TRANSFERRED_OUT);
      t.resolvedEarly = at(during, DossierFlows.Counter.RESOLVED_EARLY);
      t.resolvedOnTime = at(during, DossierFlows.Counter.RESOLVED_ON_TIME);
      t.resolvedLate = at(during, DossierFlows.Counter.RESOLVED_LATE);
      t.withdrawn = at(during, DossierFlows.Counter.WITHDRAWN);
      t.inProgress = t.carriedOver + inflow(during) - outflow(during);
      t.inProgressOverdue =
          at(before, DossierFlows.Counter.OVERDUE_CHANGE)
              + at(during, DossierFlows.Counter.OVERDUE_CHANGE);
      return t;
    }

    private static long at(int[] v, DossierFlows.Counter c) {
      return v == null ? 0 : v[c.ordinal()];
    }

    private static long inflow(int[] v) {
      return at(v, DossierFlows.Counter.RECEIVED_ONLINE)
          + at(v, DossierFlows.Counter.RECEIVED_OFFLINE)
          + at(v, DossierFlows.Counter.TRANSFERRED_IN);
    }

    private static long outflow(int[] v) {
      return at(v, DossierFlows.Counter.RESOLVED_EARLY)
          + at(v, DossierFlows.Counter.RESOLVED_ON_TIME)
          + at(v, DossierFlows.Counter.RESOLVED_LATE)
          + at(v, DossierFlows.Counter.WITHDRAWN)
          + at(v, DossierFlows.Counter.TRANSFERRED_OUT);
    }

    Figures figures() {
      long resolved = resolvedEarly + resolvedOnTime + resolvedLate;
      long fresh = receivedOnline + receivedOffline;
      return new Figures(
          carriedOver + fresh,
          carriedOver,
          receivedOnline,
          receivedOffline,
          transferredIn,
          transferredOut,
          resolved,
          resolvedEarly,
          resolvedOnTime,
          resolvedLate,
          withdrawn,
          inProgress,
          inProgress - inProgressOverdue,
          inProgressOverdue,
          resolved == 0 ? null : (double) (resolvedEarly + resolvedOnTime) / resolved,
          fresh == 0 ? null : (double) receivedOnline / fresh);
    }
  }
}
