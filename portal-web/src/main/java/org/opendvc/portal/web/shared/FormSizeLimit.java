package org.opendvc.portal.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Turns away a page form post larger than the server will parse, before anything asks for a
 * parameter: the HTTP listener refuses to read more than {@link #MAX_FORM_BYTES} of form fields and
 * would fail the whole request. A person gets a short page saying what happened; no form of the
 * portal comes near the limit (files go as multipart, read by their own limits).
 *
 * <p>Declared in {@code web.xml} before the other filters. It reads no parameter: the language
 * comes from the cookie alone.
 */
public class FormSizeLimit extends HttpFilter {

  /** The listener's own limit on form fields (Grizzly's {@code maxPostSize}, 2 MB). */
  public static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

  private static final long MAX_DRAINED_BYTES = 32L * 1024 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
        && (request.getContentLengthLong() > MAX_FORM_BYTES || request.getContentLengthLong() < 0)
        && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      refuse(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale locale = Language.fromCookie(request);
    ResourceBundle text = PageText.bundle(locale);
    response.setStatus(413);
    if (!drained(request)) {
      response.setHeader("Connection", "close");
    }
    response.setHeader("Cache-Control", "no-store");
    page(
        request,
        response,
        locale,
        text.getString("error.formTooLarge.title"),
        text.getString("error.formTooLarge.detail"),
        text.getString("error.home"));
  }

  /**
   * A short page of its own for an answer given before any page machinery runs: a title, a sentence
   * and the way home, in the portal's stylesheet.
   */
  static void page(
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      String title,
      String detail,
      String home)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    try (PrintWriter out = response.getWriter()) {
      out.print(
          "<!DOCTYPE html><html lang=\""
              + locale.getLanguage()
              + "\"><head>"
              + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
              + " initial-scale=1\"><title>"
              + escape(title)
              + "</title><link rel=\"stylesheet\""
              + " href=\""
              + request.getContextPath()
              + "/static/portal.css\"></head><body>"
              + "<main class=\"page\"><h1>"
              + escape(title)
              + "</h1><p>"
              + escape(detail)
              + "</p><p><a href=\""
              + request.getContextPath()
              + "/\">"
              + escape(home)
              + "</a></p></main></body></html>");
    }
  }

  /**
   * Reads and drops the body, up to {@link #MAX_DRAINED_BYTES}, so that the client gets the answer
   * rather than a connection reset while it is still sending; a longer body is not worth reading
   * and the connection is closed instead.
   */
  private static boolean drained(HttpServletRequest request) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (java.io.InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > MAX_DRAINED_BYTES) {
          return false;
        }
      }
    }
    return true;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
