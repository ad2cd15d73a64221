package org.opendvc.portal.testsupport;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first part of a run, in which the {@link PortalWideFigures} classes have the shared portal to
 * themselves, one after the other (their JUnit resource lock), while the fault suite runs beside
 * them on its own portal. {@link PortalClassOrder} names the classes of the run; every other class
 * of the shared portal waits for the last of them to end before it starts ({@link
 * PortalExtension}), then they run two at a time. A class that would start in the middle of this
 * part would hold the portal between two portal-wide classes, and the classes would run one at a
 * time instead of two.
 */
final class PortalWidePhase {

  /** Far beyond the few minutes the part takes: only a hung class reaches it. */
  static final Duration LIMIT = Duration.ofMinutes(30);

  private static final Set<String> pending = new HashSet<>();

  private PortalWidePhase() {}

  /** The portal-wide classes of this run, as JUnit will run them. */
  static synchronized void expect(Collection<Class<?>> classes) {
    for (Class<?> c : classes) {
      pending.add(c.getName());
    }
  }

  /** A portal-wide class has ended, whether its tests passed or not. */
  static synchronized void ended(Class<?> testClass) {
    if (pending.remove(testClass.getName())) {
      PortalWidePhase.class.notifyAll();
    }
  }

  /** Waits until every portal-wide class of the run has ended (at once if there is none). */
  static synchronized void awaitEnd(Class<?> waiting) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!pending.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            waiting.getSimpleName()
                + " waited "
                + LIMIT.toMinutes()
                + " min for the portal-wide classes, and these have not ended: "
                + new TreeSet<>(pending));
      }
      PortalWidePhase.class.wait(Math.max(1, left / 1_000_000));
    }
  }
}
