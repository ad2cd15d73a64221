package org.opendvc.portal.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Disabled;

/**
 * The order in which the integration-test classes are handed to JUnit's two workers, which take
 * classes from both ends of the list: {@link PortalWideFigures} classes first, the classes that
 * share the portal next, and last the classes with a portal of their own (the fault suite). So one
 * worker runs the portal-wide classes one after the other while the other runs the fault suite, the
 * longest class; then the rest run two at a time, the {@link LongRunning} ones first (placed at
 * both ends of their part of the list, the short ones in the middle, where the two workers meet).
 * It also tells {@link PortalWidePhase} which portal-wide classes the run has, so that the others
 * wait for them. The order changes only the time a run takes: the lock of {@link
 * PortalIntegrationTest#PORTAL} and the wait keep the classes apart.
 */
public class PortalClassOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<? extends ClassDescriptor> classes = context.getClassDescriptors();
    classes.sort(
        Comparator.comparingInt(PortalClassOrder::group)
            .thenComparing(d -> d.getTestClass().getName()));
    longOnesAtBothEnds(classes);
    PortalWidePhase.expect(
        classes.stream()
            .filter(d -> group(d) == 0 && !d.isAnnotated(Disabled.class))
            .<Class<?>>map(ClassDescriptor::getTestClass)
            .toList());
  }

  /**
   * Within the classes that share the portal and run two at a time (group 1), the long ones go to
   * both ends, alternately: one worker takes the list from its start and the other from its end
   * (JUnit's work-stealing), so each begins with long classes and both end with short ones.
   */
  private static <T extends ClassDescriptor> void longOnesAtBothEnds(List<T> classes) {
    List<T> shared = classes.stream().filter(d -> group(d) == 1).toList();
    if (shared.isEmpty()) {
      return;
    }
    List<T> front = new ArrayList<>();
    List<T> back = new ArrayList<>();
    List<T> middle = new ArrayList<>();
    for (T d : shared) {
      if (d.isAnnotated(LongRunning.class)) {
        (front.size() <= back.size() ? front : back).add(d);
      } else {
        middle.add(d);
      }
    }
    Collections.reverse(back);
    List<T> arranged = new ArrayList<>(front);
    arranged.addAll(middle);
    arranged.addAll(back);
    int first = classes.indexOf(shared.get(0));
    for (int i = 0; i < arranged.size(); i++) {
      classes.set(first + i, arranged.get(i));
    }
  }

  private static int group(ClassDescriptor d) {
    Class<?> c = d.getTestClass();
    if (!PortalIntegrationTest.class.isAssignableFrom(c)) {
      return 2;
    }
    return c.isAnnotationPresent(PortalWideFigures.class) ? 0 : 1;
  }
}
