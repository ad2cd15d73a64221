package org.opendvc.portal.dossier;

import jakarta.ejb.ApplicationException;

/** The caller is known but may not do this (403). */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

  private final String messageKey;

  public ForbiddenException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
