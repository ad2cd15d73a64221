package org.opendvc.portal.api.dossier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * Slows down clients that guess dossier codes: after too many failed lookups within a window, a
 * client waits until the oldest failure leaves the window. Kept per node, in memory.
 */
@ApplicationScoped
public class TrackingGuard {

  @Inject
  @ConfigProperty(name = "portal.tracking.max.failures", defaultValue = "10")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "portal.tracking.window.seconds", defaultValue = "600")
  private long windowSeconds;

  private AttemptLimiter limiter;

  @PostConstruct
  void init() {
    limiter = new AttemptLimiter(maxFailures, windowSeconds);
  }

  /** Seconds the client must wait before its next lookup; 0 when it may go on. */
  public long secondsToWait(String client) {
    return limiter.secondsToWait(client);
  }

  public void failed(String client) {
    limiter.failed(client);
  }
}
