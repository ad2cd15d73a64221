package org.opendvc.portal.shared;

import jakarta.ejb.ApplicationException;

/** Something addressed by a code that does not exist. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private final String messageKey;
  private final String code;

  public NotFoundException(String messageKey, String code) {
    super(messageKey + ": " + code);
    this.messageKey = messageKey;
    this.code = code;
  }

  public String messageKey() {
    return messageKey;
  }

  public String code() {
    return code;
  }
}
