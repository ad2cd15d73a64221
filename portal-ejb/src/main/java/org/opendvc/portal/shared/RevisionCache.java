package org.opendvc.portal.shared;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values made once per revision of what they are made from (the catalogue, say), then served from
 * memory: the first ask for a key at a new revision makes the value, parallel asks for that key
 * wait for it rather than each making their own, and the new value replaces the old revision's. A
 * revision is a number or any value with {@code equals} (a record of several numbers).
 *
 * @param <K> what tells the values apart (a format and language, or a single key)
 * @param <V> the value
 */
public final class RevisionCache<K, V> {

  private record Entry<V>(Object revision, V value) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /** The value for this key at this revision, made now if this is the first ask. */
  public V get(K key, Object revision, Supplier<V> make) {
    Entry<V> current = entries.get(key);
    if (current != null && Objects.equals(current.revision(), revision)) {
      return current.value();
    }
    return entries
        .compute(
            key,
            (k, existing) ->
                existing != null && Objects.equals(existing.revision(), revision)
                    ? existing
                    : new Entry<>(revision, make.get()))
        .value();
  }
}
