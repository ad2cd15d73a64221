package org.opendvc.portal.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.identity.Role;

/**
 * The REST API, under {@code /api}. Bearer tokens are MicroProfile JWTs, verified by the platform's
 * MP-JWT ({@code api.security.BearerTokenMechanism} stands in front of it); the token's group is
 * the caller's role, so a resource that needs no more than a role says so with
 * {@code @RolesAllowed}.
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
  Role.Names.APPLICANT,
  Role.Names.OFFICER,
  Role.Names.AGENCY_ADMIN,
  Role.Names.ADMIN,
  Role.Names.AGENCY_SYSTEM
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Public-service portal API",
            version = "1",
            description =
                "Catalogue of administrative procedures, dossiers, tracking and publication."
                    + " Errors are application/problem+json (RFC 9457).",
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "Catalogue", description = "Procedures, agencies and offerings"),
      @Tag(name = "Auth", description = "Access tokens"),
      @Tag(name = "Dossiers", description = "Submission, lifecycle, work lists and tracking"),
      @Tag(name = "Calendar", description = "Working calendar and due dates"),
      @Tag(
          name = "Publication",
          description = "Results of finished dossiers, statistics and open data (public)")
    })
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class PortalApi extends Application {

  /**
   * Error answers keep their problem body: Jersey sets the status instead of calling {@code
   * sendError}, which would hand the request to the pages' HTML error pages. Jersey's generated
   * WADL is off: {@code /openapi} is the one description of the API.
   */
  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of(
        "jersey.config.server.response.setStatusOverSendError",
        true,
        "jersey.config.server.wadl.disableWadl",
        true);
  }
}
