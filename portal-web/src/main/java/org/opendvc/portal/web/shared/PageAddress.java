package org.opendvc.portal.web.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of a page as the visitor typed it (path, then query), kept in the request before a
 * short address is forwarded to its view or an error page is shown, so that the language switch
 * links back to that address ({@link LanguageView#getSwitchUrl}).
 */
public final class PageAddress {

  /** Request attribute holding the path as the visitor typed it. */
  public static final String ORIGINAL_PATH = "org.opendvc.portal.web.path";

  /** Request attribute holding the query as the visitor typed it, empty when none. */
  public static final String ORIGINAL_QUERY = "org.opendvc.portal.web.query";

  private PageAddress() {}

  static void remember(HttpServletRequest request) {
    request.setAttribute(ORIGINAL_PATH, request.getRequestURI());
    String query = request.getQueryString();
    request.setAttribute(ORIGINAL_QUERY, query == null ? "" : query);
  }

  /** The decoded path inside the application. */
  static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }
}
