package org.opendvc.portal.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account a citizen asked for and has not yet confirmed: everything the account will have, and
 * the hash of the one-time code e-mailed to the person. The plain code is never kept.
 */
@Entity
@Table(name = "account_registration")
public class Registration {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String token;

  @Column(nullable = false, length = 100)
  private String username;

  @Column(nullable = false, length = 255)
  private String email;

  @Column(length = 30)
  private String phone;

  @Column(name = "full_name", nullable = false, length = 255)
  private String fullName;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(nullable = false, length = 5)
  private String language;

  @Column(nullable = false)
  private int attempts;

  @Column(nullable = false)
  private int sends;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected Registration() {}

  Registration(
      String token,
      String username,
      String email,
      String phone,
      String fullName,
      String passwordHash,
      String codeHash,
      String language,
      Instant now,
      Instant expiresAt) {
    this.token = token;
    this.username = username;
    this.email = email;
    this.phone = phone;
    this.fullName = fullName;
    this.passwordHash = passwordHash;
    this.codeHash = codeHash;
    this.language = language;
    this.sends = 1;
    this.createdAt = now;
    this.sentAt = now;
    this.expiresAt = expiresAt;
  }

  public String token() {
    return token;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public String fullName() {
    return fullName;
  }

  String passwordHash() {
    return passwordHash;
  }

  String codeHash() {
    return codeHash;
  }

  public String language() {
    return language;
  }

  public int attempts() {
    return attempts;
  }

  public int sends() {
    return sends;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  void failedAttempt() {
    attempts++;
  }

  /** A new code replaces the old one; the attempts start again, the expiry too. */
  void resent(String newCodeHash, Instant now, Instant newExpiry) {
    codeHash = newCodeHash;
    attempts = 0;
    sends++;
    sentAt = now;
    expiresAt = newExpiry;
  }
}
