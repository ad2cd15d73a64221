package org.opendvc.portal.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Database accounts the portal runs as in tests and in the run command: {@code 'name'@'127.0.0.1'}
 * (the portal always connects to 127.0.0.1 there), with a password and no rights of their own,
 * which the schema's owner gives them table by table.
 */
public final class Accounts {

  public static final String HOST = "127.0.0.1";

  private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Accounts() {}

  /** A random password of 24 letters and digits (nothing a shell or a URL would change). */
  public static String randomPassword() {
    StringBuilder out = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      out.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return out.toString();
  }

  /** Creates the account, or sets its password when it exists, on a connection with the rights. */
  public static void ensure(Connection c, String user, String password) throws SQLException {
    String account = account(user);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + literal(password));
      s.execute("ALTER USER " + account + " IDENTIFIED BY " + literal(password));
    }
  }

  /** Drops the account (and every right it was given) if it exists. */
  public static void drop(Connection c, String user) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP USER IF EXISTS " + account(user));
    }
  }

  static String account(String user) {
    if (!user.matches("[A-Za-z0-9_]{1,32}")) {
      throw new IllegalArgumentException(
          "An account name must be 1 to 32 letters, digits and _: " + user);
    }
    return "'" + user + "'@'" + HOST + "'";
  }

  private static String literal(String password) {
    if (!password.matches("[A-Za-z0-9]*")) {
      throw new IllegalArgumentException("A generated password holds letters and digits only");
    }
    return "'" + password + "'";
  }
}
