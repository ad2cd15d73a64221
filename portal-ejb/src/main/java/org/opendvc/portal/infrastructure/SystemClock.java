package org.opendvc.portal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the services read the time from: the system clock in UTC. Services take {@link Clock}
 * by injection instead of calling {@code Instant.now()}, so the domain receives every moment from
 * its caller and a test can hand it a fixed clock.
 */
@ApplicationScoped
public class SystemClock {

  private static final Clock UTC = Clock.systemUTC();

  /**
   * The system clock. Dependent (the default): {@link Clock} is immutable, and a JDK class is
   * better left without a client proxy.
   */
  @Produces
  Clock clock() {
    return UTC;
  }
}
