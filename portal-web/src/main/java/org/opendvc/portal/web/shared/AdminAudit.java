package org.opendvc.portal.web.shared;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.opendvc.portal.audit.AuditLog;

/**
 * Writes every accepted administrator's change to the audit log, whichever way it was made: the API
 * (a 2xx answer to a change) or the admin pages (the redirect that follows a saved form). Which
 * addresses are administrators' changes is listed here, in one place.
 */
public class AdminAudit extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(AdminAudit.class.getName());

  /** Address prefixes of administrators' changes, each with its area. */
  private static final List<String[]> AREAS =
      List.of(
          new String[] {"/api/v1/admin/users", "users"},
          new String[] {"/api/v1/admin/files", "files"},
          new String[] {"/api/v1/admin/statistics", "statistics"},
          new String[] {"/api/v1/admin/summaries", "summaries"},
          new String[] {"/api/v1/procedures/import", "catalogue"},
          new String[] {"/api/v1/calendar", "calendar"},
          new String[] {"/api/v1/search/dictionary", "dictionary"},
          new String[] {"/api/v1/search/national-services", "dictionary"},
          new String[] {"/admin/calendar", "calendar"},
          new String[] {"/admin/search", "dictionary"});

  @Inject private AuditLog audit;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    Optional<String> area =
        "GET".equals(method) || "HEAD".equals(method)
            ? Optional.empty()
            : areaOf(request.getRequestURI().substring(request.getContextPath().length()));
    chain.doFilter(request, response);
    if (area.isEmpty()) {
      return;
    }
    int status = response.getStatus();
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    boolean accepted = api ? status >= 200 && status < 300 : status >= 300 && status < 400;
    Optional<String> actor = actor(request);
    if (!accepted || actor.isEmpty()) {
      return;
    }
    String target =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    try {
      audit.record(actor.get(), area.get(), method, target, status);
    } catch (RuntimeException e) {
      LOG.severe(
          () ->
              "Administrator's change not written to the audit log: "
                  + actor.get()
                  + " "
                  + method
                  + " "
                  + target
                  + ": "
                  + e);
    }
  }

  static Optional<String> areaOf(String path) {
    return AREAS.stream()
        .filter(
            a -> path.equals(a[0]) || path.startsWith(a[0] + "/") || path.startsWith(a[0] + "?"))
        .map(a -> a[1])
        .findFirst();
  }

  private static Optional<String> actor(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal != null) {
      return Optional.of(principal.getName());
    }
    return Sessions.current(request).map(SignedIn::username);
  }
}
