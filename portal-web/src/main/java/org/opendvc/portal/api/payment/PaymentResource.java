package org.opendvc.portal.api.payment;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.infrastructure.payment.SandboxPaymentProvider;
import org.opendvc.portal.payment.Payment;
import org.opendvc.portal.payment.PaymentService;
import org.opendvc.portal.payment.PaymentStatus;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.PaymentSettings;

/**
 * Payment providers' side: the callback a provider sends when a payment is settled (verified by its
 * signature, no login), and the sandbox provider's payer page, which plays the bank.
 */
@RequestScoped
@Path("/v1/payments")
@Tag(name = "Payments", description = "Online payment of fees (level 4)")
public class PaymentResource {

  @Inject private PaymentService payments;
  @Inject private SandboxPaymentProvider sandbox;
  @Context private HttpHeaders headers;
  @Context private jakarta.servlet.http.HttpServletRequest request;

  @POST
  @Path("callback/{provider}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "A payment provider reports a payment's outcome",
      description =
          "Signed by the provider (the sandbox: {reference, amount, status: PAID|FAILED,"
              + " at, signature} with signature = hex HMAC-SHA256 of reference|amount|status|at). A"
              + " forged callback is a 403; a repeated one changes nothing.")
  public JsonObject callback(@PathParam("provider") String provider, JsonObject body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body != null) {
      body.forEach(
          (k, v) ->
              fields.put(
                  k,
                  v instanceof JsonString s
                      ? s.getString()
                      : v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString()));
    }
    Payment p = payments.callback(provider, fields);
    return JSON.createObjectBuilder()
        .add("reference", p.reference())
        .add("status", p.status().name())
        .build();
  }

  @GET
  @Path("sandbox/{reference}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The sandbox provider's payer page (no login; for tests and demos)")
  public Response sandboxPage(@PathParam("reference") String reference) {
    Payment p = sandboxPayment(reference);
    Locale locale = RequestLocale.of(headers);
    StringBuilder html = page(locale);
    html.append("<p>")
        .append(esc(Messages.get(locale, "sandbox.intro")))
        .append("</p>\n<ul>")
        .append("<li>")
        .append(esc(Messages.get(locale, "sandbox.dossier", p.dossier().code().toString())))
        .append("</li>")
        .append("<li id=\"amount\">")
        .append(
            esc(
                Messages.get(
                    locale,
                    "sandbox.amount",
                    NumberFormat.getIntegerInstance(Messages.supported(locale))
                        .format(p.amount()))))
        .append("</li>")
        .append("<li>")
        .append(esc(Messages.get(locale, "sandbox.reference", p.reference())))
        .append("</li></ul>\n");
    if (p.status() == PaymentStatus.PENDING) {
      html.append("<form method=\"post\"><button name=\"outcome\" value=\"paid\">")
          .append(esc(Messages.get(locale, "sandbox.pay")))
          .append("</button> <button name=\"outcome\" value=\"failed\">")
          .append(esc(Messages.get(locale, "sandbox.fail")))
          .append("</button></form>\n");
    } else {
      html.append("<p role=\"status\">")
          .append(esc(Messages.get(locale, "sandbox.done." + p.status().name())))
          .append("</p>");
    }
    return Response.ok(
            html.append("</main></body></html>\n").toString(),
            MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .build();
  }

  @POST
  @Path("sandbox/{reference}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(
      summary = "The sandbox bank completes or fails a payment and calls the portal back",
      description = "outcome=paid|failed. Answers the callback it sent (JSON), or a page.")
  public Response sandboxOutcome(
      @PathParam("reference") String reference, @FormParam("outcome") String outcome) {
    Payment p = sandboxPayment(reference);
    boolean paid = "paid".equalsIgnoreCase(outcome == null ? "" : outcome.strip());
    if (!paid && !"failed".equalsIgnoreCase(outcome == null ? "" : outcome.strip())) {
      throw new org.opendvc.portal.shared.InvalidInputException(
          "outcome",
          "dossier.valueInvalid",
          "outcome",
          outcome == null ? "" : outcome,
          "paid, failed");
    }
    Map<String, String> callback = sandbox.callback(p.reference(), p.amount(), paid);
    Payment settled = payments.callback(SandboxPaymentProvider.NAME, callback);
    if (headers.getAcceptableMediaTypes().stream()
        .anyMatch(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType())) {
      JsonObjectBuilder sent = JSON.createObjectBuilder();
      callback.forEach(sent::add);
      return Response.ok(
              JSON.createObjectBuilder()
                  .add("reference", settled.reference())
                  .add("status", settled.status().name())
                  .add("callback", sent)
                  .build(),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    // a person paying in a browser goes back to their dossier, which says how the payment went
    String back =
        request.getContextPath()
            + PaymentService.returnPath(settled.dossier().code().toString())
            + "?done="
            + (settled.status().name().equals("PAID") ? "PAY" : "PAY_FAILED");
    return Response.seeOther(java.net.URI.create(back)).build();
  }

  private Payment sandboxPayment(String reference) {
    if (!PaymentSettings.sandboxInUse()) {
      throw new NotFoundException("payment.providerUnknown", SandboxPaymentProvider.NAME);
    }
    return payments
        .byReference(SandboxPaymentProvider.NAME, reference)
        .orElseThrow(() -> new NotFoundException("payment.notFound", reference));
  }

  private static StringBuilder page(Locale locale) {
    String lang = Messages.supported(locale).getLanguage();
    return new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append(
            "\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>")
        .append(esc(Messages.get(locale, "sandbox.title")))
        .append("</title></head><body><main><h1>")
        .append(esc(Messages.get(locale, "sandbox.title")))
        .append("</h1>\n");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
