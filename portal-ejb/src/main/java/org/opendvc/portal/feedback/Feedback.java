package org.opendvc.portal.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.dossier.ActionRefusedException;

/**
 * A feedback and the agency's handling of it. The state machine: RECEIVED → REFUSED, or RECEIVED →
 * ANSWERED → PUBLISHED. Deadlines are fixed on receipt (refuse, answer) and on answering (publish);
 * acting after one is allowed and recorded as late.
 */
@Entity
@Table(name = "feedback")
public class Feedback {

  /** What the feedback is about. */
  public enum Subject {
    PROCEDURE,
    AGENCY,
    DOSSIER
  }

  public static final int TITLE_MAX = 200;
  public static final int CONTENT_MAX = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 30, updatable = false)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private Subject subject;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "agency_id", updatable = false)
  private Agency agency;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "procedure_id", updatable = false)
  private Procedure procedure;

  @Column(name = "dossier_id", updatable = false)
  private Long dossierId;

  @Column(nullable = false, length = TITLE_MAX, updatable = false)
  private String title;

  @Column(nullable = false, length = CONTENT_MAX, updatable = false)
  private String content;

  @Column(name = "sender_name", updatable = false)
  private String senderName;

  @Column(name = "sender_email", nullable = false, updatable = false)
  private String senderEmail;

  @Column(name = "sender_phone", updatable = false)
  private String senderPhone;

  @Column(name = "sender_account", updatable = false)
  private String senderAccount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private FeedbackStatus status;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "refuse_by", nullable = false, updatable = false)
  private Instant refuseBy;

  @Column(name = "resolve_by", nullable = false, updatable = false)
  private Instant resolveBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(length = CONTENT_MAX)
  private String answer;

  @Column(name = "publish_by")
  private Instant publishBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private int version;

  protected Feedback() {}

  Feedback(
      String code,
      Subject subject,
      Agency agency,
      Procedure procedure,
      Long dossierId,
      String title,
      String content,
      Sender sender,
      Instant now,
      Instant refuseBy,
      Instant resolveBy) {
    this.code = code;
    this.subject = subject;
    this.agency = agency;
    this.procedure = procedure;
    this.dossierId = dossierId;
    this.title = title;
    this.content = content;
    this.senderName = sender.name();
    this.senderEmail = sender.email();
    this.senderPhone = sender.phone();
    this.senderAccount = sender.account();
    this.status = FeedbackStatus.RECEIVED;
    this.receivedAt = now;
    this.refuseBy = refuseBy;
    this.resolveBy = resolveBy;
  }

  /** Who sent it: for the answer only, never published. */
  public record Sender(String name, String email, String phone, String account) {}

  void refuse(String reason, String officer, Instant now) {
    require(FeedbackStatus.RECEIVED);
    status = FeedbackStatus.REFUSED;
    answer = reason;
    answeredBy = officer;
    answeredAt = now;
  }

  void answer(String text, String officer, Instant now, Instant publishBy) {
    require(FeedbackStatus.RECEIVED);
    status = FeedbackStatus.ANSWERED;
    answer = text;
    answeredBy = officer;
    answeredAt = now;
    this.publishBy = publishBy;
  }

  void publish(Instant now) {
    require(FeedbackStatus.ANSWERED);
    status = FeedbackStatus.PUBLISHED;
    publishedAt = now;
  }

  private void require(FeedbackStatus expected) {
    if (status != expected) {
      throw new ActionRefusedException("feedback.notAllowed", code, status.name());
    }
  }

  /**
   * Whether a deadline was or is missed at {@code now}: refused after its deadline, answered after
   * {@code resolveBy}, published after {@code publishBy}, or still waiting past one of them.
   */
  public boolean late(Instant now) {
    return switch (status) {
      case RECEIVED -> now.isAfter(resolveBy);
      case REFUSED -> answeredAt.isAfter(refuseBy);
      case ANSWERED -> answeredAt.isAfter(resolveBy) || now.isAfter(publishBy);
      case PUBLISHED -> answeredAt.isAfter(resolveBy) || publishedAt.isAfter(publishBy);
    };
  }

  public String code() {
    return code;
  }

  public Subject subject() {
    return subject;
  }

  public Agency agency() {
    return agency;
  }

  public Optional<Procedure> procedure() {
    return Optional.ofNullable(procedure);
  }

  public String title() {
    return title;
  }

  public String content() {
    return content;
  }

  public Sender sender() {
    return new Sender(senderName, senderEmail, senderPhone, senderAccount);
  }

  public FeedbackStatus status() {
    return status;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Instant refuseBy() {
    return refuseBy;
  }

  public Instant resolveBy() {
    return resolveBy;
  }

  public Optional<Instant> answeredAt() {
    return Optional.ofNullable(answeredAt);
  }

  public Optional<String> answer() {
    return Optional.ofNullable(answer);
  }

  public Optional<Instant> publishBy() {
    return Optional.ofNullable(publishBy);
  }

  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(publishedAt);
  }

  public int version() {
    return version;
  }
}
