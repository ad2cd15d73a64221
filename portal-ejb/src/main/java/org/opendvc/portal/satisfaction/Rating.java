package org.opendvc.portal.satisfaction;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.dossier.Dossier;

/**
 * An applicant's rating of a finished dossier: written once, never changed. It counts for the
 * agency that finished the dossier; its comment is for that agency only, never published.
 */
@Entity
@Table(name = "dossier_rating")
public class Rating {

  /** How the applicant reached the rating form. */
  public enum Through {
    /** Signed in, as the dossier's owner. */
    ACCOUNT,
    /** On the public tracking page, with the dossier code and the ID number. */
    TRACKING
  }

  /** The longest comment kept. */
  public static final int COMMENT_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id", updatable = false)
  private Dossier dossier;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agency_id", updatable = false)
  private Agency agency;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "procedure_id", updatable = false)
  private Procedure procedure;

  @Column(name = "rated_at", nullable = false, updatable = false)
  private Instant ratedAt;

  @Column(name = "rated_on", nullable = false, updatable = false)
  private LocalDate ratedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "rated_through", nullable = false, length = 10, updatable = false)
  private Through through;

  @Column(name = "score_access", nullable = false, updatable = false)
  private int access;

  @Column(name = "score_procedure", nullable = false, updatable = false)
  private int procedureScore;

  @Column(name = "score_officer", nullable = false, updatable = false)
  private int officer;

  @Column(name = "score_result", nullable = false, updatable = false)
  private int result;

  @Column(name = "score_feedback", nullable = false, updatable = false)
  private int feedback;

  @Column(length = COMMENT_MAX, updatable = false)
  private String comment;

  protected Rating() {}

  Rating(Dossier dossier, Scores scores, String comment, Through through, Instant now) {
    this.dossier = dossier;
    this.agency = dossier.agency();
    this.procedure = dossier.procedure();
    this.ratedAt = now;
    this.ratedOn = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
    this.through = through;
    this.access = scores.access();
    this.procedureScore = scores.procedure();
    this.officer = scores.officer();
    this.result = scores.result();
    this.feedback = scores.feedback();
    this.comment = comment;
  }

  public Scores scores() {
    return new Scores(access, procedureScore, officer, result, feedback);
  }

  public Instant ratedAt() {
    return ratedAt;
  }

  public Through through() {
    return through;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }
}
