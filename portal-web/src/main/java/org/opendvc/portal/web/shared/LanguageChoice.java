package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Remembers a language chosen with {@code ?lang=} on a page in a cookie, so that the next pages
 * keep it ({@link Language} reads the choice, {@link LanguageView} gives it to the page), and says
 * that a page at a short address varies with that cookie ({@code Vary: Cookie}). Only pages are
 * looked at: the parameter of any other request (the API, an upload) is never read, as reading it
 * would parse a posted body. Declared in {@code web.xml}, after the role check.
 */
public class LanguageChoice extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = PageAddress.pathOf(request);
    boolean shortAddress = PageRoutes.resolve(path) instanceof PageRoutes.View;
    if (shortAddress || path.endsWith(".xhtml")) {
      remember(request, response);
    }
    if (shortAddress) {
      response.setHeader("Vary", "Cookie");
    }
    chain.doFilter(request, response);
  }

  /** Sets the language cookie when the request's {@code lang} names a language. */
  static void remember(HttpServletRequest request, HttpServletResponse response) {
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
