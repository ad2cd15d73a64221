package org.opendvc.portal.infrastructure.persistence;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's JDBC data source: MySQL Connector/J configured from MicroProfile Config keys {@code
 * portal.db.url}, {@code portal.db.user} and {@code portal.db.password} (environment {@code
 * PORTAL_DB_URL}...). Reading the keys here, rather than through placeholders in the data source
 * definition, lets the password be empty and adds the connection options the portal relies on
 * (UTF-8, UTC session time, batched inserts) unless the URL sets them itself.
 *
 * <p>With {@code portal.db.owner.user} / {@code portal.db.owner.password} set, the schema belongs
 * to that owner account: the migrations run as the owner ({@link #forMigrations()}), which then
 * gives the runtime account its rights table by table ({@link RuntimeGrants}); the pool connects as
 * the runtime account and never creates the database itself.
 */
public class PortalDataSource extends MysqlDataSource {

  private static final long serialVersionUID = 1L;

  static final Map<String, String> DEFAULT_OPTIONS = new LinkedHashMap<>();

  static {
    DEFAULT_OPTIONS.put("characterEncoding", "UTF-8");
    DEFAULT_OPTIONS.put("connectionTimeZone", "UTC");
    DEFAULT_OPTIONS.put("forceConnectionTimeZoneToSession", "true");
    DEFAULT_OPTIONS.put("rewriteBatchedStatements", "true");
    DEFAULT_OPTIONS.put("allowPublicKeyRetrieval", "true");
    DEFAULT_OPTIONS.put("createDatabaseIfNotExist", "true");
    // a database that is down or hangs must not hold a thread for ever: connecting gives up after
    // 2 s and a query that gets no answer at all for 2 minutes fails (well beyond the longest
    // report or recount); new requests do not wait that long, DatabaseWatch answers them 503
    DEFAULT_OPTIONS.put("connectTimeout", "2000");
    DEFAULT_OPTIONS.put("socketTimeout", "120000");
  }

  /**
   * The configured database: its URL as given, the runtime account (which the pool connects as)
   * and, when the schema has an owner of its own, the owner account.
   */
  record Settings(
      String url, String user, String password, Optional<String> ownerUser, String ownerPassword) {

    static Settings read() {
      Config config = ConfigProvider.getConfig(PortalDataSource.class.getClassLoader());
      return new Settings(
          config
              .getOptionalValue("portal.db.url", String.class)
              .orElse("jdbc:mysql://127.0.0.1:3306/portal"),
          config.getOptionalValue("portal.db.user", String.class).orElse("root"),
          config.getOptionalValue("portal.db.password", String.class).orElse(""),
          config
              .getOptionalValue("portal.db.owner.user", String.class)
              .map(String::strip)
              .filter(u -> !u.isEmpty()),
          config.getOptionalValue("portal.db.owner.password", String.class).orElse(""));
    }

    /**
     * The URL the runtime account connects with: the owner (when there is one) creates the
     * database, the runtime account may not.
     */
    String runtimeUrl() {
      return withDefaultOptions(url, ownerUser.isEmpty());
    }

    /** The URL of the account that migrates: it may create the database. */
    String migrationUrl() {
      return withDefaultOptions(url, true)
          .replaceAll("([?&])socketTimeout=[^&]*", "$1socketTimeout=0");
    }

    String migrationUser() {
      return ownerUser.orElse(user);
    }

    String migrationPassword() {
      return ownerUser.isPresent() ? ownerPassword : password;
    }
  }

  private volatile boolean configured;
  private String configuredUser;
  private String configuredPassword;

  /** The migrations' own source, which must not wait for the migrations. */
  private boolean forMigrations;

  private synchronized void configure() {
    if (configured) {
      return;
    }
    Settings settings = Settings.read();
    setURL(settings.runtimeUrl());
    configuredUser = settings.user();
    configuredPassword = settings.password();
    configured = true;
  }

  /**
   * A data source of its own, outside the pool, for the schema migrations, connecting as the
   * schema's owner when one is configured: building an index on a table of millions of rows may
   * rightly take longer than any request, so its connections have no socket timeout.
   */
  public static PortalDataSource forMigrations() {
    Settings settings = Settings.read();
    PortalDataSource source = new PortalDataSource();
    source.setURL(settings.migrationUrl());
    source.configuredUser = settings.migrationUser();
    source.configuredPassword = settings.migrationPassword();
    source.forMigrations = true;
    source.configured = true;
    return source;
  }

  /**
   * The URL with each default option appended unless the URL already names it; without {@code
   * createDatabaseIfNotExist} unless {@code createDatabase}.
   */
  static String withDefaultOptions(String url, boolean createDatabase) {
    StringBuilder out = new StringBuilder(url);
    boolean hasQuery = url.contains("?");
    for (Map.Entry<String, String> option : DEFAULT_OPTIONS.entrySet()) {
      if (!createDatabase && option.getKey().equals("createDatabaseIfNotExist")) {
        continue;
      }
      if (!url.contains(option.getKey() + "=")) {
        out.append(hasQuery ? '&' : '?')
            .append(option.getKey())
            .append('=')
            .append(option.getValue());
        hasQuery = true;
      }
    }
    return out.toString();
  }

  /** The configured URL without credentials, for logs and error messages. */
  public String describe() {
    configure();
    return getURL().replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /**
   * A connection as the configured account; the pool's first one waits until the schema is migrated
   * and the runtime account has its rights ({@link SchemaMigration#prepareOnce()}).
   */
  @Override
  public Connection getConnection() throws SQLException {
    configure();
    if (!forMigrations) {
      try {
        SchemaMigration.prepareOnce();
      } catch (RuntimeException e) {
        throw new SQLException("The database could not be prepared: " + e.getMessage(), e);
      }
    }
    return super.getConnection(configuredUser, configuredPassword);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }
}
