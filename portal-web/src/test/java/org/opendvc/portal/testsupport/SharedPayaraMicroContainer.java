package org.opendvc.portal.testsupport;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro deploys its application at start-up, so Arquillian's Payara Micro adapter starts a
 * new server for every test class that deploys (20-30 s each). The integration tests all deploy the
 * same black-box WAR ({@link PortalDeployment#portal()}), so this container starts Payara Micro on
 * the first deployment of a test run, answers every later deployment of that WAR with the same
 * server, and stops it only when the run ends (Arquillian's {@code AfterSuite}).
 *
 * <p>A test class therefore shares the server, and so its in-memory state (caches, attempt
 * limiters, sessions), with the classes run before it: each class makes its own data instead of
 * relying on a fresh server. Registered by {@link PortalArquillianExtension} in place of the
 * adapter's own container.
 */
public class SharedPayaraMicroContainer extends PayaraMicroDeployableContainer {

  /** The system property naming the running portal's base URI (ending in '/'), once started. */
  public static final String BASE_URI_PROPERTY = "portal.it.base.uri";

  private static final Logger LOG = Logger.getLogger(SharedPayaraMicroContainer.class.getName());

  private Archive<?> deployed;
  private ProtocolMetaData metaData;

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (metaData != null) {
      if (!deployed.getName().equals(archive.getName())) {
        throw new DeploymentException(
            "This test run's Payara Micro already serves "
                + deployed.getName()
                + "; every integration test deploys PortalDeployment.portal()");
      }
      return metaData;
    }
    long started = System.nanoTime();
    metaData = super.deploy(archive);
    deployed = archive;
    HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
    String base = "http://" + http.getHost() + ":" + http.getPort() + "/";
    System.setProperty(BASE_URI_PROPERTY, base);
    LOG.info(
        () ->
            String.format(
                "Portal started once for this test run at %s in %.1f s",
                base, (System.nanoTime() - started) / 1e9));
    return metaData;
  }

  /** Keeps the server for the next test class: it stops with the run ({@link #stop()}). */
  @Override
  public void undeploy(Archive<?> archive) {
    // nothing: the server outlives the test class
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    if (deployed != null) {
      try {
        super.undeploy(deployed);
      } catch (DeploymentException e) {
        throw new LifecycleException("Could not stop the test run's Payara Micro", e);
      } finally {
        deployed = null;
        metaData = null;
        System.clearProperty(BASE_URI_PROPERTY);
      }
    }
  }
}
