package org.opendvc.portal.dossier;

import java.util.List;

/**
 * A dossier to receive: what the applicant or the desk officer filled in. For an online submission,
 * {@code attached} are the components whose file comes with the submission (added in the same
 * transaction) and {@code promised} those whose paper the applicant will bring to the counter:
 * every required component must be one or the other.
 */
public record SubmitCommand(
    String procedureCode,
    String agencyCode,
    String channel,
    String applicantType,
    String fullName,
    String idNumber,
    String phone,
    String email,
    String address,
    String formJson,
    List<Integer> attached,
    List<Integer> promised) {

  public SubmitCommand {
    attached = attached == null ? List.of() : List.copyOf(attached);
    promised = promised == null ? List.of() : List.copyOf(promised);
  }

  /** A submission without files or promised papers (counter and post, or a form only). */
  public SubmitCommand(
      String procedureCode,
      String agencyCode,
      String channel,
      String applicantType,
      String fullName,
      String idNumber,
      String phone,
      String email,
      String address,
      String formJson) {
    this(
        procedureCode,
        agencyCode,
        channel,
        applicantType,
        fullName,
        idNumber,
        phone,
        email,
        address,
        formJson,
        List.of(),
        List.of());
  }

  /** The same submission with the components whose files come with it. */
  public SubmitCommand withAttached(List<Integer> numbers) {
    return new SubmitCommand(
        procedureCode,
        agencyCode,
        channel,
        applicantType,
        fullName,
        idNumber,
        phone,
        email,
        address,
        formJson,
        numbers,
        promised);
  }
}
