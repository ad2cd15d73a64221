package org.opendvc.portal.identity;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.shared.AttemptLimiter;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Accounts that citizens create themselves. A registration keeps what the person gave and the hash
 * of a random six-digit code e-mailed to them; the account (role APPLICANT, user name the e-mail
 * address in lower case, which is how sign-in finds it) exists only once the code is given back
 * before it expires. A code allows a few wrong tries, a registration a few codes, and one client
 * address a bounded number of registrations and wrong codes per window.
 *
 * <p>The code travels by e-mail only: the portal has no SMS provider, so a phone number is kept as
 * a contact, not as a way to verify.
 */
@Stateless
public class RegistrationService {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{7,18}[0-9]");

  /** Registrations started by one client address. */
  private static final AttemptLimiter STARTS =
      AttemptLimiter.configured("portal.registration.start", 20, 3600);

  /** Wrong codes given from one client address, whatever the registration. */
  private static final AttemptLimiter WRONG_CODES =
      AttemptLimiter.configured("portal.registration.verify", 20, 900);

  @PersistenceContext private EntityManager em;
  @Inject private AccountService accounts;
  @Inject private Passwords passwords;
  @Inject private Clock clock;
  @Inject private Event<VerificationCodeIssued> codes;

  /** The outcome of giving a code: the new account, or what is wrong. */
  public record Verification(Optional<Account> account, Optional<FieldProblem> problem) {}

  /** The rules in force, from configuration ({@code portal.registration.*}). */
  public record Rules(long codeMinutes, int maxAttempts, int maxSends, long resendSeconds) {}

  public Rules rules() {
    Config c = ConfigProvider.getConfig(RegistrationService.class.getClassLoader());
    return new Rules(
        c.getOptionalValue("portal.registration.code.minutes", Long.class).orElse(10L),
        c.getOptionalValue("portal.registration.code.attempts", Integer.class).orElse(5),
        c.getOptionalValue("portal.registration.code.sends", Integer.class).orElse(3),
        c.getOptionalValue("portal.registration.resend.seconds", Long.class).orElse(60L));
  }

