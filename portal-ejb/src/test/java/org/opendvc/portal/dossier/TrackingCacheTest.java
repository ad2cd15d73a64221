package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tracking cache: its bound, its evictions, and the race between a reader and a change. */
class TrackingCacheTest {

  private static String code(int i) {
    return "000.01.31.H91-260101-" + String.format("%04d", i % 10_000) + "-" + i;
  }

  @Test
  void keepsWhatItIsGivenAndCountsHitsAndMisses() {
    TrackingCache<String> cache = new TrackingCache<>(100);
    assertEquals(Optional.empty(), cache.get("a"));
    assertTrue(cache.put("a", "A1", cache.stamp("a")));
    assertEquals(Optional.of("A1"), cache.get("a"));
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void neverHoldsMoreThanItsBound() {
    TrackingCache<Integer> cache = new TrackingCache<>(1000);
    for (int i = 0; i < 50_000; i++) {
      cache.put(code(i), i, cache.stamp(code(i)));
    }
    assertTrue(cache.size() <= 1000, "size " + cache.size());
    assertTrue(cache.size() > 800, "the stripes are evenly used: size " + cache.size());
  }

  @Test
  void theLeastRecentlyTrackedGoesFirst() {
    TrackingCache<Integer> cache = new TrackingCache<>(64 * 2); // two per stripe
    for (int i = 0; i < 20_000; i++) {
      String c = code(i);
      cache.put(c, i, cache.stamp(c));
      // code 0 is tracked all the time: it stays however many others come and go
      assertEquals(Optional.of(0), cache.get(code(0)), "after " + i);
    }
  }

  @Test
  void sizeZeroKeepsNothing() {
    TrackingCache<String> cache = new TrackingCache<>(0);
    assertFalse(cache.put("a", "A", cache.stamp("a")));
    assertEquals(Optional.empty(), cache.get("a"));
    assertEquals(0, cache.size());
  }

  @Test
  void anEvictedCodeIsReadAgain() {
    TrackingCache<String> cache = new TrackingCache<>(100);
    cache.put("a", "A1", cache.stamp("a"));
    cache.put("b", "B1", cache.stamp("b"));
    cache.evict("a");
    assertEquals(Optional.empty(), cache.get("a"));
    assertEquals(Optional.of("B1"), cache.get("b"), "other codes stay");
    assertTrue(cache.put("a", "A2", cache.stamp("a")), "a fresh read after the eviction is kept");
    assertEquals(Optional.of("A2"), cache.get("a"));
    cache.clear();
    assertEquals(0, cache.size());
  }

  /**
   * The race the stamps close: a reader reads the old row, the change commits and evicts, then the
   * reader offers the old row. It must be refused, or the old status would be served until the next
   * change.
   */
  @Test
  void anAnswerReadBeforeAnEvictionIsRefused() {
    TrackingCache<String> cache = new TrackingCache<>(100);
    long stamp = cache.stamp("a"); // the reader starts and reads status 4
    cache.evict("a"); // the change to status 9 commits; its observer evicts
    assertFalse(cache.put("a", "status 4", stamp), "the old answer is refused");
    assertEquals(Optional.empty(), cache.get("a"));
    long fresh = cache.stamp("a"); // the next reader reads status 9
    assertTrue(cache.put("a", "status 9", fresh));
    assertEquals(Optional.of("status 9"), cache.get("a"));
    cache.clear();
    assertFalse(cache.put("a", "status 9", fresh), "clear refuses earlier reads too");
  }

  /**
   * Many readers and a writer at once: whatever the interleaving, once the writer has evicted after
   * publishing version n, no reader's put leaves an answer older than n in the cache.
   */
  @Test
  void underContentionNoOlderAnswerSurvivesAnEviction() throws Exception {
    TrackingCache<Integer> cache = new TrackingCache<>(1000);
    AtomicInteger database = new AtomicInteger(); // the committed version of dossier "a"
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger stale = new AtomicInteger();
    int readers = 4;
    CountDownLatch done = new CountDownLatch(readers);
    for (int r = 0; r < readers; r++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  if (cache.get("a").isEmpty()) {
                    long stamp = cache.stamp("a");
                    int read = database.get();
                    Thread.yield(); // widen the window between the read and the put
                    cache.put("a", read, stamp);
                  }
                }
                done.countDown();
              });
      t.setDaemon(true);
      t.start();
    }
    for (int version = 1; version <= 5_000; version++) {
      database.set(version); // commit
      cache.evict("a"); // after success
      // from here on, nothing older than this version may be served
      Optional<Integer> seen = cache.get("a");
      if (seen.isPresent() && seen.get() < version) {
        stale.incrementAndGet();
      }
    }
    stop.set(true);
    done.await();
    Optional<Integer> last = cache.get("a");
    assertTrue(last.isEmpty() || last.get() == 5_000, "last " + last);
    assertEquals(0, stale.get(), "answers older than the last eviction were served");
  }
}
