package org.opendvc.portal.api.dossier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.receipt.ReceiptService;
import org.opendvc.portal.http.ReceiptDelivery;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;

/**
 * The receipt of a dossier (form 01) as a PDF, for those who may see the dossier. Its QR code
 * points at {@code <portal.public.url>/tracking/<code>}, or, when that is not configured, at the
 * scheme, host and port this request came to.
 */
@RequestScoped
@Path("/v1/dossiers/{code}/receipt.pdf")
@Tag(name = "Dossiers")
@SecurityRequirement(name = "bearer")
public class ReceiptResource {

  static final String PDF = "application/pdf";

  @Inject private ReceiptService receipts;

  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @GET
  @Produces(PDF)
  @Operation(
      summary = "The dossier's receipt (form 01) as a PDF",
      description =
          "Owner, the agency's officers and admins; anyone else gets 404 as for an"
              + " unknown code. The QR code leads to <portal.public.url>/tracking/{code}.")
  public Response receipt(@PathParam("code") String code) {
    TokenClaims c = Access.require(request, headers, Role.people());
    ReceiptService.Receipt receipt =
        receipts.receipt(
            code,
            new Caller(c.username(), c.role(), c.agencyCode()),
            ReceiptDelivery.baseUrl(request));
    return Response.ok(receipt.pdf(), PDF)
        .header("Content-Disposition", ReceiptDelivery.disposition(receipt))
        // personal data: neither shared caches nor the browser's disk keep it
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
