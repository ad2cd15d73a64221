package org.opendvc.portal.api.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.identity.TokenService;

/**
 * The public key that signs this portal's access tokens, as a JSON Web Key set (RFC 7517), so that
 * a gateway or an agency's system can check a token without asking the portal. Public: a key set
 * holds no secret.
 */
@RequestScoped
@Path("/v1/auth/jwks")
@Tag(name = "Auth")
public class JwksResource {

  /** The media type of a JWK set (RFC 7517, section 8.5). */
  public static final String JWK_SET = "application/jwk-set+json";

  @Inject private TokenService tokens;

  @GET
  @Produces({JWK_SET, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The key that signs access tokens, as a JWK set",
      description =
          "Access tokens are RS256 JWTs whose header names this key by its RFC 7638"
              + " thumbprint (kid). The key is shared by every node and kept across restarts; a"
              + " verifier may cache this set for an hour.")
  @APIResponse(
      responseCode = "200",
      description =
          "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\","
              + "\"alg\":\"RS256\",\"kid\",\"n\",\"e\"}]}",
      content = {@Content(mediaType = JWK_SET), @Content(mediaType = MediaType.APPLICATION_JSON)})
  public Response jwks() {
    return Response.ok(tokens.publicKeys().toString())
        .header("Cache-Control", "public, max-age=3600")
        .build();
  }
}
