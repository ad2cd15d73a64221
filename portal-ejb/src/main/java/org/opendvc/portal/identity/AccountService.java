package org.opendvc.portal.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.AgencyRepository;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/** Signs people in and keeps the built-in accounts. */
@Stateless
public class AccountService {

  public static final String ADMIN_USERNAME = "admin";

  /** 3 to 100 ASCII letters, digits, '.', '_' or '-'. */
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,100}");

  public static final int MIN_PASSWORD = 10;

  /** PBKDF2 work grows with the password: an upper bound keeps a request cheap. */
  public static final int MAX_PASSWORD = 200;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @PersistenceContext private EntityManager em;

  @Inject private AgencyRepository agencies;
  @Inject private Clock clock;
  @Inject private AccountStanding standing;
  @Inject private Passwords passwords;

  /** The account of a user name in its canonical form ({@link Usernames}); any other is none. */
  public Optional<Account> find(String username) {
    Optional<String> canonical = Usernames.canonical(username);
    if (canonical.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery("SELECT a FROM Account a WHERE a.username = :u", Account.class)
        .setParameter("u", canonical.get())
        .getResultStream()
        .findFirst();
  }

  /**
   * The enabled account of this name and password. An unknown name costs the time of a password
   * check too. A right password whose hash is of an older form or weaker parameters ({@link
   * Passwords#needsRehash}) is hashed again and stored, so accounts move to the current hash as
   * their owners sign in, on the sign-in page and the token endpoint alike.
   */
  public Optional<Account> authenticate(String username, String password) {
    Optional<Account> account = find(username);
    String given = password == null ? "" : password;
    if (account.isEmpty()) {
      passwords.matchesNothing(given);
      return Optional.empty();
    }
    Account a = account.get();
    if (!passwords.matches(given, a.passwordHash()) || !a.enabled()) {
      return Optional.empty();
    }
    if (passwords.needsRehash(a.passwordHash())) {
      a.changePassword(passwords.hash(given));
    }
    return account;
  }

  /**
   * Creates the built-in {@code admin} account on first start. Returns the password when it had to
   * be generated, so that the caller can print it once.
   */
  public Optional<String> ensureAdmin(Optional<String> configuredPassword) {
    if (find(ADMIN_USERNAME).isPresent()) {
      return Optional.empty();
    }
    String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
    boolean generated = password == null;
    if (generated) {
      password = Passwords.randomPassword(16);
    }
    em.persist(
        new Account(
            ADMIN_USERNAME,
            passwords.hash(password),
            Role.ADMIN,
            null,
            "Quản trị hệ thống",
            clock.instant()));
    return generated ? Optional.of(password) : Optional.empty();
  }

  /**
   * Changes what an administrator may change of an account after it was made: enabled or not, and
   * the role with its agency (each only when given). The account's tokens stop working at once on
   * this node and within {@code portal.auth.recheck.seconds} on the others ({@link
   * AccountStanding}).
   */
  public Account update(String username, Boolean enabled, String roleName, String agencyCode) {
    Account account =
        find(username)
            .orElseThrow(
                () ->
                    new org.opendvc.portal.shared.NotFoundException("account.notFound", username));
    List<FieldProblem> problems = new ArrayList<>();
    Role role = account.role();
    if (roleName != null) {
      try {
        role = Role.valueOf(roleName.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "role",
                "account.roleInvalid",
                roleName,
                Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))));
      }
    }
    Agency agency = account.agency().orElse(null);
    if (agencyCode != null) {
      agency = agencyCode.isBlank() ? null : agencies.findByCode(agencyCode.strip()).orElse(null);
      if (!agencyCode.isBlank() && agency == null) {
        problems.add(new FieldProblem("agencyCode", "agency.notFound", agencyCode));
      }
    }
    if (problems.isEmpty() && role.needsAgency() && agency == null) {
      problems.add(new FieldProblem("agencyCode", "account.agencyRequired", role.name()));
    } else if (problems.isEmpty() && !role.needsAgency()) {
      if (agencyCode != null && !agencyCode.isBlank()) {
        problems.add(new FieldProblem("agencyCode", "account.agencyNotAllowed", role.name()));
      }
      agency = null;
    }
    if (ADMIN_USERNAME.equals(account.username())
        && (Boolean.FALSE.equals(enabled) || role != Role.ADMIN)) {
      problems.add(new FieldProblem("username", "account.builtInAdmin"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (enabled != null) {
      account.setEnabled(enabled);
    }
    account.assign(role, agency == null ? null : em.merge(agency));
    em.flush();
    standing.forget(account.username());
    return account;
  }

  /** Adds an account unless one with that username exists. */
  public void createIfAbsent(
      String username, String password, Role role, Agency agency, String fullName) {
    if (find(username).isEmpty()) {
      em.persist(
          new Account(
              username,
              passwords.hash(password),
              role,
              agency == null ? null : em.merge(agency),
              fullName,
              clock.instant()));
    }
  }

  /**
   * Creates an account an administrator asked for. Every input problem is reported at once ({@link
   * InvalidInputException}); a username in use is {@link UsernameTakenException}, also when another
   * request takes it at the same moment (the column is unique).
   */
  public Account create(NewAccount request) {
    List<FieldProblem> problems = new ArrayList<>();
    String username = request.username() == null ? "" : request.username().strip();
    if (!USERNAME.matcher(username).matches()) {
      problems.add(new FieldProblem("username", "account.usernameInvalid"));
    }
    String password = request.password() == null ? "" : request.password();
    if (password.length() < MIN_PASSWORD) {
      problems.add(new FieldProblem("password", "account.passwordTooShort", MIN_PASSWORD));
    } else if (password.length() > MAX_PASSWORD) {
      problems.add(new FieldProblem("password", "account.passwordTooLong", MAX_PASSWORD));
    }
    String roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    Role role = null;
    if (request.role() == null || request.role().isBlank()) {
      problems.add(new FieldProblem("role", "account.roleRequired", roles));
    } else {
      try {
        role = Role.valueOf(request.role().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("role", "account.roleInvalid", request.role(), roles));
      }
    }
    String agencyCode = blankToNull(request.agencyCode());
    Agency agency = null;
    if (role != null && role.needsAgency()) {
      if (agencyCode == null) {
        problems.add(new FieldProblem("agencyCode", "account.agencyRequired", role.name()));
      } else {
        agency = agencies.findByCode(agencyCode).orElse(null);
        if (agency == null) {
          problems.add(new FieldProblem("agencyCode", "agency.notFound", agencyCode));
        }
      }
    } else if (role != null && agencyCode != null) {
      problems.add(new FieldProblem("agencyCode", "account.agencyNotAllowed", role.name()));
    }
    String fullName = blankToNull(request.fullName());
    if (fullName != null && fullName.length() > 255) {
      problems.add(new FieldProblem("fullName", "account.fullNameTooLong", 255));
    }
    String email = blankToNull(request.email());
    if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
      problems.add(new FieldProblem("email", "account.emailInvalid"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (find(username).isPresent()) {
      throw new UsernameTakenException(username);
    }
    Account account =
        new Account(
            username,
            passwords.hash(password),
            role,
            agency == null ? null : em.merge(agency),
            fullName,
            clock.instant());
    account.changeEmail(email);
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new UsernameTakenException(username);
      }
      throw e;
    }
    return account;
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && "23000".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
