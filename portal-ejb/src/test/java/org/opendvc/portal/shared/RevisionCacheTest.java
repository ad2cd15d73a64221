package org.opendvc.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevisionCacheTest {

  @Test
  void aValueIsMadeOncePerKeyAndRevisionAndRemadeWhenTheRevisionMoves() {
    RevisionCache<String, String> cache = new RevisionCache<>();
    AtomicInteger made = new AtomicInteger();

    assertEquals("vi@1#1", cache.get("vi", 1, () -> "vi@1#" + made.incrementAndGet()));
    assertEquals("vi@1#1", cache.get("vi", 1, () -> "again#" + made.incrementAndGet()));
    assertEquals("en@1#2", cache.get("en", 1, () -> "en@1#" + made.incrementAndGet()));
    assertEquals("vi@2#3", cache.get("vi", 2, () -> "vi@2#" + made.incrementAndGet()));
    assertEquals("vi@2#3", cache.get("vi", 2, () -> "again#" + made.incrementAndGet()));
    assertEquals(3, made.get());
  }

  private record Version(long revision, long lastId) {}

  @Test
  void aRevisionOfSeveralNumbersCountsAsTheSameWhenAllAreEqual() {
    RevisionCache<String, String> cache = new RevisionCache<>();
    AtomicInteger made = new AtomicInteger();

    assertEquals("#1", cache.get("", new Version(1, 10), () -> "#" + made.incrementAndGet()));
    assertEquals("#1", cache.get("", new Version(1, 10), () -> "#" + made.incrementAndGet()));
    assertEquals("#2", cache.get("", new Version(1, 11), () -> "#" + made.incrementAndGet()));
    assertEquals("#3", cache.get("", new Version(2, 11), () -> "#" + made.incrementAndGet()));
    assertEquals(3, made.get());
  }
}
