package org.opendvc.portal.testsupport;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Arquillian's JUnit extension for test classes that run side by side. Arquillian builds its test
 * runner when the first class starts and publishes it before it is ready, so a second class
 * starting at that moment would find none; here classes start and end one at a time. That is cheap
 * after the first start, which deploys the portal ({@link SharedPayaraMicroContainer}) while the
 * other classes, which need it too, wait. The tests themselves run side by side.
 */
public class ConcurrentArquillianExtension extends ArquillianExtension {

  private static final Object CLASS_EVENTS = new Object();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (CLASS_EVENTS) {
      super.beforeAll(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    synchronized (CLASS_EVENTS) {
      super.afterAll(context);
    }
  }
}
