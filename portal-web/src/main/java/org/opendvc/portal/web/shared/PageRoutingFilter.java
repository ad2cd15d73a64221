package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.satisfaction.KioskRating;

/**
 * Serves the pages at their short, stable addresses (API.md, "Public page addresses") by
 * forwarding to the Facelets views, and remembers a language chosen with {@code ?lang=}.
 *
 * <ul>
 *   <li>{@code /} → {@code /home.xhtml}
 *   <li>{@code /procedures} → {@code /search.xhtml} (the query string stays as it is)
 *   <li>{@code /procedures/{code}} → {@code /procedure.xhtml}, the code in a request attribute
 *   <li>{@code /agencies} → {@code /agencies.xhtml}, the agency directory
 *   <li>{@code /agencies/{code}} → {@code /agency.xhtml}, likewise
 *   <li>{@code /tracking}, {@code /tracking/{dossierCode}} → {@code /tracking.xhtml}
 *   <li>{@code /results} → {@code /results.xhtml}, the public results board
 *   <li>{@code /satisfaction} → {@code /satisfaction.xhtml}, the satisfaction index
 *   <li>{@code /scorecard} → {@code /scorecard.xhtml}, the service-quality scorecard
 *   <li>{@code /feedback}, {@code /feedback/{code}} → {@code /feedback.xhtml}: sending and
 *       following feedback; {@code /officer/feedback}, the agency's feedback to handle
 *   <li>{@code /open-data} → {@code /open-data.xhtml}, the open datasets and their dictionary
 *   <li>{@code /statistics} → {@code /statistics.xhtml}, the published statistics
 *   <li>{@code /forms/{code}/{n}} → {@code /form.xhtml}: the procedure's n-th form, to print
 *   <li>{@code /login} → {@code /login.xhtml}
 *   <li>{@code /register}, {@code /register/verify} → {@code /register.xhtml},
 *       {@code /register-verify.xhtml}: a citizen creates an account
 *   <li>{@code /my/dossiers}, {@code /my/dossiers/{dossierCode}}, {@code /my/submit/{code}}: the
 *       applicant's pages ({@code /my/dossiers.xhtml}, {@code /my/dossier.xhtml},
 *       {@code /my/submit.xhtml})
 *   <li>{@code /officer/dossiers}, {@code /officer/dossiers/{dossierCode}},
 *       {@code /officer/reception}: the officer's pages, likewise under {@code /officer/}
 *   <li>{@code /kiosk/{desk}} → {@code /officer/kiosk.xhtml}: the counter kiosk of a desk, for
 *       officers signed in
 *   <li>{@code /admin/calendar}, {@code /admin/calendar/{year}} → {@code /admin/calendar.xhtml}
 *   <li>{@code /admin/search} → {@code /admin/search.xhtml}
 * </ul>
 *
 * Everything under {@code /my/}, {@code /officer/}, {@code /kiosk/} and {@code /admin/}, by short address or by
 * view, needs a signed-in person of the right role: nobody signed in is sent to {@code /login}
 * (and back afterwards), a wrong role gets 403. Those pages are never cached.
 *
 * Codes hold dots ({@code 1.000094}, {@code 2.002621.H56}, {@code 000.00.12.H56}), which is why
 * this is a filter and not a servlet mapping. Anything else (the views' own {@code .xhtml}
 * addresses, {@code /static/}, {@code /api/}) passes through untouched.
 */
@WebFilter(filterName = "PageRoutingFilter", urlPatterns = "/*")
public class PageRoutingFilter extends HttpFilter {

  /** Request attribute holding the code taken from the address. */
  public static final String CODE = "org.opendvc.portal.web.code";
  /** Request attribute holding the address as the visitor typed it (path, then query). */
  public static final String ORIGINAL_PATH = "org.opendvc.portal.web.path";
  public static final String ORIGINAL_QUERY = "org.opendvc.portal.web.query";

