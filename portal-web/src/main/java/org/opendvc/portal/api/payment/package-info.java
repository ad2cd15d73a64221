/**
 * Online payment over the API: the owner starts a payment of a dossier, the provider's callback
 * settles it, and the sandbox provider's payer page plays the bank. Depends on {@code payment}.
 */
package org.opendvc.portal.api.payment;
