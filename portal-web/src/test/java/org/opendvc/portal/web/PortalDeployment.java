package org.opendvc.portal.web;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Stand-in for {@code org.opendvc.portal.testsupport.PortalDeployment} until the shared test
 * harness lands: the WAR the build made, deployed as ROOT.war so the pages sit at "/". Delete
 * this class and import the harness's one when it exists.
 */
final class PortalDeployment {

  private PortalDeployment() {}

  static WebArchive portal() {
    File war = new File(System.getProperty("portal.war", "target/portal-web.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("build the WAR first (mvn package): " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