  static final String HOME_VIEW = "/home.xhtml";
  static final String SEARCH_VIEW = "/search.xhtml";
  static final String PROCEDURE_VIEW = "/procedure.xhtml";
  static final String AGENCY_VIEW = "/agency.xhtml";
  static final String AGENCIES_VIEW = "/agencies.xhtml";
  static final String FORM_VIEW = "/form.xhtml";
  static final String TRACKING_VIEW = "/tracking.xhtml";
  static final String RESULTS_VIEW = "/results.xhtml";
  static final String OPEN_DATA_VIEW = "/open-data.xhtml";
  static final String STATISTICS_VIEW = "/statistics.xhtml";
  static final String LOGIN_VIEW = "/login.xhtml";
  /** The counter kiosk's view, under /officer/ so that its own address is guarded too. */
  static final String KIOSK_VIEW = "/officer/kiosk.xhtml";
  /** Request attribute holding a year taken from the address, {@code /admin/calendar/{year}}. */
  public static final String YEAR = "org.opendvc.portal.web.year";
  private static final Pattern DOSSIER_CODE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{0,39}-\\d{6}-\\d{4,5}");
  /** Request attribute holding the number of a form, {@code /forms/{code}/{n}}. */
  public static final String FORM_NUMBER = "org.opendvc.portal.web.form";

  private static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String path = pathOf(request);
    if (path.startsWith("/static/")) {
      response.setHeader("Cache-Control", "public, max-age=86400");
      chain.doFilter(request, response);
      return;
    }
    if (!admitted(path, request, response)) {
      return;
    }
    Optional<String> view = route(path, request);
    if (view.isEmpty()) {
      if (isPage(path)) {
        rememberLanguage(request, response);
        remember(request);
      }
      chain.doFilter(request, response);
      return;
    }
    if (view.get().isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    rememberLanguage(request, response);
    remember(request);
    response.setHeader("Vary", "Cookie");
    request.getRequestDispatcher(view.get()).forward(request, response);
  }

