package org.opendvc.portal.payment;

/** Where a payment stands: waiting for the payer and the provider, paid, or failed. */
public enum PaymentStatus {
  PENDING,
  PAID,
  FAILED
}
