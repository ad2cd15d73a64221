package org.opendvc.portal.payment;

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
import java.util.Optional;
import org.opendvc.portal.dossier.Dossier;

/** One online payment of a dossier's fees, by one provider, with the provider's reference. */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dossier_id", updatable = false)
  private Dossier dossier;

  @Column(nullable = false, updatable = false)
  private long amount;

  @Column(nullable = false, length = 3, updatable = false)
  private String currency;

  @Column(nullable = false, length = 20, updatable = false)
  private String provider;

  @Column(nullable = false, length = 64, updatable = false)
  private String reference;

  @Column(name = "redirect_url", nullable = false, length = 500, updatable = false)
  private String redirectUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private PaymentStatus status;

  @Column(name = "requested_by", nullable = false, length = 100, updatable = false)
  private String requestedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected Payment() {}

  Payment(
      Dossier dossier,
      long amount,
      String provider,
      PaymentProvider.Started started,
      String requestedBy,
      Instant now) {
    this.dossier = dossier;
    this.amount = amount;
    this.currency = "VND";
    this.provider = provider;
    this.reference = started.reference();
    this.redirectUrl = started.redirectUrl();
    this.status = PaymentStatus.PENDING;
    this.requestedBy = requestedBy;
    this.createdAt = now;
  }

  void complete(boolean paid, Instant now) {
    status = paid ? PaymentStatus.PAID : PaymentStatus.FAILED;
    completedAt = now;
  }

  public Long id() {
    return id;
  }

  public Dossier dossier() {
    return dossier;
  }

  public long amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public String provider() {
    return provider;
  }

  public String reference() {
    return reference;
  }

  public String redirectUrl() {
    return redirectUrl;
  }

  public PaymentStatus status() {
    return status;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }
}
