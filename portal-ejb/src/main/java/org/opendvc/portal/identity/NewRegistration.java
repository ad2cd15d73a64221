package org.opendvc.portal.identity;

/**
 * What a citizen gives to create an account, as given (checked by {@link
 * RegistrationService#start}): the e-mail address receives the one-time code and becomes the user
 * name; the phone number is an optional contact.
 */
public record NewRegistration(
    String email, String phone, String fullName, String password, String passwordAgain) {

  @Override
  public String toString() {
    // never the password
    return "NewRegistration[email=" + email + "]";
  }
}
