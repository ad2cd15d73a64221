package org.opendvc.portal.testsupport;

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
 * longest class; then the rest run two at a time. It also tells {@link PortalWidePhase} which
 * portal-wide classes the run has, so that the others wait for them. The order changes only the
 * time a run takes: the lock of {@link PortalIntegrationTest#PORTAL} and the wait keep the classes
 * apart.
 */
public class PortalClassOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    List<? extends ClassDescriptor> classes = context.getClassDescriptors();
    classes.sort(
        Comparator.comparingInt(PortalClassOrder::group)
            .thenComparing(d -> d.getTestClass().getName()));
    PortalWidePhase.expect(
        classes.stream()
            .filter(d -> group(d) == 0 && !d.isAnnotated(Disabled.class))
            .<Class<?>>map(ClassDescriptor::getTestClass)
            .toList());
  }

  private static int group(ClassDescriptor d) {
    Class<?> c = d.getTestClass();
    if (!PortalIntegrationTest.class.isAssignableFrom(c)) {
      return 2;
    }
    return c.isAnnotationPresent(PortalWideFigures.class) ? 0 : 1;
  }
}
