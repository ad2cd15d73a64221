package org.opendvc.portal.api.security;

import jakarta.security.enterprise.CallerPrincipal;
import org.opendvc.portal.identity.TokenClaims;

/** The caller of an authenticated request, with the claims of its token. */
public class PortalPrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;
  private final transient TokenClaims claims;

  public PortalPrincipal(TokenClaims claims) {
    super(claims.username());
    this.claims = claims;
  }

  public TokenClaims claims() {
    return claims;
  }
}
