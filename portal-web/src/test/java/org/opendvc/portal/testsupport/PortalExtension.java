package org.opendvc.portal.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The integration tests' common set-up, as one JUnit extension: before a test class's own
 * {@code @BeforeAll} methods, it sets the class's static {@link Portal} fields (the one server of
 * the run, started by Arquillian through {@link SharedPayaraMicroContainer}, as this class sees
 * it). Registered after Arquillian's extension by {@link PortalIntegrationTest}, so the server is
 * up when it runs. A class not marked {@link PortalWideFigures} first waits for the portal-wide
 * classes of the run to end ({@link PortalWidePhase}).
 */
public final class PortalExtension implements BeforeAllCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context)
      throws IllegalAccessException, InterruptedException {
    Class<?> testClass = context.getRequiredTestClass();
    if (!testClass.isAnnotationPresent(PortalWideFigures.class)) {
      PortalWidePhase.awaitEnd(testClass);
    }
    String base = System.getProperty(SharedPayaraMicroContainer.BASE_URI_PROPERTY);
    if (base == null) {
      throw new ExtensionConfigurationException(
          "The portal is not running: Arquillian's"
              + " extension must deploy before this one (extend PortalIntegrationTest)");
    }
    Portal.runningFor(testClass);
    Portal portal = new Portal(URI.create(base));
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == Portal.class && Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          f.set(null, portal);
        }
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    PortalWidePhase.ended(context.getRequiredTestClass());
  }
}
