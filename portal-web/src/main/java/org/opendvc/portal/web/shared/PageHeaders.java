package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long answers may be kept: the files under {@code /static/} for a day; the sign-in pages and
 * the signed-in areas never ({@code no-store}). The security headers every answer carries are
 * {@link SecurityHeaders}', and {@code Vary: Cookie} on the pages is {@link LanguageChoice}'s.
 * Declared in {@code web.xml}, before the role check, so that its 303 and 403 answers are not kept
 * either.
 */
public class PageHeaders extends HttpFilter {

  static final String STATIC = "public, max-age=86400";
  static final String NEVER = "no-store";

  /** The caching headers of the answer to a path. */
  static Map<String, String> forPath(String path) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (path.startsWith("/static/")) {
      headers.put("Cache-Control", STATIC);
      return headers;
    }
    if (AccessRules.isSignInPage(path) || AccessRules.isGuarded(path)) {
      headers.put("Cache-Control", NEVER);
    }
    return headers;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    forPath(PageAddress.pathOf(request)).forEach(response::setHeader);
    chain.doFilter(request, response);
  }
}
