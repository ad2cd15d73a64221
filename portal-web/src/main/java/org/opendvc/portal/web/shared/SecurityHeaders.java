package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The headers every answer carries, pages, API, documents and the container's own error pages
 * alike, set before anything else runs so that no path forgets them.
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: a browser takes a JSON answer or an uploaded file
 *       for what its type says, never for a script or a page.
 *   <li>A content security policy: the pages run no script and load nothing from elsewhere, so
 *       the browser may refuse both; an injected script or style would not run even if escaping
 *       ever failed. The API documentation under {@code /api-docs/} runs its own scripts from this
 *       server and gets a policy that allows just those.
 *   <li>{@code Strict-Transport-Security} when {@code portal.http.hsts.seconds} is more than 0 and
 *       the request came over TLS (directly or through a proxy that says so in
 *       {@code X-Forwarded-Proto}).
 * </ul>
 *
 * Declared first in {@code web.xml}.
 */
public class SecurityHeaders extends HttpFilter {

  static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
      + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  static final String API_DOCS_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
      + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private long hstsSeconds;

  @Override
  public void init() {
    hstsSeconds = ConfigProvider.getConfig()
        .getOptionalValue("portal.http.hsts.seconds", Long.class).orElse(0L);
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean apiDocs = path.startsWith("/api-docs") || path.startsWith("/webjars/");
    response.setHeader("Content-Security-Policy", apiDocs ? API_DOCS_POLICY : PAGE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (hstsSeconds > 0 && overTls(request)) {
      response.setHeader("Strict-Transport-Security",
          "max-age=" + hstsSeconds + "; includeSubDomains");
    }
    chain.doFilter(request, response);
  }

  private static boolean overTls(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }
}
