package org.opendvc.portal.web.shared;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.opendvc.portal.http.PlainProblems;
import org.opendvc.portal.shared.DatabaseUnavailable;
import org.opendvc.portal.shared.DatabaseWatch;
import org.opendvc.portal.shared.Messages;

/**
 * While the database is out of reach ({@link DatabaseWatch}), answers at once with 503 and {@code
 * Retry-After}: a problem for the API, a short page for people. Nothing is started that could be
 * half-written, and no request thread waits for a database that does not answer. Static files,
 * health, metrics and the API description are served as usual.
 */
public class DatabaseOutage extends HttpFilter {

  @Inject private DatabaseWatch database;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (database.reachable() || servedWithoutDatabase(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      PlainProblems.databaseUnavailable(request, response);
      return;
    }
    Locale locale = Language.fromCookie(request);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    String title = Messages.get(locale, "problem.unavailable");
    String detail =
        Messages.get(
            locale, "problem.databaseUnavailable", DatabaseUnavailable.RETRY_AFTER_SECONDS);
    ResourceBundle text = PageText.bundle(locale);
    FormSizeLimit.page(request, response, locale, title, detail, text.getString("error.home"));
  }

  private static boolean servedWithoutDatabase(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/static/")
        || path.startsWith("/health")
        || path.startsWith("/metrics")
        || path.startsWith("/openapi")
        || path.startsWith("/api-docs")
        || path.startsWith("/webjars/");
  }
}
