package org.opendvc.portal.api.feedback;

import org.opendvc.portal.feedback.FeedbackCommand;

/** A feedback as sent (docs/feedback.md); the domain checks it. */
public record FeedbackRequest(
    String subject,
    String procedureCode,
    String agencyCode,
    String dossierCode,
    String idNumber,
    String title,
    String content,
    String name,
    String email,
    String phone) {

  FeedbackCommand command() {
    return new FeedbackCommand(
        subject,
        procedureCode,
        agencyCode,
        dossierCode,
        idNumber,
        title,
        content,
        name,
        email,
        phone);
  }
}
