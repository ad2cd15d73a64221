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
 *   <li>A content security policy: the pages run no script and load nothing from elsewhere, so the
 *       browser may refuse both; an injected script or style would not run even if escaping ever
 *       failed. The API documentation under {@code /api-docs/} runs its own scripts from this
 *       server and gets a policy that allows just those.
 *   <li>{@code Strict-Transport-Security} when {@code portal.http.hsts.seconds} is more than 0 and
 *       the request came over TLS (directly or through a proxy that says so in {@code
 *       X-Forwarded-Proto}).
 * </ul>
 *
 * Declared first in {@code web.xml}.
 */
public class SecurityHeaders extends HttpFilter {

  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** The page policy, letting images also come from the emblem's own origin when it is remote. */
  static String pagePolicy(String emblem) {
    if (emblem != null) {
      try {
        java.net.URI uri = java.net.URI.create(emblem.strip());
        String scheme =
            uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ((scheme.equals("https") || scheme.equals("http"))
            && uri.getHost() != null
            && uri.getHost().matches("[A-Za-z0-9.-]+")) {
          String origin =
              scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
          return PAGE_POLICY.replace(
              "img-src 'self' data:;", "img-src 'self' data: " + origin + ";");
        }
      } catch (IllegalArgumentException e) {
        // not an address: the emblem is a file served from here
      }
    }
    return PAGE_POLICY;
  }

  static final String API_DOCS_POLICY =
      "default-src 'none'; script-src 'self';"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
          + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private long hstsSeconds;
  private String pagePolicy = PAGE_POLICY;

  @Override
  public void init() {
    hstsSeconds =
        ConfigProvider.getConfig()
            .getOptionalValue("portal.http.hsts.seconds", Long.class)
            .orElse(0L);
    pagePolicy =
        pagePolicy(
            ConfigProvider.getConfig()
                .getOptionalValue("portal.province.emblem", String.class)
                .orElse(null));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean apiDocs = path.startsWith("/api-docs") || path.startsWith("/webjars/");
    response.setHeader("Content-Security-Policy", apiDocs ? API_DOCS_POLICY : pagePolicy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (hstsSeconds > 0 && overTls(request)) {
      response.setHeader(
          "Strict-Transport-Security", "max-age=" + hstsSeconds + "; includeSubDomains");
    }
    chain.doFilter(request, response);
  }

  private static boolean overTls(HttpServletRequest request) {
    return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }
}
