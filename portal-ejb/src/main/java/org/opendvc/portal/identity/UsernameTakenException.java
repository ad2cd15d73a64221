package org.opendvc.portal.identity;

import jakarta.ejb.ApplicationException;

/** An account with that username exists already: a conflict (409). */
@ApplicationException(rollback = true)
public class UsernameTakenException extends RuntimeException {

  private final String username;

  public UsernameTakenException(String username) {
    super("username taken: " + username);
    this.username = username;
  }

  public String username() {
    return username;
  }
}
