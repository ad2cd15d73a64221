package org.opendvc.portal.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opendvc.portal.catalogue.search.CatalogueSearch;
import org.opendvc.portal.dossier.TrackingService;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.infrastructure.demo.DemoDataLoader;
import org.opendvc.portal.infrastructure.persistence.PortalDataSource;
import org.opendvc.portal.infrastructure.persistence.SchemaMigration;

/**
 * Start-up: migrates the schema, creates the built-in admin account, loads the demo province
 * into an empty database when asked to, builds the search index and starts the tracking cache's
 * change-log polling, in that order. Everything that needs the database at start-up belongs
 * here: an EJB {@code @Startup} bean runs once the application's data source is bound, on Payara
 * Micro (the WAR) and on a full server (the EAR) alike.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PortalStartup {

  private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());

  @EJB private AccountService accounts;
  @EJB private DemoDataLoader demoData;
  @Inject private CatalogueSearch search;
  @Inject private TrackingService tracking;

  @Inject
  @ConfigProperty(name = "portal.admin.password")
  private Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "portal.demo.data", defaultValue = "false")
  private boolean loadDemoData;

  @PostConstruct
  void start() {
    SchemaMigration.migrate(PortalDataSource.forMigrations());
    accounts.ensureAdmin(adminPassword).ifPresent(generated -> LOG.warning(
        "\n\n  The built-in account 'admin' was created with the password: " + generated
            + "\n  It is shown only this once. Set PORTAL_ADMIN_PASSWORD to choose it.\n"));
    if (loadDemoData) {
      demoData.loadIfEmpty();
    }
    search.rebuild();
    tracking.startPolling();
  }
}
