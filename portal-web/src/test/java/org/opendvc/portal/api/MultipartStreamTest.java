package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader, on bodies as browsers and curl send them. */
class MultipartStreamTest {

  private static final String B = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

  private static byte[] body(byte[] file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("preamble\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n2\r\n"
        + "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Tờ khai.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write(("\r\n--" + B + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Hands out at most a few bytes per read, as a slow network does. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void readsFieldsAndAFileWhateverTheChunking() throws Exception {
    byte[] file = new byte[200_000];
    new Random(7).nextBytes(file);
    // bytes that look like the start of a delimiter inside the file
    byte[] fake = ("\r\n--" + B.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(fake, 0, file, 1000, fake.length);
    for (int step : new int[] {1, 7, 4096, 1 << 20}) {
      MultipartStream parts = new MultipartStream(trickle(body(file), step), B);
      MultipartStream.Part component = parts.next();
      assertEquals("component", component.name());
      assertNull(component.fileName());
      assertEquals(Optional.of("2"), component.text(10));
      MultipartStream.Part f = parts.next();
      assertEquals("file", f.name());
      assertEquals("Tờ khai.pdf", f.fileName());
      assertEquals("application/pdf", f.contentType());
      assertArrayEquals(file, f.body().readAllBytes(), "step " + step);
      assertNull(parts.next());
      assertNull(parts.next());
    }
  }

  @Test
  void skipsUnreadPartsAndLongTextIsRefused() throws Exception {
    MultipartStream parts = new MultipartStream(new ByteArrayInputStream(body(new byte[10])), B);
    assertEquals(Optional.empty(), parts.next().text(0), "'2' is longer than 0 bytes");
    assertEquals("file", parts.next().name());
    assertNull(parts.next(), "the unread file is skipped");
  }

  @Test
  void aTruncatedBodyIsAnError() throws Exception {
    byte[] full = body(new byte[5000]);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 200);
    MultipartStream parts = new MultipartStream(new ByteArrayInputStream(cut), B);
    parts.next();
    MultipartStream.Part f = parts.next();
    assertThrows(IOException.class, () -> f.body().readAllBytes());
    assertThrows(IOException.class,
        () -> new MultipartStream(new ByteArrayInputStream(new byte[0]), B).next());
  }

  @Test
  void boundaryAndParameters() {
    assertEquals(Optional.of("abc"), MultipartStream.boundary("multipart/form-data; boundary=abc"));
    assertEquals(Optional.of("a b"),
        MultipartStream.boundary("Multipart/Form-Data; charset=UTF-8; boundary=\"a b\""));
    assertEquals(Optional.empty(), MultipartStream.boundary("application/json"));
    assertEquals(Optional.empty(), MultipartStream.boundary("multipart/form-data"));
    assertEquals("x\"y.pdf",
        MultipartStream.params("form-data; name=\"file\"; filename=\"x\\\"y.pdf\"").get("filename"));
  }
}
