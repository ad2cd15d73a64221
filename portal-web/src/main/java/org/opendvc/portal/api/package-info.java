/**
 * The REST API v1 (docs/API.md): resources per area that validate input, map it to domain values
 * and call one service; DTOs only at this edge; errors as RFC 9457 problem details. Depends on the
 * domain services of portal-ejb, never on JPA entities' internals.
 */
package org.opendvc.portal.api;
