package org.opendvc.portal.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body for tests, built part by part.
 *
 * <pre>
 * Multipart m = new Multipart().field("component", "1").file("file", "a.pdf", "application/pdf", bytes);
 * http.send(http.request(path, "Content-Type", m.contentType()).POST(m.publisher()));
 * </pre>
 */
public final class Multipart {

  private final String boundary = "----portal-it-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Multipart field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  /** A file part; a null content type leaves the header out. */
  public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\n"
            + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
            + "\r\n");
    out.writeBytes(bytes);
    write("\r\n");
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  public HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(body());
  }

  private void write(String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A small valid-looking PDF (the type is judged by its first bytes). */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The first bytes of a PNG, enough to be recognised as one. */
  public static byte[] png() {
    byte[] b = new byte[64];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(sig, 0, b, 0, sig.length);
    return b;
  }
}
