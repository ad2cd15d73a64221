package org.opendvc.portal.web.shared;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opendvc.portal.satisfaction.KioskRating;

/**
 * The pages' short, stable addresses (API.md, "Public page addresses") and the Facelets view each
 * one shows, with the values the address carries (a code, a year, a form's number). Pure: it reads
 * a path and answers; {@link PageRoutingFilter} forwards by it.
 *
 * <ul>
 *   <li>{@code /} → {@code /home.xhtml}
 *   <li>{@code /procedures} → {@code /search.xhtml} (the query string stays as it is)
 *   <li>{@code /procedures/{code}} → {@code /procedure.xhtml}
 *   <li>{@code /agencies} → {@code /agencies.xhtml}, {@code /agencies/{code}} → {@code
 *       /agency.xhtml}
 *   <li>{@code /tracking}, {@code /tracking/{dossierCode}} → {@code /tracking.xhtml}
 *   <li>{@code /results}, {@code /satisfaction}, {@code /scorecard}, {@code /open-data}, {@code
 *       /statistics} → their views of the same name
 *   <li>{@code /feedback}, {@code /feedback/{code}} → {@code /feedback.xhtml}; {@code
 *       /officer/feedback}, the agency's feedback to handle
 *   <li>{@code /forms/{code}/{n}} → {@code /form.xhtml}: the procedure's n-th form, to print
 *   <li>{@code /login}; {@code /register}, {@code /register/verify}
 *   <li>{@code /my/dossiers}, {@code /my/dossiers/{dossierCode}}, {@code /my/submit/{code}}: the
 *       applicant's pages under {@code /my/}
 *   <li>{@code /officer/dossiers}, {@code /officer/dossiers/{dossierCode}}, {@code
 *       /officer/reception}: the officer's pages under {@code /officer/}
 *   <li>{@code /kiosk/{desk}} → {@code /officer/kiosk.xhtml}: the counter kiosk of a desk
 *   <li>{@code /admin/calendar}, {@code /admin/calendar/{year}}, {@code /admin/search}
 * </ul>
 *
 * Codes hold dots ({@code 1.000094}, {@code 2.002621.H56}, {@code 000.00.12.H56}), which is why the
 * routing is a filter and not a servlet mapping. A trailing slash is ignored.
 */
public final class PageRoutes {

  /** Request attribute holding the code taken from the address. */
  public static final String CODE = "org.opendvc.portal.web.code";

  /** Request attribute holding a year taken from the address, {@code /admin/calendar/{year}}. */
  public static final String YEAR = "org.opendvc.portal.web.year";

  /** Request attribute holding the number of a form, {@code /forms/{code}/{n}}. */
  public static final String FORM_NUMBER = "org.opendvc.portal.web.form";

  static final String HOME_VIEW = "/home.xhtml";
  static final String LOGIN_VIEW = "/login.xhtml";

  /** The counter kiosk's view, under /officer/ so that its own address is guarded too. */
  static final String KIOSK_VIEW = "/officer/kiosk.xhtml";

  private static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
  private static final Pattern DOSSIER_CODE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{0,39}-\\d{6}-\\d{4,5}");
  private static final Pattern YEAR_PATTERN = Pattern.compile("(19|20|21)[0-9]{2}");
  private static final Pattern FORM_NUMBER_PATTERN = Pattern.compile("[1-9][0-9]{0,2}");

  /** What an address is to the pages. */
  public sealed interface Route permits NotOurs, Malformed, View {}

  /** Not a short address: the views' own {@code .xhtml}, {@code /static/}, {@code /api/}... */
  public record NotOurs() implements Route {}

  /** One of ours that cannot name anything (a malformed code): 404. */
  public record Malformed() implements Route {}

  /** A view to forward to, with the request attributes the address carries. */
  public record View(String view, Map<String, Object> attributes) implements Route {
    public View {
      attributes = Map.copyOf(attributes);
    }
  }

  private static final NotOurs NOT_OURS = new NotOurs();
  private static final Malformed MALFORMED = new Malformed();

  /**
   * One line of the table: an exact address, or a prefix whose rest the reader turns into a route.
   */
  private record Entry(String address, boolean prefix, Function<String, Route> reader) {}

