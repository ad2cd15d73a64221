package org.opendvc.portal.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.opendvc.portal.dossier.receipt.ReceiptService;

/**
 * How a receipt leaves the portal, the same from the API and from the pages: the address its QR
 * code points to, and the headers that keep a document full of personal data out of caches.
 */
public final class ReceiptDelivery {

  private ReceiptDelivery() {}

  /**
   * The portal's public address for the QR code: {@code portal.public.url} when configured, else
   * scheme://host:port (and context path) of the request.
   */
  public static String baseUrl(HttpServletRequest request) {
    Optional<String> configured =
        ConfigProvider.getConfig()
            .getOptionalValue("portal.public.url", String.class)
            .map(String::strip)
            .filter(u -> !u.isEmpty());
    if (configured.isPresent()) {
      return configured.get();
    }
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        port <= 0
            || ("http".equals(scheme) && port == 80)
            || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
  }

  /** Content-Disposition: shown in the browser, saved under the dossier's code. */
  public static String disposition(ReceiptService.Receipt receipt) {
    return "inline; filename=\"" + receipt.code() + ".pdf\"";
  }

  /** Writes the PDF with the same headers as the API's answer. */
  public static void send(ReceiptService.Receipt receipt, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/pdf");
    response.setHeader("Content-Disposition", disposition(receipt));
    // personal data: neither shared caches nor the browser's disk keep it
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(receipt.pdf().length);
    response.getOutputStream().write(receipt.pdf());
  }
}
