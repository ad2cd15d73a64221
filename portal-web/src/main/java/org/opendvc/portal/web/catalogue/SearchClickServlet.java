package org.opendvc.portal.web.catalogue;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.opendvc.portal.catalogue.search.SearchLog;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * {@code GET /search/open?code=&q=}: a result opened from the search page. Counts the click for the
 * words searched ({@link SearchLog}, so that searches whose results nobody opens show up for the
 * admin) and sends the browser on to the procedure's page with a 303. A plain link, so it works
 * without JavaScript; only a procedure code is ever redirected to.
 */
@WebServlet(urlPatterns = SearchClickServlet.PATH)
public class SearchClickServlet extends HttpServlet {

  static final String PATH = "/search/open";
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-_]{1,60}");

  @Inject private SearchLog log;

  /** The link of a result found for these words. */
  static String link(String base, String code, String q) {
    return base
        + PATH
        + "?code="
        + PageLinks.encodeParam(code)
        + (q == null || q.isBlank() ? "" : "&q=" + PageLinks.encodeParam(q));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String code = request.getParameter("code");
    if (code == null || !CODE.matcher(code).matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String q = request.getParameter("q");
    if (q != null && !q.isBlank() && q.length() <= 200) {
      log.clicked(q);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location", request.getContextPath() + "/procedures/" + PageLinks.encode(code));
  }
}
