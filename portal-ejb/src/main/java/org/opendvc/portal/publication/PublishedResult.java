package org.opendvc.portal.publication;

import java.time.Instant;
import org.opendvc.portal.dossier.Timeliness;

/**
 * One finished dossier as the results board shows it: no personal data but the masked name ({@link
 * NameMask}). {@code receivingAgency...} are set only when the dossier was transferred (liên thông)
 * and so finished at another agency than the one that received it; {@code level} is the online
 * level at which the finishing agency offers the procedure, when it offers it.
 */
public record PublishedResult(
    String code,
    String procedureCode,
    String procedureName,
    String agencyCode,
    String agencyName,
    String receivingAgencyCode,
    String receivingAgencyName,
    String field,
    Integer level,
    Instant receivedAt,
    Instant dueAt,
    Instant finishedAt,
    Timeliness timeliness,
    String applicant) {

  public boolean transferred() {
    return receivingAgencyCode != null;
  }
}
