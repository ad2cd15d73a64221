package org.opendvc.portal.testsupport;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order in which the integration-test classes are handed to JUnit's two workers, which take
 * classes from both ends of the list: {@link PortalWideFigures} classes first, the classes that
 * share the portal next, and last the classes with a portal of their own (the fault suite). So the
 * first worker runs the classes that need the shared portal alone while the second runs the fault
 * suite, the longest class, and the rest run two at a time. The order changes only the time a run
 * takes: the locks of {@link PortalIntegrationTest#PORTAL} keep the classes apart.
 */
public class PortalClassOrder implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparingInt(PortalClassOrder::group)
                .thenComparing(d -> d.getTestClass().getName()));
  }

  private static int group(ClassDescriptor d) {
    Class<?> c = d.getTestClass();
    if (!PortalIntegrationTest.class.isAssignableFrom(c)) {
      return 2;
    }
    return c.isAnnotationPresent(PortalWideFigures.class) ? 0 : 1;
  }
}
