/**
 * Online payment of a dossier's fees (level 4, "toàn trình"): payments as rows with their status,
 * the {@link org.opendvc.portal.payment.PaymentProvider} interface a bank or payment gateway is
 * plugged in by, and the signed callbacks that settle a payment. Depends on {@code dossier} and
 * {@code shared}; providers live in {@code infrastructure.payment}.
 */
package org.opendvc.portal.payment;
