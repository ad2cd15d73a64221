package org.opendvc.portal.api.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down clients that guess dossier codes: after too many failed lookups within a window, a
 * client waits until the oldest failure leaves the window. Kept per node, in memory.
 */
@ApplicationScoped
public class TrackingGuard {

  private static final int MAX_CLIENTS = 100_000;

  @Inject
  @ConfigProperty(name = "portal.tracking.max.failures", defaultValue = "10")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "portal.tracking.window.seconds", defaultValue = "600")
  private long windowSeconds;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  /** Seconds the client must wait before its next lookup; 0 when it may go on. */
  public long secondsToWait(String client) {
    Deque<Long> times = failures.get(client);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      long now = System.currentTimeMillis();
      prune(times, now);
      if (times.size() < maxFailures) {
        return 0;
      }
      return Math.max(1, (times.peekFirst() + windowSeconds * 1000 - now + 999) / 1000);
    }
  }

  public void failed(String client) {
    if (failures.size() > MAX_CLIENTS) {
      failures.clear();
    }
    Deque<Long> times = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
    synchronized (times) {
      long now = System.currentTimeMillis();
      prune(times, now);
      times.addLast(now);
    }
  }

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - windowSeconds * 1000) {
      times.pollFirst();
    }
  }
}
