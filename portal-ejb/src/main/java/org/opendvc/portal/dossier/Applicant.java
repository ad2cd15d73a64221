package org.opendvc.portal.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The person or organisation a dossier is for (người nộp hồ sơ). */
@Embeddable
public class Applicant {

  @Enumerated(EnumType.STRING)
  @Column(name = "applicant_type", nullable = false, length = 10)
  private ApplicantType type;

  @Column(name = "applicant_name", nullable = false, length = 255)
  private String fullName;

  /** Personal identification number (số định danh) or business registration number. */
  @Column(name = "applicant_id_number", nullable = false, length = 20)
  private String idNumber;

  @Column(name = "applicant_phone", length = 30)
  private String phone;

  @Column(name = "applicant_email", length = 255)
  private String email;

  @Column(name = "applicant_address", length = 500)
  private String address;

  protected Applicant() {}

  public Applicant(ApplicantType type, String fullName, String idNumber, String phone,
      String email, String address) {
    this.type = type;
    this.fullName = fullName;
    this.idNumber = idNumber;
    this.phone = phone;
    this.email = email;
    this.address = address;
  }

  public ApplicantType type() {
    return type;
  }

  public String fullName() {
    return fullName;
  }

  public String idNumber() {
    return idNumber;
  }

  public String phone() {
    return phone;
  }

  public String email() {
    return email;
  }

  public String address() {
    return address;
  }
}
