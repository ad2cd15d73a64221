package org.opendvc.portal.dossier;

import java.util.Arrays;
import java.util.Optional;

/**
 * The national status set used to sync with the National Public Service Portal (docs/domain.md §4):
 * the code and key are part of the public contract.
 */
public enum DossierStatus {
  /** Submitted online, not yet accepted. */
  RECEIVING(1, "receiving"),
  /** Accepted, receipt issued (form 01). */
  NEW(2, "new"),
  /** Refused at intake (form 03). */
  DENIED(3, "denied"),
  /** Being processed, possibly at another agency (liên thông). */
  PROCESSING(4, "processing"),
  /** Supplement requested (form 02); the clock stops. */
  WAITING(5, "waiting"),
  /** Awaiting payment of fees or other obligations. */
  PAYING(6, "paying"),
  /** Withdrawn at the applicant's request. */
  CANCELLED(7, "cancelled"),
  /** Processing stopped, cannot be resolved. */
  UNRESOLVED(8, "unresolved"),
  /** Resolved, result ready. */
  RELEASING(9, "releasing"),
  /** Result returned. */
  DONE(10, "done");

  /** The statuses by code (index 0 unused). */
  private static final DossierStatus[] BY_CODE = new DossierStatus[11];

  static {
    for (DossierStatus s : values()) {
      BY_CODE[s.code] = s;
    }
  }

  private final int code;
  private final String key;

  DossierStatus(int code, String key) {
    this.code = code;
    this.key = key;
  }

  public int code() {
    return code;
  }

  public String key() {
    return key;
  }

  public String messageKey() {
    return "status." + key;
  }

  public static Optional<DossierStatus> ofCode(int code) {
    return code >= 1 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
  }

  public static Optional<DossierStatus> ofKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equalsIgnoreCase(key)).findFirst();
  }

  /** No action moves a dossier out of a final status. */
  public boolean isFinal() {
    return this == DENIED || this == CANCELLED || this == UNRESOLVED || this == DONE;
  }

  /**
   * Whether a dossier in this status must have been accepted: 2, 4, 6, 8, 9 and 10 (3 is refused at
   * intake, 5 can come before acceptance, 7 can be a withdrawal before it).
   */
  public boolean provesAcceptance() {
    return switch (this) {
      case NEW, PROCESSING, PAYING, UNRESOLVED, RELEASING, DONE -> true;
      default -> false;
    };
  }

  /**
   * Whether the processing of the dossier has ended (for timeliness: resolved, returned, stopped or
   * refused).
   */
  public boolean endsProcessing() {
    return this == RELEASING || this == DONE || this == UNRESOLVED || this == DENIED;
  }
}
