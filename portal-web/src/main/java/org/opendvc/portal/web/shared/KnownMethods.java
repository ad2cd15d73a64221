package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.opendvc.portal.http.PlainProblems;
import org.opendvc.portal.shared.Messages;

/**
 * Answers 405 with {@code Allow} to a method the address does not take, where the container would
 * answer 501 ("not implemented"): any method outside HTTP's usual ones (WebDAV's {@code PROPFIND},
 * {@code TRACE}...) anywhere, and anything but reading on the operations endpoints ({@code
 * /health}, {@code /metrics}, {@code /openapi}), which the server serves itself. The REST API and
 * the pages then see only methods they answer themselves (JAX-RS gives its own 405 for a method a
 * resource lacks).
 */
public class KnownMethods extends HttpFilter {

  static final Set<String> SERVED =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
  static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> allowed = allowed(path);
    if (allowed.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String allow = String.join(", ", allowed.stream().sorted().toList());
    response.setHeader("Allow", allow);
    if (path.startsWith("/api/") || operations(path)) {
      PlainProblems.methodNotAllowed(request, response, allow);
      return;
    }
    Locale locale = Language.fromCookie(request);
    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    FormSizeLimit.page(
        request,
        response,
        locale,
        Messages.get(locale, "problem.methodNotAllowed"),
        Messages.get(locale, "problem.methodAccepted", allow),
        PageText.bundle(locale).getString("error.home"));
  }

  /** The methods served at the address. */
  static Set<String> allowed(String path) {
    return operations(path) ? READING : SERVED;
  }

  private static boolean operations(String path) {
    return path.equals("/health")
        || path.startsWith("/health/")
        || path.equals("/metrics")
        || path.startsWith("/metrics/")
        || path.equals("/openapi")
        || path.startsWith("/openapi/");
  }
}
