package org.opendvc.portal.api.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One dossier of a batch in the national sync shape, as sent. Moments are text (ISO-8601 with an
 * offset; without one, local time in Asia/Ho_Chi_Minh) so that a wrong one is named, not a failure
 * to read the whole record. Message templates are message-bundle keys.
 */
public record DossierRecord(
    @NotBlank(message = "sync.required") @Size(max = 60, message = "sync.tooLong") String code,
    @NotBlank(message = "sync.required") @Size(max = 40, message = "sync.tooLong")
        String procedureCode,
    @NotBlank(message = "sync.required") @Size(max = 40, message = "sync.tooLong")
        String agencyCode,
    @NotBlank(message = "sync.required") String channel,
    @NotBlank(message = "sync.required") @Size(max = 40, message = "sync.tooLong")
        String receivedAt,
    @Size(max = 40, message = "sync.tooLong") String dueAt,
    @NotNull(message = "sync.required") @Valid ApplicantRecord applicant,
    @NotNull(message = "sync.required")
        @Size(max = DossierRecord.MAX_CHANGES, message = "sync.tooManyItems")
        List<@NotNull(message = "sync.required") @Valid ChangeRecord> changes) {

  /** The most changes one record may carry. */
  public static final int MAX_CHANGES = 500;

  /** The applicant, checked by the domain's rules for applicants. */
  public record ApplicantRecord(
      String type, String fullName, String idNumber, String phone, String email, String address) {}

  /** One status change, numbered by the agency's system from 1. */
  public record ChangeRecord(
      @NotNull(message = "sync.required")
          @jakarta.validation.constraints.Min(value = 1, message = "sync.seqInvalid")
          Integer seq,
      @NotNull(message = "sync.required")
          @jakarta.validation.constraints.Min(value = 1, message = "sync.statusInvalid")
          @jakarta.validation.constraints.Max(value = 10, message = "sync.statusInvalid")
          Integer status,
      @NotBlank(message = "sync.required") @Size(max = 40, message = "sync.tooLong") String at,
      @Size(max = 40, message = "sync.tooLong") String dueAt,
      @Size(max = 40, message = "sync.tooLong") String agencyCode,
      @Size(max = 2000, message = "sync.tooLong") String note) {}
}