  private static final List<Entry> TABLE =
      List.of(
          exact("/procedures", "/search.xhtml"),
          prefix("/procedures/", rest -> withCode(rest, "/procedure.xhtml")),
          exact("/agencies", "/agencies.xhtml"),
          prefix("/agencies/", rest -> withCode(rest, "/agency.xhtml")),
          exact("/tracking", "/tracking.xhtml"),
          prefix("/tracking/", rest -> withDossierCode(rest, "/tracking.xhtml")),
          exact("/results", "/results.xhtml"),
          exact("/satisfaction", "/satisfaction.xhtml"),
          exact("/scorecard", "/scorecard.xhtml"),
          exact("/feedback", "/feedback.xhtml"),
          prefix("/feedback/", rest -> withCode(rest, "/feedback.xhtml")),
          exact("/officer/feedback", "/officer/feedback.xhtml"),
          exact("/open-data", "/open-data.xhtml"),
          exact("/statistics", "/statistics.xhtml"),
          exact("/login", LOGIN_VIEW),
          exact("/register", "/register.xhtml"),
          exact("/register/verify", "/register-verify.xhtml"),
          exact("/my/dossiers", "/my/dossiers.xhtml"),
          prefix("/my/dossiers/", rest -> withDossierCode(rest, "/my/dossier.xhtml")),
          prefix("/my/submit/", rest -> withCode(rest, "/my/submit.xhtml")),
          exact("/officer/dossiers", "/officer/dossiers.xhtml"),
          prefix("/officer/dossiers/", rest -> withDossierCode(rest, "/officer/dossier.xhtml")),
          prefix("/kiosk/", PageRoutes::kiosk),
          exact("/officer/reception", "/officer/reception.xhtml"),
          exact("/admin/calendar", "/admin/calendar.xhtml"),
          exact("/admin/search", "/admin/search.xhtml"),
          prefix("/admin/calendar/", PageRoutes::calendarYear),
          prefix("/forms/", PageRoutes::form));

  private PageRoutes() {}

  /** The route of a decoded path inside the application. */
  public static Route resolve(String path) {
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.isEmpty() || p.equals("/")) {
      return view(HOME_VIEW);
    }
    for (Entry e : TABLE) {
      if (e.prefix() ? p.startsWith(e.address()) : p.equals(e.address())) {
        return e.reader().apply(e.prefix() ? p.substring(e.address().length()) : p);
      }
    }
    return NOT_OURS;
  }

  private static Entry exact(String address, String view) {
    return new Entry(address, false, rest -> view(view));
  }

  private static Entry prefix(String address, Function<String, Route> reader) {
    return new Entry(address, true, reader);
  }

  private static View view(String view) {
    return new View(view, Map.of());
  }

  private static Route withCode(String code, String view) {
    return CODE_PATTERN.matcher(code).matches() ? new View(view, Map.of(CODE, code)) : MALFORMED;
  }

  private static Route withDossierCode(String code, String view) {
    return DOSSIER_CODE.matcher(code).matches() ? new View(view, Map.of(CODE, code)) : MALFORMED;
  }

  private static Route kiosk(String desk) {
    return KioskRating.isDesk(desk) ? new View(KIOSK_VIEW, Map.of(CODE, desk)) : MALFORMED;
  }

  private static Route calendarYear(String year) {
    return YEAR_PATTERN.matcher(year).matches()
        ? new View("/admin/calendar.xhtml", Map.of(YEAR, Integer.valueOf(year)))
        : MALFORMED;
  }

  private static Route form(String rest) {
    int slash = rest.lastIndexOf('/');
    if (slash < 1 || !FORM_NUMBER_PATTERN.matcher(rest.substring(slash + 1)).matches()) {
      return MALFORMED;
    }
    Route procedure = withCode(rest.substring(0, slash), "/form.xhtml");
    if (!(procedure instanceof View v)) {
      return procedure;
    }
    return new View(
        v.view(),
        Map.of(
            CODE,
            v.attributes().get(CODE),
            FORM_NUMBER,
            Integer.valueOf(rest.substring(slash + 1))));
  }

  /** The code an address carried, if any. */
  public static Optional<String> code(jakarta.servlet.ServletRequest request) {
    Object code = request.getAttribute(CODE);
    return code == null ? Optional.empty() : Optional.of(code.toString());
  }
}
