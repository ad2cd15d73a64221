package org.opendvc.portal.testsupport;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every black-box integration test: the portal WAR deployed once for the whole run on
 * one Payara Micro against the test database ({@link SharedPayaraMicroContainer}, {@link
 * TestDatabase}), and the {@link Portal} of the class in {@link #portal}, set by {@link
 * PortalExtension} before the class's own {@code @BeforeAll} methods run.
 *
 * <pre>
 * class CalendarApiIT extends PortalIntegrationTest {
 *   &#64;Test
 *   void holidaysAreServed() {
 *     Http.Response r = portal.http().get("/api/v1/calendar/2026");
 *     ...
 * </pre>
 */
@ExtendWith({ConcurrentArquillianExtension.class, PortalExtension.class})
public abstract class PortalIntegrationTest {

  /**
   * The lock on the shared portal that every {@link PortalWideFigures} class takes, so that they
   * run one at a time; the other classes wait for all of them to end ({@link PortalWidePhase}) and
   * then run two at a time (failsafe's JUnit settings in portal-web/pom.xml), each with data of its
   * own.
   */
  public static final String PORTAL = "the shared portal";

  /** The running portal, as this class sees it (set by {@link PortalExtension}). */
  protected static Portal portal;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return PortalDeployment.portal();
  }
}
