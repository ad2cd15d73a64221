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
import org.opendvc.portal.dossier.receipt.ReceiptService;
import org.opendvc.portal.http.ReceiptDelivery;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.shared.Sessions;
import org.opendvc.portal.web.shared.SignedIn;

/**
 * The receipt (form 01) of a dossier as a PDF for the signed-in officer, {@code
 * /officer/receipts/{code}.pdf}: the same document as {@code GET
 * /api/v1/dossiers/{code}/receipt.pdf}, but on the page session instead of a bearer token. The page
 * filter has already checked the role; the service checks the agency, and anything the officer may
 * not see is a 404 as for an unknown code.
 */
@WebServlet("/officer/receipts/*")
public class ReceiptServlet extends HttpServlet {

  private static final Pattern PATH =
      Pattern.compile("/([A-Za-z0-9.]{1,40}-\\d{6}-\\d{4,5})\\.pdf");

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
      receipt =
          receipts.receipt(m.group(1), signedIn.get().caller(), ReceiptDelivery.baseUrl(request));
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ReceiptDelivery.send(receipt, response);
  }
}
