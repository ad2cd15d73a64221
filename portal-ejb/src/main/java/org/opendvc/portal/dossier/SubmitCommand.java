package org.opendvc.portal.dossier;

/** A dossier to receive: what the applicant or the desk officer filled in. */
public record SubmitCommand(
    String procedureCode,
    String agencyCode,
    String channel,
    String applicantType,
    String fullName,
    String idNumber,
    String phone,
    String email,
    String address,
    String formJson) {}
