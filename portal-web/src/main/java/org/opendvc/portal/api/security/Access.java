package org.opendvc.portal.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.dossier.AccessPolicy;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;

/**
 * Role checks for resources, on the claims of the caller's token: 401 when nobody signed in, 403
 * when the role does not fit. Which roles fit is asked of the one {@link
 * org.opendvc.portal.dossier.AccessPolicy}, which also decides, per dossier, who may see and act on
 * it once the resource has let the caller in.
 */
public final class Access {

  private Access() {}

  public static TokenClaims require(
      HttpServletRequest request, HttpHeaders headers, Role... roles) {
    Locale locale = RequestLocale.of(headers);
    Object claims = request.getAttribute(BearerTokenMechanism.CLAIMS_ATTRIBUTE);
    if (!(claims instanceof TokenClaims c)) {
      throw new WebApplicationException(Problem.unauthorized(locale));
    }
    if (!AccessPolicy.admits(c.role(), roles)) {
      throw new WebApplicationException(Problem.forbidden(locale));
    }
    return c;
  }
}
