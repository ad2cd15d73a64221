package org.opendvc.portal.api.auth;

import org.opendvc.portal.api.problem.Filled;

/** The body of {@code POST /api/v1/auth/token}: who signs in, with what password. */
public record TokenRequest(
    @Filled(message = "auth.missingFields") String username,
    @Filled(message = "auth.missingFields") String password) {}
