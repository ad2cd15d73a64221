package org.opendvc.portal.api.admin;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.opendvc.portal.api.problem.StrictJson;

/** The body of {@code PATCH /api/v1/admin/users/{username}}: only what is given changes. */
public record UserChange(
    @JsonbTypeDeserializer(StrictJson.Flag.class) Boolean enabled,
    String role,
    String agencyCode) {}
