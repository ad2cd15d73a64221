package org.opendvc.portal.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The integration tests' common set-up, as one JUnit extension: before a test class's own
 * {@code @BeforeAll} methods, it sets the class's static {@link Portal} fields (the one server of
 * the run, started by Arquillian through {@link SharedPayaraMicroContainer}, as this class sees
 * it). Registered after Arquillian's extension by {@link PortalIntegrationTest}, so the server is
 * up when it runs.
 */
public final class PortalExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    String base = System.getProperty(SharedPayaraMicroContainer.BASE_URI_PROPERTY);
    if (base == null) {
      throw new ExtensionConfigurationException(
          "The portal is not running: Arquillian's"
              + " extension must deploy before this one (extend PortalIntegrationTest)");
    }
    Class<?> testClass = context.getRequiredTestClass();
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
}
