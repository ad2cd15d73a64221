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
    boolean reachable;
    try {
      reachable = database.reachable();
    } catch (RuntimeException starting) {
      // asked while the application is still starting (the EJB container refuses calls until
      // it is ready): not ready yet, which is no error worth a stack trace in the log
      return HealthCheckResponse.named("database").down().withData("error", "starting").build();
    }
    return reachable
        ? HealthCheckResponse.named("database").up().build()
        : HealthCheckResponse.named("database")
            .down()
            .withData("error", "database out of reach")
            .build();
  }
}
