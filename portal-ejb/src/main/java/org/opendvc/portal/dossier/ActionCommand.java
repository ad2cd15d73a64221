package org.opendvc.portal.dossier;

import java.time.Instant;

/**
 * An action on a dossier as asked: its name, its note or reason, and what it may need (the target
 * agency of a transfer, the new appointment of an apology, the amount in đồng of a payment
 * request).
 */
public record ActionCommand(
    String action,
    String note,
    String targetAgencyCode,
    Instant newDueAt,
    Integer expectedVersion,
    Long amount) {

  public ActionCommand(
      String action,
      String note,
      String targetAgencyCode,
      Instant newDueAt,
      Integer expectedVersion) {
    this(action, note, targetAgencyCode, newDueAt, expectedVersion, null);
  }
}
