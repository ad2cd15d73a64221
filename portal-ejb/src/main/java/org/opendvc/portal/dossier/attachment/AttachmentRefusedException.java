package org.opendvc.portal.dossier.attachment;

import jakarta.ejb.ApplicationException;

/**
 * A file the portal does not take, and why: too large (413), of a type not accepted (415), or
 * inconsistent with what it claims to be or where it is meant to go (422).
 */
@ApplicationException(rollback = true)
public class AttachmentRefusedException extends RuntimeException {

  /** Why a file was refused. */
  public enum Reason {
    TOO_LARGE,
    EMPTY,
    TYPE_NOT_ACCEPTED,
    CONTENT_MISMATCH,
    UNKNOWN_COMPONENT,
    /** The dossier holds as many files, or as many bytes, as it may. */
    DOSSIER_FULL,
    /** The account sent more files than it may in a short time. */
    TOO_FAST
  }

  private final Reason reason;
  private final String messageKey;
  private final transient Object[] args;

  public AttachmentRefusedException(Reason reason, String messageKey, Object... args) {
    super(messageKey);
    this.reason = reason;
    this.messageKey = messageKey;
    this.args = args;
  }

  /** A file, or a whole body, that passes the size limit of {@code maxBytes}. */
  public static AttachmentRefusedException tooLarge(long maxBytes) {
    return new AttachmentRefusedException(
        Reason.TOO_LARGE, "attachment.tooLarge", UploadLimits.of(maxBytes, "pdf").maxSizeText());
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
