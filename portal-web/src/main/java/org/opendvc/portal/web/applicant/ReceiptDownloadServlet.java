package org.opendvc.portal.web.applicant;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.opendvc.portal.dossier.receipt.ReceiptService;
import org.opendvc.portal.http.ReceiptDelivery;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * {@code GET /my/receipt/{code}}: the receipt (form 01) of one of the signed-in applicant's own
 * dossiers, the same PDF as {@code /api/v1/dossiers/{code}/receipt.pdf}, which needs a bearer token
 * the pages do not have. The page filter admits only signed-in applicants under {@code /my/};
 * {@link ReceiptService} answers another person's dossier and an unknown code alike, with a 404.
 */
@WebServlet(urlPatterns = "/my/receipt/*")
public class ReceiptDownloadServlet extends HttpServlet {

  static final String PATH = "/my/receipt/";

  @Inject private ReceiptService receipts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<SignedIn> signedIn = Sessions.current(request);
    String code = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    if (signedIn.isEmpty() || !signedIn.get().isApplicant() || code.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ReceiptService.Receipt receipt;
    try {
      receipt = receipts.receipt(code, signedIn.get().caller(), ReceiptDelivery.baseUrl(request));
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ReceiptDelivery.send(receipt, response);
  }
}
