package org.opendvc.portal.api.payment;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.dossier.DossierJson;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.payment.Payment;
import org.opendvc.portal.payment.PaymentService;

/** The owner pays what an officer asked for (REQUEST_PAYMENT) with the configured provider. */
@RequestScoped
@Path("/v1/dossiers/{code}/payments")
@Tag(name = "Payments", description = "Online payment of fees (level 4)")
@SecurityRequirement(name = "bearer")
public class DossierPaymentResource {

  @Inject private PaymentService payments;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start paying a dossier's fees online",
      description =
          "The owner, while the dossier awaits payment (6). Answers {paymentId, amount,"
              + " currency, redirectUrl, reference, status}: send the payer to redirectUrl. A pending"
              + " payment is answered again rather than doubled. PAY is applied when the provider's"
              + " signed callback reports the payment.")
  public Response start(@PathParam("code") String code) {
    Payment p = payments.start(code, caller());
    return Response.created(URI.create("/api/v1/dossiers/" + code + "/payments"))
        .entity(DossierJson.payment(p))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The payments of a dossier, newest first")
  public JsonObject list(@PathParam("code") String code) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    payments.list(code, caller()).forEach(p -> items.add(DossierJson.payment(p)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  private Caller caller() {
    TokenClaims c = Access.require(request, headers, Role.people());
    return new Caller(c.username(), c.role(), c.agencyCode());
  }
}
