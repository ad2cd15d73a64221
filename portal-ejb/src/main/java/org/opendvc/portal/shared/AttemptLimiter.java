package org.opendvc.portal.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows down whoever keeps failing: after {@code maxFailures} failures of one key (a client
 * address, a user name) within a sliding window, that key waits until its oldest failure leaves
 * the window. Kept in memory, per node; the number of keys is bounded so a flood of distinct keys
 * cannot exhaust memory (the table is simply cleared, which only forgives).
 */
public final class AttemptLimiter {

  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final long windowMillis;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public AttemptLimiter(int maxFailures, long windowSeconds) {
    this(maxFailures, windowSeconds, System::currentTimeMillis);
  }

  AttemptLimiter(int maxFailures, long windowSeconds, LongSupplier clock) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowSeconds * 1000;
    this.clock = clock;
  }

  /**
   * A limiter set by configuration: {@code <prefix>.max.failures} failures within
   * {@code <prefix>.window.seconds}, with the given defaults.
   */
  public static AttemptLimiter configured(String prefix, int defaultMax,
      long defaultWindowSeconds) {
    Config config = ConfigProvider.getConfig();
    return new AttemptLimiter(
        config.getOptionalValue(prefix + ".max.failures", Integer.class).orElse(defaultMax),
        config.getOptionalValue(prefix + ".window.seconds", Long.class)
            .orElse(defaultWindowSeconds));
  }

  /** Seconds the key must wait before its next attempt; 0 when it may go on. */
  public long secondsToWait(String key) {
    Deque<Long> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      long now = clock.getAsLong();
      prune(times, now);
      if (times.size() < maxFailures) {
        return 0;
      }
      return Math.max(1, (times.peekFirst() + windowMillis - now + 999) / 1000);
    }
  }

  public void failed(String key) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      long now = clock.getAsLong();
      prune(times, now);
      times.addLast(now);
    }
  }

  /** Forgets the key's failures, e.g. after a successful sign-in. */
  public void succeeded(String key) {
    failures.remove(key);
  }

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - windowMillis) {
      times.pollFirst();
    }
  }
}
