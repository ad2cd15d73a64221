package org.opendvc.portal.infrastructure.demo;

import java.time.Instant;
import java.util.List;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.identity.Account;

/**
 * One demo dossier as it goes into the {@code dossier} table, with its history: the columns the
 * entity writes, read off a transient {@link Dossier} that the generator moved through its
 * lifecycle, with agencies, procedure and owner named by code and username.
 */
record DemoDossier(
    String code,
    String procedureCode,
    String receivingAgencyCode,
    String agencyCode,
    String channel,
    int status,
    Integer statusBeforeRequest,
    String applicantType,
    String applicantName,
    String applicantIdNumber,
    String applicantPhone,
    String applicantEmail,
    String applicantAddress,
    String ownerUsername,
    Instant receivedAt,
    Instant acceptedAt,
    Instant dueAt,
    Instant pausedAt,
    Instant finishedAt,
    int supplementRequests,
    String outcome,
    List<Step> history) {

  DemoDossier {
    history = List.copyOf(history);
  }

  /** The rows of a simulated dossier, under the code the generator numbered it with. */
  static DemoDossier of(String code, Dossier d) {
    Applicant a = d.applicant();
    return new DemoDossier(
        code,
        d.procedure().code(),
        d.receivingAgency().code(),
        d.agency().code(),
        d.channel().name(),
        d.status().code(),
        d.statusBeforeRequest().map(DossierStatus::code).orElse(null),
        a.type().name(),
        a.fullName(),
        a.idNumber(),
        a.phone(),
        a.email(),
        a.address(),
        d.owner().map(Account::username).orElse(null),
        d.receivedAt(),
        d.acceptedAt().orElse(null),
        d.dueAt().orElse(null),
        d.pausedAt().orElse(null),
        d.finishedAt().orElse(null),
        d.supplementRequests(),
        d.outcome().map(Enum::name).orElse(null),
        d.history().stream().map(DemoDossier::step).toList());
  }

  private static Step step(StatusChange c) {
    return new Step(
        c.seq(),
        c.action(),
        c.from().map(DossierStatus::code).orElse(null),
        c.to().code(),
        c.at(),
        c.actor(),
        c.unitCode(),
        c.note(),
        c.dueAt(),
        c.agency().code());
  }

  /** The version column: one per history step. */
  int version() {
    return history.size();
  }

  /** One row of {@code dossier_history}. */
  record Step(
      int seq,
      String action,
      Integer fromStatus,
      int toStatus,
      Instant at,
      String actor,
      String unitCode,
      String note,
      Instant dueAt,
      String agencyCode) {}
}
