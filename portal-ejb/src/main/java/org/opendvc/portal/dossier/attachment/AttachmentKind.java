package org.opendvc.portal.dossier.attachment;

/** What a file is to its dossier. */
public enum AttachmentKind {
  /** A paper of one of the procedure's dossier components (thành phần hồ sơ). */
  COMPONENT,
  /** A result document (kết quả giải quyết), uploaded by an officer, linked on RESOLVE. */
  RESULT
}
