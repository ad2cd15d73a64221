package org.opendvc.portal.identity;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;

/** Signs people in and keeps the built-in accounts. */
@Stateless
public class AccountService {

  public static final String ADMIN_USERNAME = "admin";

  /** A fixed hash checked when the username is unknown, so both failures take the same time. */
  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

  @PersistenceContext private EntityManager em;

  public Optional<Account> find(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
        .setParameter("u", username.trim())
        .getResultStream()
        .findFirst();
  }

  public Optional<Account> authenticate(String username, String password) {
    Optional<Account> account = find(username);
    String hash = account.map(Account::passwordHash).orElse(DUMMY_HASH);
    boolean matches = PasswordHasher.matches(password == null ? "" : password, hash);
    return account.filter(a -> matches && a.enabled());
  }

  /**
   * Creates the built-in {@code admin} account on first start. Returns the password when it had
   * to be generated, so that the caller can print it once.
   */
  public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
    if (find(ADMIN_USERNAME).isPresent()) {
      return Optional.empty();
    }
    String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = PasswordHasher.randomPassword(16);
    }
    em.persist(new Account(ADMIN_USERNAME, PasswordHasher.hash(password), Role.ADMIN, null,
        "Quản trị hệ thống"));
    return generated ? Optional.of(password) : Optional.empty();
  }

  /** Adds an account unless one with that username exists. */
  public void createIfAbsent(String username, String password, Role role, Agency agency,
      String fullName) {
    if (find(username).isEmpty()) {
      em.persist(new Account(username, PasswordHasher.hash(password), role,
          agency == null ? null : em.merge(agency), fullName));
    }
  }
}
