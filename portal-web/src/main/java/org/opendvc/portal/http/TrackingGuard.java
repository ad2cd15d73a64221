package org.opendvc.portal.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.opendvc.portal.shared.AttemptLimiter;

/**
 * Slows down clients that guess dossier codes: after too many failed lookups within a window
 * ({@code portal.tracking.max.failures}, default 10, in {@code portal.tracking.window.seconds},
 * default 600), a client waits until the oldest failure leaves the window. Kept per node, in
 * memory.
 */
@ApplicationScoped
public class TrackingGuard {

  private AttemptLimiter limiter;

  @PostConstruct
  void init() {
    limiter = AttemptLimiter.configured("portal.tracking", 10, 600);
  }

  /** Seconds the client must wait before its next lookup; 0 when it may go on. */
  public long secondsToWait(String client) {
    return limiter.secondsToWait(client);
  }

  public void failed(String client) {
    limiter.failed(client);
  }
}
