package org.opendvc.portal.feedback;

/**
 * Feedback as sent: what it is about ({@code subject} PROCEDURE with a procedure and an agency
 * code, AGENCY with an agency code, DOSSIER with a dossier code and the applicant's ID number), its
 * title and content, and how to answer the sender.
 */
public record FeedbackCommand(
    String subject,
    String procedureCode,
    String agencyCode,
    String dossierCode,
    String idNumber,
    String title,
    String content,
    String name,
    String email,
    String phone) {}
