package org.opendvc.portal.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.FieldProblem;

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

  private static final Pattern CITIZEN_ID = Pattern.compile("\\d{9}|\\d{12}");
  private static final Pattern BUSINESS_ID = Pattern.compile("\\d{10}(-\\d{3})?");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,15}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  protected Applicant() {}

  /**
   * An applicant as given in an input, checked: type CITIZEN or BUSINESS, a name, an ID number of
   * the type's shape (12 or 9 digits; a 10-digit business code, a branch's with "-NNN"), and
   * optional phone, e-mail and address of sane shape and length. Each problem is added to {@code
   * problems} under {@code applicant.<field>}; null when there is one.
   */
  public static Applicant checked(
      String type,
      String fullName,
      String idNumber,
      String phone,
      String email,
      String address,
      List<FieldProblem> problems) {
    int before = problems.size();
    ApplicantType t = Inputs.parse(ApplicantType.class, "applicant.type", type, problems);
    String name = Inputs.required("applicant.fullName", fullName, 255, problems);
    String id = Inputs.required("applicant.idNumber", idNumber, 20, problems);
    if (id != null && t != null) {
      Pattern p = t == ApplicantType.CITIZEN ? CITIZEN_ID : BUSINESS_ID;
      if (!p.matcher(id).matches()) {
        problems.add(
            new FieldProblem(
                "applicant.idNumber",
                t == ApplicantType.CITIZEN
                    ? "dossier.citizenIdInvalid"
                    : "dossier.businessIdInvalid"));
      }
    }
    String ph = Inputs.optional("applicant.phone", phone, 30, PHONE, problems);
    String em = Inputs.optional("applicant.email", email, 255, EMAIL, problems);
    String ad = Inputs.optional("applicant.address", address, 500, null, problems);
    return problems.size() > before ? null : new Applicant(t, name, id, ph, em, ad);
  }

  public Applicant(
      ApplicantType type,
      String fullName,
      String idNumber,
      String phone,
      String email,
      String address) {
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
