package org.opendvc.portal.catalogue;

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
import java.util.Optional;

/**
 * An agency (cơ quan, đơn vị) in the province's tree: the People's Committee, a department (sở), a
 * district (huyện) or a commune (xã, phường). Its code is the unit identifier that also starts the
 * codes of the dossiers it receives (e.g. {@code 000.00.12.H56}).
 */
@Entity
@Table(name = "agency")
public class Agency {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String code;

  @Column(nullable = false, length = 255)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Tier tier;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Agency parent;

  @Column(length = 500)
  private String address;

  @Column(length = 50)
  private String phone;

  @Column(length = 255)
  private String email;

  protected Agency() {}

  public Agency(String code, String name, Tier tier, Agency parent) {
    this.code = code;
    this.name = name;
    this.tier = tier;
    this.parent = parent;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public Tier tier() {
    return tier;
  }

  public Optional<Agency> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * Whether this agency is the given one or one of the units under it (the {@code parent_id} tree):
   * what an account scoped to {@code root} may act for.
   */
  public boolean isWithin(Agency root) {
    Agency a = this;
    for (int depth = 0; a != null && depth < 64; depth++) {
      if (a.code().equals(root.code())) {
        return true;
      }
      a = a.parent().orElse(null);
    }
    return false;
  }

  public String address() {
    return address;
  }

  public String phone() {
    return phone;
  }

  public String email() {
    return email;
  }

  public void contact(String address, String phone, String email) {
    this.address = address;
    this.phone = phone;
    this.email = email;
  }
}
