package org.opendvc.portal.dossier;

import jakarta.ejb.ApplicationException;

/**
 * An action that the dossier's state does not allow now: not allowed in its status, or acting on a
 * version that another person has changed meanwhile. Answered as a conflict (409).
 */
@ApplicationException(rollback = true)
public class ActionRefusedException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] args;

  public ActionRefusedException(String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = args;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