  /**
   * The view for a short address: empty when the address is not one of ours, an empty string
   * when it is ours but cannot name anything (a malformed code).
   */
  private static Optional<String> route(String path, HttpServletRequest request) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.isEmpty() || p.equals("/")) {
      return Optional.of(HOME_VIEW);
    }
    if (p.equals("/procedures")) {
      return Optional.of(SEARCH_VIEW);
    }
    if (p.startsWith("/procedures/")) {
      return withCode(p.substring("/procedures/".length()), PROCEDURE_VIEW, request);
    }
    if (p.equals("/agencies")) {
      return Optional.of(AGENCIES_VIEW);
    }
    if (p.startsWith("/agencies/")) {
      return withCode(p.substring("/agencies/".length()), AGENCY_VIEW, request);
    }
    if (p.equals("/tracking")) {
      return Optional.of(TRACKING_VIEW);
    }
    if (p.startsWith("/tracking/")) {
      return withDossierCode(p.substring("/tracking/".length()), TRACKING_VIEW, request);
    }
    if (p.equals("/results")) {
      return Optional.of(RESULTS_VIEW);
    }
    if (p.equals("/satisfaction")) {
      return Optional.of("/satisfaction.xhtml");
    }
    if (p.equals("/scorecard")) {
      return Optional.of("/scorecard.xhtml");
    }
    if (p.equals("/feedback")) {
      return Optional.of("/feedback.xhtml");
    }
    if (p.startsWith("/feedback/")) {
      return withCode(p.substring("/feedback/".length()), "/feedback.xhtml", request);
    }
    if (p.equals("/officer/feedback")) {
      return Optional.of("/officer/feedback.xhtml");
    }
    if (p.equals("/open-data")) {
      return Optional.of(OPEN_DATA_VIEW);
    }
    if (p.equals("/statistics")) {
      return Optional.of(STATISTICS_VIEW);
    }
    if (p.equals("/login")) {
      return Optional.of(LOGIN_VIEW);
    }
    if (p.equals("/register")) {
      return Optional.of("/register.xhtml");
    }
    if (p.equals("/register/verify")) {
      return Optional.of("/register-verify.xhtml");
    }
    if (p.equals("/my/dossiers")) {
      return Optional.of("/my/dossiers.xhtml");
    }
    if (p.startsWith("/my/dossiers/")) {
      return withDossierCode(p.substring("/my/dossiers/".length()), "/my/dossier.xhtml", request);
    }
    if (p.startsWith("/my/submit/")) {
      return withCode(p.substring("/my/submit/".length()), "/my/submit.xhtml", request);
    }
    if (p.equals("/officer/dossiers")) {
      return Optional.of("/officer/dossiers.xhtml");
    }
    if (p.startsWith("/officer/dossiers/")) {
      return withDossierCode(p.substring("/officer/dossiers/".length()), "/officer/dossier.xhtml",
          request);
    }
    if (p.startsWith("/kiosk/")) {
      String desk = p.substring("/kiosk/".length());
      if (!KioskRating.isDesk(desk)) {
        return Optional.of("");
      }
      request.setAttribute(CODE, desk);
      return Optional.of(KIOSK_VIEW);
    }
    if (p.equals("/officer/reception")) {
      return Optional.of("/officer/reception.xhtml");
    }
    if (p.equals("/admin/calendar")) {
      return Optional.of("/admin/calendar.xhtml");
    }
    if (p.equals("/admin/search")) {
      return Optional.of("/admin/search.xhtml");
    }
    if (p.startsWith("/admin/calendar/")) {
      String year = p.substring("/admin/calendar/".length());
      if (!year.matches("(19|20|21)[0-9]{2}")) {
        return Optional.of("");
      }
      request.setAttribute(YEAR, Integer.valueOf(year));
      return Optional.of("/admin/calendar.xhtml");
    }
    if (p.startsWith("/forms/")) {
      String rest = p.substring("/forms/".length());
      int slash = rest.lastIndexOf('/');
      if (slash < 1 || !rest.substring(slash + 1).matches("[1-9][0-9]{0,2}")) {
        return Optional.of("");
      }
      request.setAttribute(FORM_NUMBER, Integer.valueOf(rest.substring(slash + 1)));
      return withCode(rest.substring(0, slash), FORM_VIEW, request);
    }
    return Optional.empty();
  }

  private static Optional<String> withDossierCode(String code, String view,
      HttpServletRequest request) {
    if (!DOSSIER_CODE.matcher(code).matches()) {
      return Optional.of("");
    }
    request.setAttribute(CODE, code);
    return Optional.of(view);
  }

  /**
   * Lets a request to a signed-in area through only for a signed-in person of a fitting role;
   * otherwise answers it (to the sign-in page, or 403) and returns false.
   */
  private static boolean admitted(String path, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Optional<Role[]> roles = Sessions.rolesFor(path);
    if (path.equals("/login") || path.equals(LOGIN_VIEW) || path.startsWith("/register")) {
      response.setHeader("Cache-Control", "no-store");
      return true;
    }
    if (roles.isEmpty()) {
      return true;
    }
    response.setHeader("Cache-Control", "no-store");
    Optional<SignedIn> signedIn = Sessions.current(request);
    if (signedIn.isEmpty()) {
      String target = request.getRequestURI().substring(request.getContextPath().length())
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/login?next="
          + PageLinks.encodeParam(target));
      return false;
    }
    if (Arrays.stream(roles.get()).noneMatch(r -> r == signedIn.get().role())) {
      rememberLanguage(request, response);
      remember(request);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return false;
    }
    return true;
  }

  private static Optional<String> withCode(String code, String view, HttpServletRequest request) {
    if (!CODE_PATTERN.matcher(code).matches()) {
      return Optional.of("");
    }
    request.setAttribute(CODE, code);
    return Optional.of(view);
  }

  private static boolean isPage(String path) {
    return path.endsWith(".xhtml");
  }

  /** The decoded path inside the application. */
  private static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }

  private static void remember(HttpServletRequest request) {
    request.setAttribute(ORIGINAL_PATH, request.getRequestURI());
    String query = request.getQueryString();
    request.setAttribute(ORIGINAL_QUERY, query == null ? "" : query);
  }

  private static void rememberLanguage(HttpServletRequest request, HttpServletResponse response) {
    Optional<Locale> chosen = Language.fromTag(request.getParameter(Language.PARAM));
    if (chosen.isEmpty()) {
      return;
    }
    Cookie cookie = new Cookie(Language.COOKIE, chosen.get().getLanguage());
    String contextPath = request.getContextPath();
    cookie.setPath(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
    cookie.setMaxAge(Language.COOKIE_MAX_AGE);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
