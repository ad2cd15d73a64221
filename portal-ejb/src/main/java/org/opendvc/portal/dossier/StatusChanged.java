package org.opendvc.portal.dossier;

import java.time.Instant;

/**
 * Fired (as a CDI event) for every status change of a dossier, received or acted on, inside the
 * transaction that makes it; observers that must only act once it is committed (e-mail, sync with
 * the national portal) observe it with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record StatusChanged(
    String dossierCode,
    String action,
    DossierStatus from,
    DossierStatus to,
    Instant at,
    Instant dueAt,
    String agencyCode,
    String agencyName,
    String procedureCode,
    String procedureName,
    String applicantName,
    String applicantEmail,
    String note) {

  /** The event of one step of a dossier's history. */
  public static StatusChanged of(Dossier d, StatusChange c) {
    return new StatusChanged(
        d.code().toString(),
        c.action(),
        c.from().orElse(null),
        c.to(),
        c.at(),
        d.dueAt().orElse(null),
        d.agency().code(),
        d.agency().name(),
        d.procedure().code(),
        d.procedure().name(),
        d.applicant().fullName(),
        d.applicant().email(),
        c.note());
  }
}
