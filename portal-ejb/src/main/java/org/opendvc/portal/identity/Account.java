package org.opendvc.portal.identity;

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
import org.opendvc.portal.catalogue.Agency;

/** A person's or a system's account; the password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "account")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "agency_id")
  private Agency agency;

  @Column(name = "full_name", length = 255)
  private String fullName;

  @Column(length = 255)
  private String email;

  @Column(length = 30)
  private String phone;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  /** An account created at the given moment. */
  public Account(
      String username,
      String passwordHash,
      Role role,
      Agency agency,
      String fullName,
      Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.agency = agency;
    this.fullName = fullName;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public Optional<Agency> agency() {
    return Optional.ofNullable(agency);
  }

  public String fullName() {
    return fullName;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Disables or enables the account: a disabled one can neither sign in nor use its tokens. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Gives the account another role, with the agency that role needs (null for none). */
  public void assign(Role role, Agency agency) {
    this.role = role;
    this.agency = agency;
  }

  public void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  public String email() {
    return email;
  }

  public void changeEmail(String email) {
    this.email = email;
  }

  /** The phone number the person gave as a contact, or null. */
  public String phone() {
    return phone;
  }

  public void changePhone(String phone) {
    this.phone = phone;
  }
}
