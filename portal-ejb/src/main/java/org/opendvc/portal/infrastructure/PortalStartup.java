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
import org.opendvc.portal.infrastructure.persistence.RuntimeGrants;
import org.opendvc.portal.infrastructure.persistence.SchemaMigration;
import org.opendvc.portal.shared.PaymentSettings;

/**
 * Start-up: migrates the schema, gives the runtime database account its rights (or warns that the
 * history is append-only by the code only, see {@link RuntimeGrants}), creates the built-in admin
 * account, loads the demo province into an empty database when asked to, builds the search index
 * and starts the tracking cache's change-log polling, in that order. Everything that needs the
 * database at start-up belongs here: an EJB {@code @Startup} bean runs once the application's data
 * source is bound, on Payara Micro (the WAR) and on a full server (the EAR) alike.
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
    SchemaMigration
        .prepareOnce(); // done already when the server opened the pool's first connection
    accounts
        .ensureAdmin(adminPassword)
        .ifPresent(
            generated ->
                LOG.warning(
                    "\n\n  The built-in account 'admin' was created with the password: "
                        + generated
                        + "\n  It is shown only this once. Set PORTAL_ADMIN_PASSWORD to choose it.\n"));
    if (loadDemoData) {
      demoData.loadIfEmpty();
    }
    search.rebuild();
    tracking.startPolling();
    warnAboutPayment();
  }

  /**
   * The sandbox lets anyone settle a fee by pressing "paid": say so loudly at every start while it
   * is in use, and say when online payment is off.
   */
  private static void warnAboutPayment() {
    if (PaymentSettings.sandboxInUse()) {
      LOG.warning(
          "\n\n  Online payment uses the SANDBOX, a pretend bank: anyone can mark a fee as"
              + " paid.\n  It is for demonstrations and tests only. Set portal.payment.provider"
              + " (PORTAL_PAYMENT_PROVIDER) to a real provider, or to 'none', before going live.\n");
    } else if (PaymentSettings.provider().isEmpty()) {
      LOG.info(
          "Online payment is off (portal.payment.provider not set): fees are collected at"
              + " the one-stop desk, and officers cannot request an online payment.");
    }
  }
}
