package org.opendvc.portal.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What public tracking shows of a dossier, read with one narrow query (the dossier row with the
 * procedure's and agency's code and name, joined with its history) rather than by loading the
 * entities, and kept by {@link TrackingService}'s cache until the dossier changes. Nothing in it
 * depends on the time of reading: timeliness is worked out when it is shown.
 */
public record TrackingView(
    String code,
    String procedureCode,
    String procedureName,
    String agencyCode,
    String agencyName,
    DossierStatus status,
    Instant receivedAt,
    Instant dueAt,
    Instant finishedAt,
    int supplementRequests,
    List<Step> history) {

  public TrackingView {
    history = List.copyOf(history);
  }

  /**
   * One step of the timeline as the public sees it: what was done (the action, shown with its
   * standard label), the acting unit's code and its name (null when the code names no agency of the
   * tree), for people to read the name rather than the code. The free-text note an officer or
   * applicant wrote is not part of it: it may name people or details that are nobody else's
   * business, and anyone with the code and ID number can track.
   */
  public record Step(
      DossierStatus status, Instant at, String unit, String action, String unitName) {

    /** The message key of the step's standard label. */
    public String labelKey() {
      return "history.step." + action;
    }

    /** The unit as people read it: its name when known, else its code. */
    public String unitLabel() {
      return unitName != null ? unitName : unit;
    }
  }

  /** How it stands against its appointment date at {@code now}; empty once withdrawn. */
  public Optional<Timeliness> timeliness(Instant now) {
    return Timeliness.of(status, dueAt, finishedAt, supplementRequests, now);
  }
}
