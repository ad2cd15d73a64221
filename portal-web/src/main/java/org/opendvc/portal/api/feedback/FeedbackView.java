package org.opendvc.portal.api.feedback;

import java.time.Instant;
import org.opendvc.portal.feedback.Feedback;

/**
 * A feedback as anyone holding its code (or, once published, anyone) sees it: never the sender's
 * name, e-mail, phone or account.
 */
@jakarta.json.bind.annotation.JsonbNillable
public record FeedbackView(
    String code,
    String subject,
    String agencyCode,
    String agencyName,
    String procedureCode,
    String procedureName,
    String title,
    String content,
    String status,
    Instant receivedAt,
    Instant refuseBy,
    Instant resolveBy,
    Instant answeredAt,
    String answer,
    Instant publishBy,
    Instant publishedAt,
    boolean late) {

  static FeedbackView of(Feedback f, Instant now) {
    return new FeedbackView(
        f.code(),
        f.subject().name(),
        f.agency().code(),
        f.agency().name(),
        f.procedure().map(p -> p.code()).orElse(null),
        f.procedure().map(p -> p.name()).orElse(null),
        f.title(),
        f.content(),
        f.status().name(),
        f.receivedAt(),
        f.refuseBy(),
        f.resolveBy(),
        f.answeredAt().orElse(null),
        f.answer().orElse(null),
        f.publishBy().orElse(null),
        f.publishedAt().orElse(null),
        f.late(now));
  }

  /** The same, with the sender: for the agency answering it. */
  @jakarta.json.bind.annotation.JsonbNillable
  public record WithSender(
      FeedbackView feedback, String senderName, String senderEmail, String senderPhone) {

    static WithSender of(Feedback f, Instant now) {
      Feedback.Sender s = f.sender();
      return new WithSender(FeedbackView.of(f, now), s.name(), s.email(), s.phone());
    }
  }

  /** A page of feedback as the public sees it. */
  public record Listing(long total, int page, int size, java.util.List<FeedbackView> items) {}

  /** A page of the agency's feedback, with the senders. */
  public record Inbox(long total, int page, int size, java.util.List<WithSender> items) {}
}
