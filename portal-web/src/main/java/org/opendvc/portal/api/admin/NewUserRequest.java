package org.opendvc.portal.api.admin;

import org.opendvc.portal.identity.NewAccount;

/**
 * The body of {@code POST /api/v1/admin/users}. Its rules (user name, password, role and agency)
 * are the domain's, checked by {@link org.opendvc.portal.identity.AccountService}, so they hold for
 * the pages too.
 */
public record NewUserRequest(
    String username,
    String password,
    String role,
    String agencyCode,
    String fullName,
    String email) {

  NewAccount account() {
    return new NewAccount(username, password, role, agencyCode, fullName, email);
  }
}
