package org.opendvc.portal.infrastructure.demo;

import org.opendvc.portal.identity.Role;

/** A demo account; agencyCode is null for applicants. The passwords are documented, not secret. */
record DemoAccount(
    String username, String password, Role role, String agencyCode, String fullName) {}
