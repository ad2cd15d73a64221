package org.opendvc.portal.dossier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded in-memory cache of public tracking answers, keyed by dossier code, that never keeps an
 * answer older than the last eviction of its code.
 *
 * <p>Bounded: a Caffeine cache of at most {@code maxEntries} answers; when it is full, Caffeine's
 * W-TinyLFU policy lets a newcomer in only in place of an answer tracked less often, so a dossier
 * tracked again and again stays while a sweep of once-tracked codes passes through. A size of 0
 * turns the cache off.
 *
 * <p>Never stale: a reader takes a {@link #stamp} of the code before it reads the database and
 * offers its answer with that stamp; {@link #evict} moves the code's generation on, so an answer
 * read before a change but offered after its eviction is refused. Stamp checks, puts and evictions
 * of a code happen under the lock of its stripe, so no interleaving lets an old answer in.
 * Generations are kept per slot of a fixed table (many codes share a slot): an eviction may refuse
 * an unrelated put that raced with it, which only costs a later database read.
 */
public final class TrackingCache<V> {

  private static final int STRIPES = 64;
  private static final int SLOTS = 64 * 1024;

  private final int maxEntries;
  private final Cache<String, V> answers;
  private final Object[] locks = new Object[STRIPES];
  private final long[] generations = new long[SLOTS];
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  public TrackingCache(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries < 0: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    // upkeep on the calling thread: no pool thread of the server is borrowed, and the bound holds
    // as soon as a put returns
    answers = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  public int maxEntries() {
    return maxEntries;
  }

  /** The cached answer of a code, counting a hit or a miss. */
  public Optional<V> get(String code) {
    V v = answers.getIfPresent(code);
    (v == null ? misses : hits).increment();
    return Optional.ofNullable(v);
  }

  /** The code's generation now: take it before reading what {@link #put} will offer. */
  public long stamp(String code) {
    int h = spread(code.hashCode());
    synchronized (locks[h & (STRIPES - 1)]) {
      return generations[h & (SLOTS - 1)];
    }
  }

  /**
   * Keeps an answer unless the code was evicted since {@code stamp} was taken (then the answer may
   * predate a change and is refused). Returns whether it was kept.
   */
  public boolean put(String code, V value, long stamp) {
    int h = spread(code.hashCode());
    synchronized (locks[h & (STRIPES - 1)]) {
      if (maxEntries == 0 || generations[h & (SLOTS - 1)] != stamp) {
        return false;
      }
      answers.put(code, value);
      return true;
    }
  }

  /** Forgets a code's answer and refuses any answer read before now. */
  public void evict(String code) {
    int h = spread(code.hashCode());
    synchronized (locks[h & (STRIPES - 1)]) {
      generations[h & (SLOTS - 1)]++;
      answers.invalidate(code);
    }
    evictions.increment();
  }

  /** Forgets everything and refuses every answer read before now. */
  public void clear() {
    for (int i = 0; i < STRIPES; i++) {
      synchronized (locks[i]) {
        for (int slot = i; slot < SLOTS; slot += STRIPES) {
          generations[slot]++;
        }
      }
    }
    // answers put while the slots moved on go too: at worst a fresh answer is read again
    answers.invalidateAll();
  }

  public int size() {
    answers.cleanUp();
    return (int) answers.estimatedSize();
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public long evictions() {
    return evictions.sum();
  }

  /** Mixes the hash's high bits into the low ones the stripe and slot are taken from. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    return h ^ (h >>> 13);
  }
}
