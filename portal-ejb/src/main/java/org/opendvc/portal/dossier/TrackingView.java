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

  /** One step of the timeline as the public sees it. */
  public record Step(DossierStatus status, Instant at, String unit, String note) {}

  /** How it stands against its appointment date at {@code now}; empty once withdrawn. */
  public Optional<Timeliness> timeliness(Instant now) {
    return Timeliness.of(status, dueAt, finishedAt, supplementRequests, now);
  }
}
