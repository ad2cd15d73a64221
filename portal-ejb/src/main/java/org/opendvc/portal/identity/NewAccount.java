package org.opendvc.portal.identity;

/**
 * What an administrator asks for when creating an account, as given (checked by {@link
 * AccountService#create}); {@code agencyCode}, {@code fullName} and {@code email} are optional.
 */
public record NewAccount(
    String username,
    String password,
    String role,
    String agencyCode,
    String fullName,
    String email) {

  @Override
  public String toString() {
    // never the password
    return "NewAccount[username="
        + username
        + ", role="
        + role
        + ", agencyCode="
        + agencyCode
        + "]";
  }
}
