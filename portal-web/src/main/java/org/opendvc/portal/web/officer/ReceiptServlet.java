package org.opendvc.portal.web.officer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.dossier.receipt.ReceiptService;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.Sessions;
import org.opendvc.portal.web.account.SignedIn;

/**
 * The receipt (form 01) of a dossier as a PDF for the signed-in officer,
 * {@code /officer/receipts/{code}.pdf}: the same document as {@code GET
 * /api/v1/dossiers/{code}/receipt.pdf}, but on the page session instead of a bearer token. The
 * page filter has already checked the role; the service checks the agency, and anything the
 * officer may not see is a 404 as for an unknown code.
 */
@WebServlet("/officer/receipts/*")
public class ReceiptServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9.]{1,40}-\\d{6}-\\d{4,5})\\.pdf");

  @Inject private ReceiptService receipts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = Sessions.current(request);
    Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    if (signedIn.isEmpty() || !signedIn.get().isOfficer()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!m.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ReceiptService.Receipt receipt;
    try {
      receipt = receipts.receipt(m.group(1), signedIn.get().caller(), baseUrl(request));
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", "inline; filename=\"" + receipt.code() + ".pdf\"");
    response.setHeader("Cache-Control", "private, no-store");
    response.setContentLength(receipt.pdf().length);
    response.getOutputStream().write(receipt.pdf());
  }

  /** As the API does: the configured public address, else where this request came to. */
  static String baseUrl(HttpServletRequest request) {
    Optional<String> configured = ConfigProvider.getConfig()
        .getOptionalValue("portal.public.url", String.class)
        .map(String::strip).filter(u -> !u.isEmpty());
    if (configured.isPresent()) {
      return configured.get();
    }
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
        || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
  }
}
