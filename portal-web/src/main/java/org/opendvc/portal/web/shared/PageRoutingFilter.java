package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the pages at their short addresses by forwarding to the Facelets view that {@link
 * PageRoutes} names, with the values the address carries as request attributes; a short address
 * that cannot name anything (a malformed code) is a 404. It also keeps the address as typed ({@link
 * PageAddress}) for every page. Anything else (the views' own {@code .xhtml} addresses apart from
 * that, {@code /static/}, {@code /api/}) passes through untouched.
 *
 * <p>The last of the page filters in {@code web.xml}: the caching headers ({@link PageHeaders}),
 * the role check ({@link SignedInAreas}) and the language choice ({@link LanguageChoice}) have run
 * before it.
 */
public class PageRoutingFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = PageAddress.pathOf(request);
    PageRoutes.Route route = PageRoutes.resolve(path);
    if (route instanceof PageRoutes.View v) {
      PageAddress.remember(request);
      v.attributes().forEach(request::setAttribute);
      request.getRequestDispatcher(v.view()).forward(request, response);
    } else if (route instanceof PageRoutes.Malformed) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else {
      if (path.endsWith(".xhtml")) {
        PageAddress.remember(request);
      }
      chain.doFilter(request, response);
    }
  }
}
