package org.opendvc.portal.infrastructure.persistence;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings an empty or older database to the current schema with the Flyway migrations, and then
 * gives the runtime account its rights ({@link RuntimeGrants}).
 */
public final class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  private static volatile boolean prepared;

  private SchemaMigration() {}

  /**
   * Once per application: migrates the schema (as its owner, when one is configured) and gives the
   * runtime account its rights. The pool's first connection calls it, before it connects: the
   * server opens that connection when it deploys the persistence unit, before any start-up bean
   * runs, and on a new database the runtime account may not even use the database until the owner
   * has granted it its tables.
   */
  public static void prepareOnce() {
    if (prepared) {
      return;
    }
    synchronized (SchemaMigration.class) {
      if (!prepared) {
        migrate(PortalDataSource.forMigrations());
        RuntimeGrants.apply();
        prepared = true;
      }
    }
  }

  public static MigrateResult migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .validateMigrationNaming(true)
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion != null
                    ? result.targetSchemaVersion
                    : result.initialSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied)");
    return result;
  }
}
