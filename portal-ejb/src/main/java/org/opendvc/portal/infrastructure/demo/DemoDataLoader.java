package org.opendvc.portal.infrastructure.demo;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opendvc.portal.calendar.CalendarService;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.catalogue.ImportReport;
import org.opendvc.portal.catalogue.ProcedureImportService;
import org.opendvc.portal.catalogue.ProcedureWriter;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.statistics.StatisticsRecount;

/**
 * Loads the demo provinces, catalogue and accounts into an empty database (docs/demo-data.md).
 *
 * <p>Order: the agency tree in one transaction (which also decides, through the unique agency code,
 * which node loads when several start at once); the procedures through the ordinary import, so the
 * demo passes the same checks as real data; the offerings in batched chunks of {@value
 * #OFFERING_CHUNK}, each its own transaction; a new catalogue revision, so every node's search
 * index picks them up; the accounts; the demo dossiers of the last months with their history
 * (chunks of {@value #DOSSIER_CHUNK}, each its own transaction) and then their daily code counters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());
  static final int OFFERING_CHUNK = 5000;
  static final int DOSSIER_CHUNK = 1000;

  @EJB private DemoDataWriter writer;
  @EJB private ProcedureImportService imports;
  @EJB private ProcedureWriter procedureWriter;
  @EJB private AccountService accounts;
  @EJB private StatisticsRecount statistics;
  @Inject private AgencyRepository agencies;
  @Inject private Clock clock;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/portal")
  private javax.sql.DataSource dataSource;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = CalendarService.OFFICE_HOURS_KEY,
      defaultValue = CalendarService.DEFAULT_OFFICE_HOURS)
  private String officeHours;

  /**
   * Loads the demo data unless the database already has agencies. Never throws: a failure is logged
   * and the portal starts with what was loaded.
   */
  public void loadIfEmpty() {
    long started = System.nanoTime();
    try {
      if (writer.hasAgencies()) {
        LOG.info("Demo data not loaded: the database already has agencies.");
        return;
      }
      DemoData data = DemoData.build();
      Optional<Map<String, Long>> agencyIds = writer.insertAgencies(data.agencies());
      if (agencyIds.isEmpty()) {
        LOG.info("Demo data not loaded here: another node is loading it.");
        return;
      }
      load(data, agencyIds.get(), started);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Demo data could not be loaded completely. It is loaded only into a"
              + " database without agencies: empty the database to try again.",
          e);
    }
  }

  private void load(DemoData data, Map<String, Long> agencyIds, long started) {
    ImportReport report = imports.importRecords(data.feedRecords());
    if (!report.rejected().isEmpty()) {
      LOG.warning(
          () ->
              "Demo data: "
                  + report.rejected().size()
                  + " procedure(s) refused by the"
                  + " import, first: "
                  + report.rejected().get(0));
    }
    Map<String, Long> procedureIds =
        writer.procedureIds(data.procedures().stream().map(DemoProcedure::code).toList());
    int offerings = 0;
    List<DemoOffering> all = data.offerings();
    for (int from = 0; from < all.size(); from += OFFERING_CHUNK) {
      offerings +=
          writer.insertOfferings(
              all.subList(from, Math.min(all.size(), from + OFFERING_CHUNK)),
              procedureIds,
              agencyIds);
    }
    try {
      procedureWriter.bumpRevision();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the catalogue change", e);
    }
    for (DemoAccount a : data.accounts()) {
      Agency agency =
          a.agencyCode() == null
              ? null
              : agencies
                  .findByCode(a.agencyCode())
                  .orElseThrow(() -> new IllegalStateException("no demo agency " + a.agencyCode()));
      accounts.createIfAbsent(a.username(), a.password(), a.role(), agency, a.fullName());
    }
    long dossiersStarted = System.nanoTime();
    DemoDossiers.Result dossiers =
        DemoDossiers.generate(
            data, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), calendar());
    Map<String, Long> accountIds =
        writer.accountIds(data.accounts().stream().map(DemoAccount::username).toList());
    int storedDossiers = 0;
    List<DemoDossier> allDossiers = dossiers.dossiers();
    for (int from = 0; from < allDossiers.size(); from += DOSSIER_CHUNK) {
      storedDossiers +=
          writer.insertDossiers(
              allDossiers.subList(from, Math.min(allDossiers.size(), from + DOSSIER_CHUNK)),
              procedureIds,
              agencyIds,
              accountIds);
    }
    writer.insertCounters(dossiers.counters());
    writer.askDemoPayments();
    statistics.repair();
    long dossierMs = (System.nanoTime() - dossiersStarted) / 1_000_000;
    int[] byLevel = new int[5];
    all.stream()
        .filter(o -> procedureIds.containsKey(o.procedureCode()))
        .forEach(o -> byLevel[o.level()]++);
    int storedOfferings = offerings;
    int dossierCount = storedDossiers;
    LOG.info(
        () ->
            String.format(
                "Demo data loaded: %d agencies, %d procedures, %d offerings"
                    + " (level 2: %d, level 3: %d, level 4: %d), %d accounts, %d dossiers (%s; %d history"
                    + " steps, %d ms), %d ms. Try tracking: %s",
                agencyIds.size(),
                procedureIds.size(),
                storedOfferings,
                byLevel[2],
                byLevel[3],
                byLevel[4],
                data.accounts().size(),
                dossierCount,
                DemoDossiers.statusSummary(allDossiers),
                allDossiers.stream().mapToInt(d -> d.history().size()).sum(),
                dossierMs,
                (System.nanoTime() - started) / 1_000_000,
                DemoDossiers.tryTracking(dossiers)));
  }

  /**
   * The working calendar as the database holds it right after the migrations (the shipped
   * holidays), read here directly: the demo is loaded while the portal starts, before the calendar
   * service is up.
   */
  private WorkingCalendar calendar() {
    java.util.Set<java.time.LocalDate> holidays = new java.util.HashSet<>();
    java.util.Set<java.time.LocalDate> working = new java.util.HashSet<>();
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement s =
            c.prepareStatement("SELECT calendar_date, kind FROM calendar_day");
        java.sql.ResultSet r = s.executeQuery()) {
      while (r.next()) {
        java.time.LocalDate day = r.getObject(1, java.time.LocalDate.class);
        ("WORKING_DAY".equals(r.getString(2)) ? working : holidays).add(day);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the working calendar", e);
    }
    return new WorkingCalendar(
        CalendarService.officeHours(officeHours), holidays, working, WorkingCalendar.ZONE);
  }
}
