package org.opendvc.portal.infrastructure.persistence;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the dossier history and the administrators' audit log append-only by the database itself.
 * When the schema has an owner account of its own ({@code portal.db.owner.user}), the owner, right
 * after the migrations, gives the runtime account (the one the pool connects as) exactly the rights
 * the portal needs, table by table: read, add, change and delete rows of ordinary tables; only read
 * and add rows of the append-only tables ({@link #APPEND_ONLY}); nothing on Flyway's own table.
 * MySQL and MariaDB add grants up, so the runtime account must hold nothing on the whole database:
 * a grant found there (an older set-up with one account) is taken back. Then the runtime account
 * itself tries to change and delete history rows (statements that match no row) and must be
 * refused, or the start fails.
 *
 * <p>Without an owner account one account migrates and runs, as before: the history is then
 * append-only by the portal's code only, which one warning at every start says.
 */
public final class RuntimeGrants {

  private static final Logger LOG = Logger.getLogger(RuntimeGrants.class.getName());

  /** Tables whose rows are added and read, never changed or deleted. */
  static final Set<String> APPEND_ONLY = Set.of("dossier_history", "admin_audit");

  /** Tables only the owner uses: the runtime account gets nothing on them. */
  static final Set<String> OWNER_ONLY = Set.of("flyway_schema_history");

  /** What the runtime account may do on an ordinary table. */
  static final List<String> ORDINARY_RIGHTS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

  /** What the runtime account may do on an append-only table. */
  static final List<String> APPEND_ONLY_RIGHTS = List.of("SELECT", "INSERT");

  /** What the runtime account may do on a view. */
  static final List<String> VIEW_RIGHTS = List.of("SELECT");

  /** Every right MySQL 8 and MariaDB know on a single table. */
  static final List<String> TABLE_RIGHTS =
      List.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "DROP",
          "ALTER",
          "INDEX",
          "REFERENCES",
          "TRIGGER",
          "CREATE VIEW",
          "SHOW VIEW",
          "GRANT OPTION");

  /** ER_TABLEACCESS_DENIED_ERROR: "UPDATE command denied to user ... for table ...". */
  static final int TABLE_ACCESS_DENIED = 1142;

  /** ER_NONEXISTING_GRANT: the account holds nothing on the database to take back. */
  static final int NO_SUCH_GRANT = 1141;

  /** ER_NONEXISTING_TABLE_GRANT: the account holds nothing on the table to take back. */
  static final int NO_SUCH_TABLE_GRANT = 1147;

  private static final Pattern DATABASE_IN_URL =
      Pattern.compile("^(jdbc:[a-z:]+//[^/?]*)(/[^?]*)?(\\?.*)?$");

  private RuntimeGrants() {}

  /** A MySQL account, {@code 'user'@'host'}, as {@code CURRENT_USER()} names it. */
  record Account(String user, String host) {

    /** Reads {@code CURRENT_USER()}'s {@code user@host}; the user name may itself hold an @. */
    static Account parse(String currentUser) {
      int at = currentUser == null ? -1 : currentUser.lastIndexOf('@');
      if (at < 0) {
        throw new IllegalArgumentException("not an account name: " + currentUser);
      }
      return new Account(currentUser.substring(0, at), currentUser.substring(at + 1));
    }

    /** The account in SQL: {@code `user`@`host`}. */
    String sql() {
      return quote(user) + "@" + quote(host);
    }

    @Override
    public String toString() {
      return "'" + user + "'@'" + host + "'";
    }
  }

  /** One statement of the grants, and whether "there is no such grant" may be ignored. */
  record Grant(String sql, boolean mayFindNothing) {}

  /**
   * After the migrations: gives the runtime account its rights and checks the history is
   * append-only for it, or, without an owner account, says once that it is not.
   */
  public static void apply() {
    PortalDataSource.Settings settings = PortalDataSource.Settings.read();
    if (settings.ownerUser().isEmpty()) {
      warnSingleAccount(settings.user(), "no owner account is configured");
      return;
    }
    MysqlDataSource owner =
        source(settings.migrationUrl(), settings.migrationUser(), settings.migrationPassword());
    MysqlDataSource runtimeOnServer =
        source(serverUrl(settings.runtimeUrl()), settings.user(), settings.password());
    MysqlDataSource runtime = source(settings.runtimeUrl(), settings.user(), settings.password());
    try {
      Account runtimeAccount =
          currentAccount(
              runtimeOnServer, "the runtime account '" + settings.user() + "' (portal.db.user)");
      Account ownerAccount =
          currentAccount(
              owner,
              "the owner account '" + settings.ownerUser().get() + "' (portal.db.owner.user)");
      if (runtimeAccount.equals(ownerAccount)) {
        warnSingleAccount(
            settings.user(), "portal.db.owner.user names the same account as" + " portal.db.user");
        return;
      }
      grant(owner, ownerAccount, runtimeAccount);
      List<String> allowed = forbiddenStillAllowed(runtime);
      if (!allowed.isEmpty()) {
        // a right on the whole database (one account that migrated and ran before) outweighs
        // every table's: take it back, the table grants above are all the portal needs
        takeBackDatabaseGrant(owner, runtimeAccount);
        allowed = forbiddenStillAllowed(runtime);
      }
      if (!allowed.isEmpty()) {
        throw new IllegalStateException(
            "The runtime account "
                + runtimeAccount
                + " may still "
                + String.join(", ", allowed)
                + ", through a right on every database (ON *.*) or a role"
                + " that the owner account cannot take back. Give the runtime account no rights of its"
                + " own (SHOW GRANTS FOR "
                + runtimeAccount
                + "; REVOKE ...), see docs/operations.md.");
      }
      LOG.info(
          () ->
              "The runtime account "
                  + runtimeAccount
                  + " may read and add rows of "
                  + String.join(" and ", new TreeSet<>(APPEND_ONLY))
                  + " but not change or delete them (granted table by table by "
                  + ownerAccount
                  + ")");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot give the runtime account its rights: " + e.getMessage(), e);
    }
  }

  private static void warnSingleAccount(String user, String why) {
    LOG.warning(
        "\n\n  The dossier history and the audit log are append-only by the portal's code"
            + " only ("
            + why
            + "):\n  the account '"
            + user
            + "' that runs the portal also owns the"
            + " schema and could change or delete their rows.\n  Set portal.db.owner.user and"
            + " portal.db.owner.password (PORTAL_DB_OWNER_USER, PORTAL_DB_OWNER_PASSWORD) to an"
            + " account\n  that owns the schema, and give the runtime account no rights of its own"
            + " (docs/operations.md).\n");
  }

  private static MysqlDataSource source(String url, String user, String password) {
    MysqlDataSource source = new MysqlDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  private static Account currentAccount(MysqlDataSource source, String which) throws SQLException {
    try (Connection c = source.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT CURRENT_USER()")) {
      r.next();
      return Account.parse(r.getString(1));
    } catch (SQLException e) {
      throw new SQLException(
          "cannot connect as " + which + ": " + e.getMessage(),
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }
  }

  private static void grant(MysqlDataSource owner, Account ownerAccount, Account runtime)
      throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      String database = currentDatabase(s);
      Map<String, String> tables = new TreeMap<>();
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT TABLE_NAME, TABLE_TYPE FROM"
                  + " information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
        q.setString(1, database);
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            tables.put(r.getString(1), r.getString(2));
          }
        }
      }
      for (Grant g : statements(database, tables, runtime)) {
        try {
          s.execute(g.sql());
        } catch (SQLException e) {
          if (!(g.mayFindNothing() && e.getErrorCode() == NO_SUCH_TABLE_GRANT)) {
            throw new SQLException(
                ownerAccount
                    + " cannot run "
                    + g.sql()
                    + ": "
                    + e.getMessage()
                    + " (the owner account needs ALL on the portal's database WITH"
                    + " GRANT OPTION, see docs/operations.md)",
                e.getSQLState(),
                e.getErrorCode(),
                e);
          }
        }
      }
    }
  }

  /**
   * The grants that leave the runtime account exactly its rights on each table: the rights it needs
   * are given before the others are taken back, so another node already running keeps working
   * throughout.
   */
  static List<Grant> statements(String database, Map<String, String> tables, Account runtime) {
    List<Grant> out = new ArrayList<>();
    for (Map.Entry<String, String> table : new TreeMap<>(tables).entrySet()) {
      String name = quote(database) + "." + quote(table.getKey());
      if (OWNER_ONLY.contains(table.getKey())) {
        out.add(new Grant("REVOKE ALL PRIVILEGES ON " + name + " FROM " + runtime.sql(), true));
        continue;
      }
      List<String> rights = rightsOn(table.getKey(), table.getValue());
      Set<String> others = new LinkedHashSet<>(TABLE_RIGHTS);
      others.removeAll(rights);
      out.add(
          new Grant(
              "GRANT " + String.join(", ", rights) + " ON " + name + " TO " + runtime.sql(),
              false));
      out.add(
          new Grant(
              "REVOKE " + String.join(", ", others) + " ON " + name + " FROM " + runtime.sql(),
              true));
    }
    return out;
  }

  /** What the runtime account may do on a table (or view) of that name and type. */
  static List<String> rightsOn(String table, String type) {
    if (type != null && type.toUpperCase(Locale.ROOT).contains("VIEW")) {
      return VIEW_RIGHTS;
    }
    return APPEND_ONLY.contains(table) ? APPEND_ONLY_RIGHTS : ORDINARY_RIGHTS;
  }

  /**
   * What the runtime account may still do to the append-only tables that it must not: each
   * statement matches no row, so it changes nothing when it is allowed.
   */
  private static List<String> forbiddenStillAllowed(MysqlDataSource runtime) throws SQLException {
    List<String> allowed = new ArrayList<>();
    try (Connection c = runtime.getConnection();
        Statement s = c.createStatement()) {
      for (String table : new TreeSet<>(APPEND_ONLY)) {
        for (String probe :
            List.of(
                "UPDATE " + quote(table) + " SET id = id WHERE 1 = 0",
                "DELETE FROM " + quote(table) + " WHERE 1 = 0")) {
          try {
            s.executeUpdate(probe);
            allowed.add(probe.substring(0, 6) + " " + table);
          } catch (SQLException e) {
            if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
              throw e;
            }
          }
        }
      }
    }
    return allowed;
  }

  /** The database the connection works in (the one the JDBC URL names). */
  private static String currentDatabase(Statement s) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT DATABASE()")) {
      r.next();
      return r.getString(1);
    }
  }

  private static void takeBackDatabaseGrant(MysqlDataSource owner, Account runtime)
      throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      String database = currentDatabase(s);
      String sql = "REVOKE ALL PRIVILEGES ON " + quote(database) + ".* FROM " + runtime.sql();
      try {
        s.execute(sql);
        LOG.warning(
            () ->
                "The runtime account "
                    + runtime
                    + " held rights on the whole database `"
                    + database
                    + "`, which outweigh the append-only tables' grants: taken back ("
                    + sql
                    + "); it keeps its rights table by table");
      } catch (SQLException e) {
        if (e.getErrorCode() != NO_SUCH_GRANT) {
          throw e;
        }
      }
    }
  }

  /**
   * The URL without its database, for connecting as an account that may have no rights on the
   * database yet: {@code jdbc:mysql://h:3306/portal?x=y} gives {@code jdbc:mysql://h:3306/?x=y}.
   */
  static String serverUrl(String url) {
    Matcher m = DATABASE_IN_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a MySQL JDBC URL: " + url);
    }
    String query =
        m.group(3) == null
            ? ""
            : m.group(3)
                .replaceAll("([?&])createDatabaseIfNotExist=[^&]*&?", "$1")
                .replaceAll("[?&]$", "");
    return m.group(1) + "/" + query;
  }

  /** An identifier or account part in back-quotes, which SQL modes do not change. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
