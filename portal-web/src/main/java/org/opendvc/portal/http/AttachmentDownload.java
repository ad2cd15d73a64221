package org.opendvc.portal.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileNames;

/**
 * How a stored file of a dossier is sent, the same for the API and the pages: as an attachment
 * (never shown inline), with its size, ETag, Digest and Repr-Digest from its SHA-256, and headers
 * that stop a browser from sniffing or running it.
 */
public final class AttachmentDownload {

  private AttachmentDownload() {}

  /** The response headers of a download, Content-Type apart, in a stable order. */
  public static Map<String, String> headers(AttachmentService.Download d) {
    String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256()));
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Length", Long.toString(d.size()));
    h.put(
        "Content-Disposition",
        "attachment; filename=\""
            + FileNames.ascii(d.fileName())
            + "\"; filename*=UTF-8''"
            + rfc5987(d.fileName()));
    h.put("ETag", "\"" + d.sha256() + "\"");
    h.put("Digest", "SHA-256=" + b64);
    h.put("Repr-Digest", "sha-256=:" + b64 + ":");
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Content-Security-Policy", "default-src 'none'; sandbox");
    h.put("Cache-Control", "private, no-store");
    return h;
  }

  /** Sends the file on a servlet response: its type, the {@link #headers} and its bytes. */
  public static void send(AttachmentService.Download d, HttpServletResponse response)
      throws IOException {
    response.setContentType(d.contentType());
    headers(d).forEach(response::setHeader);
    try (InputStream in = d.bytes().open()) {
      in.transferTo(response.getOutputStream());
    }
  }

  /** RFC 5987 / 8187 encoding of a header parameter value. */
  static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
