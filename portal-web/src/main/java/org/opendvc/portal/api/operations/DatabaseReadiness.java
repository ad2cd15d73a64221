package org.opendvc.portal.api.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a trivial query within two seconds. The query runs on
 * another thread and the check stops waiting after two seconds, so readiness answers in time even
 * when the database hangs (a query's own timeout needs the database to cancel it).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final long TIMEOUT_MILLIS = 2_000;

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Resource
  private ManagedExecutorService executor;

  @Override
  public HealthCheckResponse call() {
    try {
      CompletableFuture.runAsync(this::ping, executor).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      return HealthCheckResponse.named("database").up().build();
    } catch (TimeoutException e) {
      return HealthCheckResponse.named("database").down()
          .withData("error", "no answer within " + TIMEOUT_MILLIS + " ms").build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheckResponse.named("database").down().withData("error", "interrupted").build();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return HealthCheckResponse.named("database").down()
          .withData("error", cause.getClass().getSimpleName()).build();
    }
  }

  private void ping() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.setQueryTimeout(2);
      try (ResultSet r = s.executeQuery()) {
        r.next();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
