package org.opendvc.portal.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;

/**
 * One step of a dossier's history: who did what, when, from which status to which, with the step's
 * note and the due moment after it. Written once, never changed.
 */
@Entity
@Table(name = "dossier_history")
public class StatusChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id", updatable = false)
  private Dossier dossier;

  @Column(nullable = false, updatable = false)
  private int seq;

  @Column(nullable = false, length = 30, updatable = false)
  private String action;

  @Convert(converter = DossierStatusConverter.class)
  @Column(name = "from_status", updatable = false)
  private DossierStatus fromStatus;

  @Convert(converter = DossierStatusConverter.class)
  @Column(name = "to_status", nullable = false, updatable = false)
  private DossierStatus toStatus;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, length = 100, updatable = false)
  private String actor;

  @Column(name = "unit_code", length = 40, updatable = false)
  private String unitCode;

  @Column(length = 2000, updatable = false)
  private String note;

  @Column(name = "due_at", updatable = false)
  private Instant dueAt;

  /** The agency handling the dossier once this step was taken. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agency_id", updatable = false)
  private Agency agency;

  /**
   * The agency whose own case software reported this step (the agency code of its system's
   * account), for a step published through the agency sync; null for the portal's own steps.
   */
  @Column(name = "reported_by", length = 40, updatable = false)
  private String reportedBy;

  /** That system's own number for the step (from 1 per dossier), with {@link #reportedBy}. */
  @Column(name = "reported_seq", updatable = false)
  private Integer reportedSeq;

  protected StatusChange() {}

  StatusChange(
      Dossier dossier,
      int seq,
      String action,
      DossierStatus from,
      DossierStatus to,
      Instant at,
      String actor,
      String unitCode,
      String note,
      Instant dueAt,
      Agency agency,
      String reportedBy,
      Integer reportedSeq) {
    this.reportedBy = reportedBy;
    this.reportedSeq = reportedSeq;
    this.dossier = dossier;
    this.seq = seq;
    this.action = action;
    this.fromStatus = from;
    this.toStatus = to;
    this.at = at;
    this.actor = actor;
    this.unitCode = unitCode;
    this.note = note;
    this.dueAt = dueAt;
    this.agency = agency;
  }

  public int seq() {
    return seq;
  }

  /** The action's name, or {@code SUBMIT} / {@code RECEIVE} for the first step. */
  public String action() {
    return action;
  }

  public Optional<DossierStatus> from() {
    return Optional.ofNullable(fromStatus);
  }

  public DossierStatus to() {
    return toStatus;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String unitCode() {
    return unitCode;
  }

  public String note() {
    return note;
  }

  /** How the portal notes a payment reported by a provider: provider, reference, amount. */
  private static final java.util.regex.Pattern PAID_ONLINE =
      java.util.regex.Pattern.compile("paid online: (\\S+) (\\S+) \\((\\d+) VND\\)");

  /**
   * The note as a person reads it in their language: the notes the portal itself writes (a payment
   * reported by the provider) are told from the bundle; a person's own note is shown as they wrote
   * it.
   */
  public String readableNote(java.util.Locale locale) {
    return readable(note, locale);
  }

  /** A history note as a person reads it in their language (see {@link #readableNote}). */
  public static String readable(String note, java.util.Locale locale) {
    if (note == null) {
      return null;
    }
    java.util.regex.Matcher m = PAID_ONLINE.matcher(note);
    if (m.matches()) {
      return org.opendvc.portal.shared.Messages.get(
          locale,
          "history.paidOnline",
          m.group(1),
          m.group(2),
          java.text.NumberFormat.getIntegerInstance(org.opendvc.portal.shared.Messages.VIETNAMESE)
              .format(Long.parseLong(m.group(3))));
    }
    return note;
  }

  public Instant dueAt() {
    return dueAt;
  }

  /** The agency whose system reported this step; empty for the portal's own steps. */
  public Optional<String> reportedBy() {
    return Optional.ofNullable(reportedBy);
  }

  /** The reporting system's own number for this step; empty for the portal's own steps. */
  public Optional<Integer> reportedSeq() {
    return Optional.ofNullable(reportedSeq);
  }

  /** The agency handling the dossier once this step was taken (the target of a transfer). */
  public Agency agency() {
    return agency;
  }
}
