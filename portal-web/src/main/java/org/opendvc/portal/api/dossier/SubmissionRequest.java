package org.opendvc.portal.api.dossier;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;
import org.opendvc.portal.api.problem.StrictJson;
import org.opendvc.portal.dossier.SubmitCommand;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The body of {@code POST /api/v1/dossiers} (and the {@code dossier} part of the multipart
 * submission). What a valid submission is (procedure, agency, channel, applicant, the e-form's
 * fields) is the domain's rule, checked when the command is carried out; this only binds.
 *
 * @param form the e-form's values, a JSON object whose shape the procedure's form gives
 * @param promised the numbers of the components whose paper the applicant will bring
 */
public record SubmissionRequest(
    String procedureCode,
    String agencyCode,
    String channel,
    ApplicantPart applicant,
    JsonValue form,
    @JsonbTypeDeserializer(StrictJson.WholeInts.class) List<Integer> promised) {

  /** Who submits: a citizen or a business. */
  public record ApplicantPart(
      String type, String fullName, String idNumber, String phone, String email, String address) {}

  SubmitCommand command() {
    if (form != null
        && form.getValueType() != JsonValue.ValueType.OBJECT
        && form.getValueType() != JsonValue.ValueType.NULL) {
      throw new InvalidInputException("form", "dossier.formInvalid");
    }
    ApplicantPart a =
        applicant == null ? new ApplicantPart(null, null, null, null, null, null) : applicant;
    String formJson =
        form != null && form.getValueType() == JsonValue.ValueType.OBJECT ? form.toString() : null;
    return new SubmitCommand(
        procedureCode,
        agencyCode,
        channel,
        a.type(),
        a.fullName(),
        a.idNumber(),
        a.phone(),
        a.email(),
        a.address(),
        formJson,
        List.of(),
        promised == null ? List.of() : promised);
  }
}
