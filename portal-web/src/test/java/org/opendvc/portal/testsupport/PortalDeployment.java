package org.opendvc.portal.testsupport;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of the integration tests: the WAR that Maven built, as {@code ROOT.war} so that it
 * serves at {@code /} as in production. Use it as
 *
 * <pre>
 * &#64;Deployment(testable = false)
 * static WebArchive deployment() { return PortalDeployment.portal(); }
 * </pre>
 *
 * <p>Every test class deploys this same WAR, so the whole run shares one Payara Micro ({@link
 * SharedPayaraMicroContainer}): started by the first class, stopped when the run ends.
 */
public final class PortalDeployment {

  private PortalDeployment() {}

  public static WebArchive portal() {
    File war = warFile();
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }

  /** The built WAR: system property portal.war (failsafe sets it), else target/portal-web.war. */
  public static File warFile() {
    String path = System.getProperty("portal.war");
    File war =
        path != null && !path.isBlank()
            ? new File(path)
            : TestDatabase.buildDir().resolve("portal-web.war").toFile();
    if (!war.isFile()) {
      throw new IllegalStateException(
          "The portal WAR is not at "
              + war.getAbsolutePath()
              + ": run the integration tests with 'mvn verify' (which packages it first)");
    }
    return war;
  }

  /**
   * The application's base URI, ending in '/', from the {@code @ArquillianResource URL} Arquillian
   * injects (which names the host's IP address, not localhost).
   */
  public static URI baseUri(URL deploymentUrl) {
    String text = deploymentUrl.toExternalForm();
    return URI.create(text.endsWith("/") ? text : text + "/");
  }
}
