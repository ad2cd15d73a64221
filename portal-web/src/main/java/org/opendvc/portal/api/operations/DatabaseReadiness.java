package org.opendvc.portal.api.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opendvc.portal.shared.DatabaseWatch;

/**
 * Ready only while the database answers: what {@link DatabaseWatch} found at its last check (a
 * query every second, out of reach after {@link DatabaseWatch#TIMEOUT_MILLIS} without an answer).
 * The check itself asks nothing of the database, so it answers at once even when the database
 * hangs.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject private DatabaseWatch database;

  @Override
  public HealthCheckResponse call() {
    return database.reachable() ? HealthCheckResponse.named("database").up().build()
        : HealthCheckResponse.named("database").down()
            .withData("error", "database out of reach").build();
  }
}
