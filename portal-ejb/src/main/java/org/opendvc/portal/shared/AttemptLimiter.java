package org.opendvc.portal.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows down whoever keeps failing: after {@code maxFailures} failures of one key (a client
 * address, a user name) within a sliding window, that key waits until the oldest of those failures
 * leaves the window. Kept in memory, per node, in two bounded Caffeine caches:
 *
 * <ul>
 *   <li>{@code counting}: the recent failures of every key that failed lately, at most {@value
 *       #MAX_KEYS} keys, each forgotten a window after its last failure. When it is full, Caffeine
 *       drops the keys that failed least often.
 *   <li>{@code waiting}: the keys that reached their limit, until their window lets them go on.
 *       Only a key that really failed {@code maxFailures} times within a window gets in, so a flood
 *       of distinct keys, each failing once, never touches it: however many keys a client invents,
 *       one that has to wait goes on waiting. Filling it would take {@code maxFailures} failures
 *       for each of {@value #MAX_KEYS} keys within one window.
 * </ul>
 *
 * Each key keeps at most {@code maxFailures} failure times, so memory is bounded by the two sizes
 * times the limit.
 */
public final class AttemptLimiter {

  static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final long windowMillis;
  private final LongSupplier clock;
  private final Cache<String, Failures> counting;
  private final Cache<String, Failures> waiting;

  public AttemptLimiter(int maxFailures, long windowSeconds) {
    this(maxFailures, windowSeconds, System::currentTimeMillis);
  }

  AttemptLimiter(int maxFailures, long windowSeconds, LongSupplier clock) {
    this.maxFailures = Math.max(1, maxFailures);
    this.windowMillis = windowSeconds * 1000;
    this.clock = clock;
    this.counting = table();
    this.waiting = table();
  }

  private Cache<String, Failures> table() {
    return Caffeine.newBuilder()
        .maximumSize(MAX_KEYS)
        .expireAfterWrite(Duration.ofMillis(Math.max(1, windowMillis)))
        .ticker(() -> clock.getAsLong() * 1_000_000)
        .executor(Runnable::run)
        .build();
  }

  /**
   * A limiter set by configuration: {@code <prefix>.max.failures} failures within {@code
   * <prefix>.window.seconds}, with the given defaults.
   */
  public static AttemptLimiter configured(
      String prefix, int defaultMax, long defaultWindowSeconds) {
    Config config = ConfigProvider.getConfig();
    return new AttemptLimiter(
        config.getOptionalValue(prefix + ".max.failures", Integer.class).orElse(defaultMax),
        config
            .getOptionalValue(prefix + ".window.seconds", Long.class)
            .orElse(defaultWindowSeconds));
  }

  /** Seconds the key must wait before its next attempt; 0 when it may go on. */
  public long secondsToWait(String key) {
    Failures f = waiting.getIfPresent(key);
    if (f == null) {
      f = counting.getIfPresent(key);
    }
    if (f == null) {
      return 0;
    }
    long now = clock.getAsLong();
    synchronized (f) {
      long until = f.limitedUntil(now);
      return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }
  }

  public void failed(String key) {
    long now = clock.getAsLong();
    Failures f = waiting.getIfPresent(key);
    if (f == null) {
      f = counting.get(key, k -> new Failures(maxFailures, windowMillis));
    }
    boolean limited;
    synchronized (f) {
      f.add(now);
      limited = f.limitedUntil(now) > now;
    }
    // written again so that each table forgets the key a window after its last failure
    counting.put(key, f);
    if (limited) {
      waiting.put(key, f);
    }
  }

  /** Forgets the key's failures, e.g. after a successful sign-in. */
  public void succeeded(String key) {
    counting.invalidate(key);
    waiting.invalidate(key);
  }

  /** The times of a key's most recent failures, at most as many as the limit. */
  private static final class Failures {
    private final long windowMillis;
    private final int capacity;
    private long[] times = new long[1];
    private int size;
    private int oldest;

    Failures(int capacity, long windowMillis) {
      this.capacity = capacity;
      this.windowMillis = windowMillis;
    }

    void add(long now) {
      if (size < capacity) {
        if (size == times.length) {
          long[] grown = Arrays.copyOf(times, Math.min(capacity, times.length * 2));
          times = grown;
        }
        times[(oldest + size) % times.length] = now;
        size++;
      } else {
        times[oldest] = now; // the oldest of a full ring gives way
        oldest = (oldest + 1) % times.length;
      }
    }

    /** When the key may go on: the oldest of a full ring leaves the window (or now). */
    long limitedUntil(long now) {
      if (size < capacity) {
        return now;
      }
      return times[oldest] + windowMillis;
    }
  }
}
