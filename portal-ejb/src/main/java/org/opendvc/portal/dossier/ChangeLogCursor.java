package org.opendvc.portal.dossier;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a node stands in the append-only {@code dossier_history} table, read as a change log by
 * {@link TrackingService}: which rows it has seen, and which ids below the newest seen one it has
 * not seen yet.
 *
 * <p>Auto-increment ids are handed out when a row is inserted, not when its transaction commits:
 * row 101 may become visible before row 100. An id skipped over is remembered as a gap and asked
 * for again, by id, at every poll ({@link #gapIds()}) until it shows up or {@code gapLifetime}
 * passes (ids of rolled-back transactions, ids a bulk insert reserved but did not use, ids skipped
 * by {@code auto_increment_increment} on a multi-primary cluster never show up). Not thread-safe:
 * one poller owns it.
 */
final class ChangeLogCursor {

  /** One row of the log: its id and the dossier it changed. */
  record Row(long id, String dossierCode) {}

  private final long gapLifetimeNanos;
  private final int maxGaps;
  private long newest;

  /** Ids below {@link #newest} not seen yet, with when they were first missed. */
  private final TreeMap<Long, Long> gaps = new TreeMap<>();

  ChangeLogCursor(long newest, long gapLifetimeNanos, int maxGaps) {
    this.newest = newest;
    this.gapLifetimeNanos = gapLifetimeNanos;
    this.maxGaps = maxGaps;
  }

  /** The newest id seen: ask the log for rows above it. */
  long newest() {
    return newest;
  }

  /** Ids below {@link #newest()} not seen yet: ask the log for these too. */
  List<Long> gapIds() {
    return new ArrayList<>(gaps.keySet());
  }

  int gaps() {
    return gaps.size();
  }

  /**
   * Takes the rows a poll found (ids above {@link #newest()} in ascending order, and any of {@link
   * #gapIds()}) and answers the codes of the dossiers that changed and were not reported before.
   */
  List<String> advance(List<Row> rows, long nowNanos) {
    List<String> changed = new ArrayList<>();
    for (Row r : rows) {
      if (r.id() > newest) {
        // a jump longer than maxGaps (a bulk insert reserved a range) keeps only its last ids:
        // those are the ones transactions still in flight may hold
        for (long missing = Math.max(newest + 1, r.id() - maxGaps); missing < r.id(); missing++) {
          gaps.put(missing, nowNanos);
        }
        newest = r.id();
        changed.add(r.dossierCode());
      } else if (gaps.remove(r.id()) != null) {
        changed.add(r.dossierCode());
      }
      // else: seen at an earlier poll
    }
    for (Iterator<Map.Entry<Long, Long>> it = gaps.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Long> gap = it.next();
      if (nowNanos - gap.getValue() > gapLifetimeNanos || gaps.size() > maxGaps) {
        it.remove();
      }
    }
    return changed;
  }
}
