package org.opendvc.portal.dossier.sync;

import java.time.Instant;
import java.util.List;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.Channel;

/**
 * One record of a batch in the national sync shape, its values already read (the API checks their
 * form): the dossier as the agency's system knows it and the changes it reports.
 *
 * @param code the dossier code (Circular 01/2018)
 * @param procedureCode the procedure
 * @param agencyCode the receiving agency
 * @param channel how it was received
 * @param receivedAt when
 * @param dueAt the appointment given at receipt, or null: the procedure's time limit from
 *     acceptance
 * @param applicant who it is for
 * @param changes the changes, in any order
 */
public record PublishedDossier(
    String code,
    String procedureCode,
    String agencyCode,
    Channel channel,
    Instant receivedAt,
    Instant dueAt,
    Applicant applicant,
    List<PublishedChange> changes) {

  public PublishedDossier {
    changes = List.copyOf(changes);
  }
}
