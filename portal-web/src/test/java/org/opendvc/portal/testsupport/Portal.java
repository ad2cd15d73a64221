package org.opendvc.portal.testsupport;

import jakarta.json.JsonObjectBuilder;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendvc.portal.shared.JsonProviders;

/**
 * The running portal as the integration-test class running on the calling thread sees it: its
 * address, HTTP clients signed in as whom the test needs, and data of the class's own, made through
 * the API so that no test relies on rows another test wrote or changes rows another test reads.
 *
 * <ul>
 *   <li>{@link #newAccount}: an account of the class's own (unique name), for any role;
 *   <li>{@link #ownYear()}: a calendar year that no other test class of the run reads or writes.
 * </ul>
 *
 * <p>The demo province (agencies, procedures, offerings, the demo accounts of docs/demo-data.md) is
 * the shared, read-only background: tests read it but change only what they made.
 */
public final class Portal {

  /** The built-in administrator's password, as {@code arquillian.xml} sets it. */
  public static final String ADMIN_PASSWORD = "it-admin-Secret1";

  /**
   * The test portals' PBKDF2 work factor ({@code portal.password.iterations}), which failsafe
   * passes as {@code portal.test.password.iterations} (portal-web/pom.xml) and {@code
   * arquillian.xml} gives the portal.
   */
  public static final int PASSWORD_ITERATIONS =
      Integer.getInteger("portal.test.password.iterations", 210_000);

  /** The password of every demo account. */
  public static final String DEMO_PASSWORD = "Demo@2026";

  /** The password of the accounts {@link #newAccount} makes. */
  public static final String PASSWORD = "Mat-khau-2026";

  /** The first year handed out by {@link #ownYear()}: far from the shipped and demo years. */
  static final int FIRST_OWN_YEAR = 2061;

  /** Unique per run, in case the database is one kept from an earlier run. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  private static final AtomicInteger NEXT_YEAR = new AtomicInteger(FIRST_OWN_YEAR);
  private static final Map<String, Integer> YEARS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();
  private static volatile String adminToken;

  /**
   * The test class running on this thread, or on the thread that started it: test classes run side
   * by side, each on a thread of its own from its {@code @BeforeAll} to its {@code @AfterAll}.
   */
  private static final InheritableThreadLocal<String> OWNER = new InheritableThreadLocal<>();

  private final URI base;

  Portal(URI base) {
    this.base = base;
  }

  /** Makes the calling thread, and the threads it starts, work for that test class. */
  static void runningFor(Class<?> testClass) {
    OWNER.set(testClass.getSimpleName());
  }

  private static String owner() {
    String owner = OWNER.get();
    if (owner == null) {
      throw new IllegalStateException(
          "No test class runs on this thread: ask for accounts and years from the test's own thread");
    }
    return owner;
  }

  /** The application's base URI, ending in '/'. */
  public URI base() {
    return base;
  }

  /** The base URI as a URL, for the browser tests and the older helpers that take one. */
  public URL url() {
    try {
      return base.toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client of nobody signed in. */
  public Http http() {
    return Http.at(base);
  }

  /** A client signed in as the built-in administrator. */
  public Http admin() {
    return http().withBearer(adminToken());
  }

  /** A bearer token of the built-in administrator (asked once per run). */
  public String adminToken() {
    String token = adminToken;
    if (token == null) {
      token = http().tokenFor("admin", ADMIN_PASSWORD);
      adminToken = token;
    }
    return token;
  }

  /** A client signed in as a demo account (docs/demo-data.md). */
  public Http demo(String username) {
    return http().signedInAs(username, DEMO_PASSWORD);
  }

  /**
   * A new account of this class's own, made by the administrator through {@code POST
   * /api/v1/admin/users}: {@code role} APPLICANT, OFFICER, AGENCY_ADMIN, ADMIN or AGENCY_SYSTEM,
   * {@code agencyCode} for the agency roles (else null). Fails the test when refused.
   */
  public Account newAccount(String role, String agencyCode) {
    String owner = owner();
    String username =
        (owner + "." + role + "." + RUN + "." + NEXT_ACCOUNT.incrementAndGet())
            .toLowerCase(Locale.ROOT);
    JsonObjectBuilder body =
        JsonProviders.JSON
            .createObjectBuilder()
            .add("username", username)
            .add("password", PASSWORD)
            .add("role", role)
            .add("fullName", "Kiểm thử " + owner);
    if (agencyCode != null) {
      body.add("agencyCode", agencyCode);
    }
    Http.Response created = admin().postJson("/api/v1/admin/users", body.build().toString());
    if (created.status() != 201) {
      throw new AssertionError("could not create the test account " + username + ": " + created);
    }
    return new Account(username, PASSWORD, http().signedInAs(username, PASSWORD));
  }

  /**
   * A calendar year of this class's own (from {@value #FIRST_OWN_YEAR} on), the same for every call
   * from the class: no other test class of the run reads or writes it.
   */
  public int ownYear() {
    return YEARS.computeIfAbsent(owner(), k -> NEXT_YEAR.getAndIncrement());
  }

  /** An account made for a test: its name, password and a client signed in as it. */
  public record Account(String username, String password, Http http) {}
}
