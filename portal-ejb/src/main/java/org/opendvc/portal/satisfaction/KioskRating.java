package org.opendvc.portal.satisfaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A rating given at the counter kiosk (quầy tiếp nhận và trả kết quả): the person just served rates
 * the officer at a desk with one tap, from 1 (very dissatisfied) to 5 (very satisfied). Written
 * once, never changed; it counts for the officer and the officer's agency, and only the agency's
 * figures are published.
 */
@Entity
@Table(name = "kiosk_rating")
public class KioskRating {

  /** A desk's code as typed in the kiosk's address: {@code quay-1}, {@code mot-cua}. */
  public static final Pattern DESK = Pattern.compile("[a-z0-9-]{1,30}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agency_id", updatable = false)
  private Agency agency;

  @Column(name = "officer", nullable = false, length = 100, updatable = false)
  private String officer;

  @Column(name = "desk", nullable = false, length = 30, updatable = false)
  private String desk;

  @Column(name = "score", nullable = false, updatable = false)
  private int score;

  @Column(name = "rated_at", nullable = false, updatable = false)
  private Instant ratedAt;

  @Column(name = "rated_on", nullable = false, updatable = false)
  private LocalDate ratedOn;

  protected KioskRating() {}

  KioskRating(Agency agency, String officer, String desk, int score, Instant now) {
    this.agency = agency;
    this.officer = officer;
    this.desk = desk;
    this.score = checkedScore(score);
    this.ratedAt = now;
    this.ratedOn = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
  }

  /** Whether a text is a well-formed desk code. */
  public static boolean isDesk(String code) {
    return code != null && DESK.matcher(code).matches();
  }

  /**
   * The score as given, or {@link InvalidInputException} ({@code kiosk.scoreRange}) when it is
   * missing or not from 1 to 5.
   */
  public static int checkedScore(Integer score) {
    if (score == null || score < Scores.MIN || score > Scores.MAX) {
      throw new InvalidInputException(
          "score", "kiosk.scoreRange", String.valueOf(score), Scores.MIN, Scores.MAX);
    }
    return score;
  }

  public String officer() {
    return officer;
  }

  public String desk() {
    return desk;
  }

  public int score() {
    return score;
  }

  public Instant ratedAt() {
    return ratedAt;
  }

  public LocalDate ratedOn() {
    return ratedOn;
  }
}
