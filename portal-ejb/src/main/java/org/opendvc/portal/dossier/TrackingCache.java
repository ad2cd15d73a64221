package org.opendvc.portal.dossier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded in-memory cache of public tracking answers, keyed by dossier code, that never keeps
 * an answer older than the last eviction of its code.
 *
 * <p>Bounded: the codes are spread over stripes, each a small least-recently-used map holding at
 * most its share of {@code maxEntries}; the least recently tracked dossier goes first. A size of
 * 0 turns the cache off.
 *
 * <p>Never stale: a reader takes a {@link #stamp} of the code before it reads the database and
 * offers its answer with that stamp; {@link #evict} moves the code's generation on, so an answer
 * read before a change but offered after its eviction is refused. Stamp checks, puts and
 * evictions of a stripe happen under the stripe's lock, so no interleaving lets an old answer in.
 * Generations are kept per slot of a fixed table (many codes share a slot): an eviction may refuse
 * an unrelated put that raced with it, which only costs a later database read.
 */
public final class TrackingCache<V> {

  private static final int STRIPES = 64;
  private static final int SLOTS = 64 * 1024;

  private final int maxEntries;
  private final Stripe<V>[] stripes;
  private final long[] generations = new long[SLOTS];
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  @SuppressWarnings("unchecked")
  public TrackingCache(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("maxEntries < 0: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    stripes = new Stripe[STRIPES];
    // the first stripes take the remainder so that the shares add up to maxEntries exactly
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe<>(maxEntries / STRIPES + (i < maxEntries % STRIPES ? 1 : 0));
    }
  }

  public int maxEntries() {
    return maxEntries;
  }

  /** The cached answer of a code, counting a hit or a miss. */
  public Optional<V> get(String code) {
    int h = spread(code.hashCode());
    Stripe<V> s = stripes[h & (STRIPES - 1)];
    V v;
    synchronized (s) {
      v = s.map.get(code);
    }
    (v == null ? misses : hits).increment();
    return Optional.ofNullable(v);
  }

  /** The code's generation now: take it before reading what {@link #put} will offer. */
  public long stamp(String code) {
    int h = spread(code.hashCode());
    Stripe<V> s = stripes[h & (STRIPES - 1)];
    synchronized (s) {
      return generations[h & (SLOTS - 1)];
    }
  }

  /**
   * Keeps an answer unless the code was evicted since {@code stamp} was taken (then the answer
   * may predate a change and is refused). Returns whether it was kept.
   */
  public boolean put(String code, V value, long stamp) {
    int h = spread(code.hashCode());
    Stripe<V> s = stripes[h & (STRIPES - 1)];
    synchronized (s) {
      if (s.capacity == 0 || generations[h & (SLOTS - 1)] != stamp) {
        return false;
      }
      s.map.put(code, value);
      return true;
    }
  }

  /** Forgets a code's answer and refuses any answer read before now. */
  public void evict(String code) {
    int h = spread(code.hashCode());
    Stripe<V> s = stripes[h & (STRIPES - 1)];
    synchronized (s) {
      generations[h & (SLOTS - 1)]++;
      s.map.remove(code);
    }
    evictions.increment();
  }

  /** Forgets everything and refuses every answer read before now. */
  public void clear() {
    for (int i = 0; i < STRIPES; i++) {
      Stripe<V> s = stripes[i];
      synchronized (s) {
        for (int slot = i; slot < SLOTS; slot += STRIPES) {
          generations[slot]++;
        }
        s.map.clear();
      }
    }
  }

  public int size() {
    int n = 0;
    for (Stripe<V> s : stripes) {
      synchronized (s) {
        n += s.map.size();
      }
    }
    return n;
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

  private static final class Stripe<V> {
    final int capacity;
    final LinkedHashMap<String, V> map;

    Stripe(int capacity) {
      this.capacity = capacity;
      this.map = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
          return size() > Stripe.this.capacity;
        }
      };
    }
  }
}
