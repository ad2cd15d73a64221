package org.opendvc.portal.api.admin;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.identity.Account;

/** An account as the administration API shows it, the same after creating and changing it. */
@JsonbNillable
@JsonbPropertyOrder({"username", "role", "agencyCode", "fullName", "enabled"})
public record AccountAnswer(
    String username, String role, String agencyCode, String fullName, boolean enabled) {

  static AccountAnswer of(Account a) {
    return new AccountAnswer(
        a.username(),
        a.role().name(),
        a.agency().map(Agency::code).orElse(null),
        a.fullName(),
        a.enabled());
  }
}
