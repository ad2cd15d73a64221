package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets a request to a signed-in area ({@link AccessRules}) through only for a signed-in person of a
 * fitting role. Nobody signed in is sent to {@code /login} with the address to come back to (303);
 * a person of another role gets the 403 page, in the language chosen on that address. Declared in
 * {@code web.xml}, after the page headers and before the language choice.
 */
public class SignedInAreas extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = PageAddress.pathOf(request);
    switch (AccessRules.decide(path, Sessions.current(request).map(SignedIn::role))) {
      case PUBLIC, ADMITTED -> chain.doFilter(request, response);
      case SIGN_IN_FIRST -> {
        String target =
            request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(
            "Location", request.getContextPath() + "/login?next=" + PageLinks.encodeParam(target));
      }
      case FORBIDDEN -> {
        LanguageChoice.remember(request, response);
        PageAddress.remember(request);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
    }
  }
}
