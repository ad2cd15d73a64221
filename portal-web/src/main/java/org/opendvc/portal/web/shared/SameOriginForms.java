package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses a page form posted from another site. Browsers say where a post comes from ({@code
 * Origin}, else {@code Referer}); a post whose origin is not this portal's own address is answered
 * 403 before any page sees it. This is what keeps another site from signing a visitor in under the
 * attacker's account (the sign-in form has no session yet to carry a token) and backs up the
 * session cookie's {@code SameSite}. Posts that name no origin at all (other programs than
 * browsers) go on; the API, which takes bearer tokens and no cookies, is not concerned.
 */
public class SameOriginForms extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equalsIgnoreCase(request.getMethod())
        || path.startsWith("/api/")
        || sameOrigin(request)) {
      chain.doFilter(request, response);
      return;
    }
    Locale locale = Language.fromCookie(request);
    java.util.ResourceBundle text = PageText.bundle(locale);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader("Cache-Control", "no-store");
    FormSizeLimit.page(
        request,
        response,
        locale,
        text.getString("error.crossSite.title"),
        text.getString("error.crossSite.detail"),
        text.getString("error.home"));
  }

  /** Whether the post names no origin, or this portal's own. */
  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank()) {
      String referer = request.getHeader("Referer");
      if (referer == null || referer.isBlank()) {
        return true;
      }
      origin = referer;
    }
    String host = request.getHeader("Host");
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getHost() == null) {
        return false;
      }
      String authority = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      return authority.equalsIgnoreCase(host.strip())
          || defaultPortOf(uri.getScheme(), uri.getHost(), host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code Host: example.vn:443} against {@code Origin: https://example.vn}, and the like. */
  private static boolean defaultPortOf(String scheme, String originHost, String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    String o = originHost.toLowerCase(Locale.ROOT);
    return ("https".equalsIgnoreCase(scheme) && h.equals(o + ":443"))
        || ("http".equalsIgnoreCase(scheme) && h.equals(o + ":80"));
  }
}
