package org.opendvc.portal.infrastructure.demo;

import java.time.Instant;
import java.util.List;

/**
 * One demo dossier as it goes into the {@code dossier} table, with its history: the same columns
 * the entity writes, agencies, procedure and owner named by code and username.
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
    List<Step> history) {

  DemoDossier {
    history = List.copyOf(history);
  }

  /** The version column: one per history step. */
  int version() {
    return history.size();
  }

  /** One row of {@code dossier_history}. */
  record Step(int seq, String action, Integer fromStatus, int toStatus, Instant at, String actor,
      String unitCode, String note, Instant dueAt) {}
}
