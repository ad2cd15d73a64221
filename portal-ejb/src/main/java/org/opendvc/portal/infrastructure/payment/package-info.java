/**
 * Payment providers: the sandbox that plays the bank for tests and demonstrations. A real gateway
 * is one more {@code payment.PaymentProvider} bean here, chosen by {@code portal.payment.provider}.
 */
package org.opendvc.portal.infrastructure.payment;