  /** The user name an e-mail address gives: stripped and in lower case. */
  public static String usernameOf(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Checks what the person gave and, when all is right, stores the registration and sends the code.
   * Every wrong field is reported at once ({@link InvalidInputException}); nothing is stored then.
   */
  public Registration start(NewRegistration request, String language, String client) {
    List<FieldProblem> problems = new ArrayList<>();
    String email = request.email() == null ? "" : request.email().strip();
    if (email.isEmpty()) {
      problems.add(new FieldProblem("email", "registration.emailRequired"));
    } else if (email.length() > 100 || !EMAIL.matcher(email).matches()) {
      problems.add(new FieldProblem("email", "account.emailInvalid"));
    } else if (accounts.find(usernameOf(email)).isPresent()) {
      problems.add(new FieldProblem("email", "registration.emailTaken"));
    }
    String phone = blankToNull(request.phone());
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(new FieldProblem("phone", "registration.phoneInvalid"));
    }
    String fullName = blankToNull(request.fullName());
    if (fullName == null) {
      problems.add(new FieldProblem("fullName", "registration.fullNameRequired"));
    } else if (fullName.length() > 255) {
      problems.add(new FieldProblem("fullName", "account.fullNameTooLong", 255));
    }
    String password = request.password() == null ? "" : request.password();
    if (password.length() < AccountService.MIN_PASSWORD) {
      problems.add(
          new FieldProblem("password", "account.passwordTooShort", AccountService.MIN_PASSWORD));
    } else if (password.length() > AccountService.MAX_PASSWORD) {
      problems.add(
          new FieldProblem("password", "account.passwordTooLong", AccountService.MAX_PASSWORD));
    } else if (request.passwordAgain() != null && !request.passwordAgain().equals(password)) {
      problems.add(new FieldProblem("passwordAgain", "registration.passwordMismatch"));
    }
    if (problems.isEmpty() && !mailConfigured()) {
      problems.add(new FieldProblem("email", "registration.mailUnavailable"));
    }
    if (problems.isEmpty()) {
      long wait = STARTS.secondsToWait(clientKey(client));
      if (wait > 0) {
        problems.add(new FieldProblem("email", "registration.tooMany", wait));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    STARTS.failed(clientKey(client));
    Instant now = now();
    em.createQuery("DELETE FROM Registration r WHERE r.expiresAt < :old")
        .setParameter("old", now.minus(Duration.ofDays(1)))
        .executeUpdate();
    Rules rules = rules();
    String token = HexFormat.of().formatHex(randomBytes(16));
    String code = newCode();
    String lang = "en".equals(language) ? "en" : "vi";
    Registration r =
        new Registration(
            token,
            usernameOf(email),
            email,
            phone,
            fullName,
            passwords.hash(password),
            codeHash(token, code),
            lang,
            now,
            now.plus(Duration.ofMinutes(rules.codeMinutes())));
    em.persist(r);
    em.flush();
    codes.fire(new VerificationCodeIssued(email, fullName, code, lang, rules.codeMinutes()));
    return r;
  }

  /** A registration still waiting for its code, by its token. */
  public Optional<Registration> pending(String token) {
    if (token == null || !token.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return em.createQuery("SELECT r FROM Registration r WHERE r.token = :t", Registration.class)
        .setParameter("t", token)
        .getResultStream()
        .findFirst();
  }

  /**
   * Takes the code back: the right one, in time and within the allowed tries, creates the account
   * and ends the registration. A wrong code is counted (and kept counted: the answer is returned,
   * not thrown, so the count commits).
   */
  public Verification verify(String token, String code, String client) {
    String given = code == null ? "" : code.replaceAll("\\s", "");
    Optional<Registration> found = pending(token);
    if (found.isEmpty()) {
      return refused("registration.unknown");
    }
    Registration r = found.get();
    Rules rules = rules();
    long wait = WRONG_CODES.secondsToWait(clientKey(client));
    if (wait > 0) {
      return refused("registration.tooMany", wait);
    }
    if (!now().isBefore(r.expiresAt())) {
      return refused("registration.codeExpired");
    }
    if (r.attempts() >= rules.maxAttempts()) {
      return refused("registration.tooManyAttempts");
    }
    if (!given.matches("\\d{6}")) {
      return refused("registration.codeFormat");
    }
    if (!MessageDigest.isEqual(
        codeHash(r.token(), given).getBytes(StandardCharsets.US_ASCII),
        r.codeHash().getBytes(StandardCharsets.US_ASCII))) {
      r.failedAttempt();
      WRONG_CODES.failed(clientKey(client));
      int left = rules.maxAttempts() - r.attempts();
      return left > 0
          ? refused("registration.codeWrong", left)
          : refused("registration.tooManyAttempts");
    }
    if (accounts.find(r.username()).isPresent()) {
      em.remove(r);
      return new Verification(
          Optional.empty(), Optional.of(new FieldProblem("email", "registration.emailTaken")));
    }
    Account account =
        new Account(r.username(), r.passwordHash(), Role.APPLICANT, null, r.fullName(), now());
    account.changeEmail(r.email());
    account.changePhone(r.phone());
    em.persist(account);
    em.remove(r);
    em.flush();
    return new Verification(Optional.of(account), Optional.empty());
  }

  /**
   * Sends a new code for a registration, unless its codes are used up or the last one went out less
   * than {@code resendSeconds} ago.
   */
  public Optional<FieldProblem> resend(String token) {
    Optional<Registration> found = pending(token);
    if (found.isEmpty()) {
      return Optional.of(new FieldProblem("code", "registration.unknown"));
    }
    Registration r = found.get();
    Rules rules = rules();
    if (r.sends() >= rules.maxSends()) {
      return Optional.of(new FieldProblem("code", "registration.noMoreCodes"));
    }
    Instant now = now();
    long since = Duration.between(r.sentAt(), now).getSeconds();
    if (since < rules.resendSeconds()) {
      return Optional.of(
          new FieldProblem("code", "registration.resendWait", rules.resendSeconds() - since));
    }
    String code = newCode();
    r.resent(codeHash(r.token(), code), now, now.plus(Duration.ofMinutes(rules.codeMinutes())));
    em.flush();
    codes.fire(
        new VerificationCodeIssued(
            r.email(), r.fullName(), code, r.language(), rules.codeMinutes()));
    return Optional.empty();
  }

  private static Verification refused(String key, Object... args) {
    return new Verification(Optional.empty(), Optional.of(new FieldProblem("code", key, args)));
  }

  /** Whether an SMTP server is configured: without one no code could reach the person. */
  private static boolean mailConfigured() {
    return ConfigProvider.getConfig(RegistrationService.class.getClassLoader())
        .getOptionalValue("portal.mail.host", String.class)
        .filter(h -> !h.isBlank())
        .isPresent();
  }

  /** Six random digits, 000000 to 999999. */
  static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /** The stored form of a code: SHA-256 of the registration's random token and the code. */
  static String codeHash(String token, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest((token + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String clientKey(String client) {
    return client == null ? "?" : client;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
