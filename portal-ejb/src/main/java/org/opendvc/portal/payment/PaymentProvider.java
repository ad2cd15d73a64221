package org.opendvc.portal.payment;

import java.util.Map;
import java.util.Optional;

/**
 * A payment provider (a bank, a payment gateway, the national payment platform): it starts a
 * payment, sends the payer to its own page, and later reports the outcome through a callback that
 * only it can sign. Implementations are CDI beans; {@code portal.payment.provider} names the one in
 * use.
 */
public interface PaymentProvider {

  /** The provider's name, as configured and as kept with each payment ("sandbox"). */
  String name();

  /** Starts a payment: the provider's reference for it and where to send the payer. */
  Started start(Order order);

  /**
   * The outcome a callback reports, when the callback is genuinely the provider's (its signature
   * checks out); empty for a forged or malformed callback.
   */
  Optional<Outcome> verify(Map<String, String> callback);

  /**
   * What is to be paid: the dossier, the amount in đồng (VND), a description for the payer, and the
   * portal path the payer returns to afterwards (the applicant's dossier page).
   */
  record Order(
      String dossierCode, long amount, String currency, String description, String returnPath) {}

  /** A started payment: the provider's reference and the address to send the payer to. */
  record Started(String reference, String redirectUrl) {}

  /** A verified outcome: which payment, how much, and whether it was paid. */
  record Outcome(String reference, long amount, boolean paid) {}
}
