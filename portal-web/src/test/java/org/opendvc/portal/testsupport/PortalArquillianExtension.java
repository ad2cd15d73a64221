package org.opendvc.portal.testsupport;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.api.event.ManagerStarted;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The integration tests' Arquillian set-up:
 *
 * <ul>
 *   <li>one Payara Micro for the whole test run ({@link SharedPayaraMicroContainer} in place of the
 *       adapter's container, which would start one per test class);
 *   <li>{@link TestDatabase} has chosen the database before Arquillian reads {@code arquillian.xml}
 *       (which refers to {@code ${portal.test.db.url}}), also when the JUnit session listener did
 *       not act: a single IT started from an IDE without {@code portal.it=true}. Arquillian loads
 *       its configuration on {@link ManagerStarted}; this observer runs first.
 * </ul>
 */
public final class PortalArquillianExtension implements LoadableExtension {

  @Override
  @SuppressWarnings("rawtypes")
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class,
        PayaraMicroDeployableContainer.class,
        SharedPayaraMicroContainer.class);
    builder.observer(SelectDatabaseFirst.class);
  }

  /** The observer; public for Arquillian's reflection. */
  public static final class SelectDatabaseFirst {
    public void selectDatabase(@Observes(precedence = 1000) ManagerStarted event) {
      // what failsafe passes, for runs outside Maven (an IDE, from the repository or module root)
      String build = TestDatabase.buildDir().toAbsolutePath().toString();
      System.setProperty("portal.build.dir", System.getProperty("portal.build.dir", build));
      System.setProperty(
          "payara.microJar",
          System.getProperty(
              "payara.microJar", build + java.io.File.separator + "payara-micro.jar"));
      System.setProperty(
          "portal.war",
          System.getProperty("portal.war", build + java.io.File.separator + "portal-web.war"));
      TestDatabase.select();
    }
  }
}
