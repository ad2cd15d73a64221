package org.opendvc.portal.dossier;

import java.time.Instant;
import java.util.List;

/**
 * What public tracking shows of a dossier, read with two narrow queries (the dossier row with the
 * procedure's and agency's code and name, then its history) rather than by loading the entities:
 * the busiest read path of the portal stays as cheap as the rows it needs.
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

  /** One step of the timeline as the public sees it. */
  public record Step(DossierStatus status, Instant at, String unit, String note) {}

  public Timeliness timeliness(Instant now) {
    return Timeliness.of(dueAt, finishedAt, supplementRequests, now);
  }
}
