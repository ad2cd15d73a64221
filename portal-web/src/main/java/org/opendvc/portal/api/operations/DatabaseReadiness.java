package org.opendvc.portal.api.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a trivial query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "java:app/jdbc/portal")
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1")) {
      s.setQueryTimeout(2);
      try (ResultSet r = s.executeQuery()) {
        r.next();
      }
      return HealthCheckResponse.named("database").up().build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down()
          .withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
