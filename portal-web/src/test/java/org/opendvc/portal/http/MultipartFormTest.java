package org.opendvc.portal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.shared.InvalidInputException;

/** The one multipart reader, on bodies as browsers and curl send them, and on bad ones. */
class MultipartFormTest {

  private static final String B = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  private static final String TYPE = "multipart/form-data; boundary=" + B;
  private static final Predicate<Map<String, String>> ALWAYS = fields -> true;

  @TempDir Path dir;

  private final FileStore store =
      new FileStore() {
        @Override
        public Path newTempFile() throws IOException {
          return Files.createTempFile(dir, "upload", ".tmp");
        }

        @Override
        public String adopt(Path temp) {
          throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {}

        @Override
        public void forEachKeyOlderThan(
            java.time.Instant moment, java.util.function.Consumer<String> key) {}

        @Override
        public int deleteTempFilesOlderThan(java.time.Instant moment) {
          return 0;
        }
      };

  private static byte[] body(String fields, byte[] file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("preamble\r\n"
                + fields
                + "--"
                + B
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Tờ khai.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(file);
    out.write(("\r\n--" + B + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String field(String name, String value) {
    return "--"
        + B
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
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

  private MultipartForm read(byte[] body, long maxBytes) throws IOException {
    return MultipartForm.read(
        new ByteArrayInputStream(body), TYPE, body.length, Set.of("file"), maxBytes, store, ALWAYS);
  }

  private long tempFiles() throws IOException {
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void readsFieldsAndAFileWhateverTheChunking() throws Exception {
    byte[] file = new byte[200_000];
    new Random(7).nextBytes(file);
    // bytes that look like the start of a delimiter inside the file
    byte[] fake = ("\r\n--" + B.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(fake, 0, file, 1000, fake.length);
    for (int step : new int[] {1, 7, 4096, 1 << 20}) {
      byte[] body = body(field("component", "2"), file);
      try (MultipartForm form =
          MultipartForm.read(
              trickle(body, step), TYPE, -1, Set.of("file"), 1_000_000, store, ALWAYS)) {
        assertEquals(Optional.of("2"), form.field("component"));
        MultipartForm.Upload f = form.file("file").orElseThrow();
        assertEquals("Tờ khai.pdf", f.declaredName());
        assertEquals("application/pdf", f.declaredType());
        assertEquals(file.length, f.file().size());
        assertArrayEquals(file, Files.readAllBytes(f.file().temp()), "step " + step);
        assertTrue(f.chosen());
      }
      assertEquals(0, tempFiles(), "closing deletes what was not adopted");
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedAndReadingGoesOn() throws Exception {
    byte[] body = body(field("component", "1"), new byte[5001]);
    body = Arrays.copyOf(body, body.length); // the file part is last; add a field after it
    String after =
        new String(body, StandardCharsets.ISO_8859_1)
            .replace("--" + B + "--", field("kind", "RESULT") + "--" + B + "--");
    try (MultipartForm form = read(after.getBytes(StandardCharsets.ISO_8859_1), 5000)) {
      MultipartForm.Upload f = form.file("file").orElseThrow();
      assertEquals(AttachmentRefusedException.Reason.TOO_LARGE, f.refused().reason());
      assertEquals(Optional.of("RESULT"), form.field("kind"));
    }
    assertEquals(0, tempFiles());
  }

  @Test
  void aWholeBodyOverItsLimitIsTooLarge() throws Exception {
    // one file field: one full-size file plus the text fields may come, not more
    byte[] body = body("", new byte[10]);
    AttachmentRefusedException e =
        assertThrows(
            AttachmentRefusedException.class,
            () ->
                MultipartForm.read(
                    new ByteArrayInputStream(body),
                    TYPE,
                    Long.MAX_VALUE / 2,
                    Set.of("file"),
                    5000,
                    store,
                    ALWAYS));
    assertEquals(AttachmentRefusedException.Reason.TOO_LARGE, e.reason());
  }

  @Test
  void anEmptyFileInputIsNotAChosenFile() throws Exception {
    String empty =
        "--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\r\n--"
            + B
            + "--\r\n";
    try (MultipartForm form = read(empty.getBytes(StandardCharsets.UTF_8), 5000)) {
      MultipartForm.Upload f = form.file("file").orElseThrow();
      assertEquals(AttachmentRefusedException.Reason.EMPTY, f.refused().reason());
      assertFalse(f.chosen());
    }
  }

  @Test
  void filesAreTakenOnlyWhenTheFieldsBeforeThemAllowIt() throws Exception {
    byte[] body = body(field("formToken", "wrong"), Multipart.PDF);
    try (MultipartForm form =
        MultipartForm.read(
            new ByteArrayInputStream(body),
            TYPE,
            body.length,
            Set.of("file"),
            5000,
            store,
            fields -> "right".equals(fields.get("formToken")))) {
      assertTrue(form.file("file").isEmpty());
      assertTrue(form.filesSkipped());
    }
    assertEquals(0, tempFiles(), "a forged post stores no byte");
  }

  @Test
  void longTextTwoFilesAndTooManyPartsAreRefused() throws Exception {
    InvalidInputException longText =
        assertThrows(
            InvalidInputException.class,
            () ->
                read(
                    body(
                        field("component", "x".repeat(MultipartForm.MAX_FIELD_BYTES + 1)),
                        new byte[10]),
                    5000));
    assertEquals("attachment.partTooLarge", longText.problems().get(0).messageKey());

    String two = new String(body("", Multipart.PDF), StandardCharsets.ISO_8859_1);
    String second = two.substring(two.indexOf("--" + B), two.lastIndexOf("--" + B));
    byte[] twice =
        (second + two.substring(two.indexOf("--" + B))).getBytes(StandardCharsets.ISO_8859_1);
    InvalidInputException twoFiles =
        assertThrows(InvalidInputException.class, () -> read(twice, 5000));
    assertEquals("attachment.twoFiles", twoFiles.problems().get(0).messageKey());
    assertEquals(0, tempFiles(), "the first file is deleted too");

    String many = field("a", "1").repeat(MultipartForm.MAX_PARTS + 1);
    InvalidInputException tooMany =
        assertThrows(InvalidInputException.class, () -> read(body(many, new byte[10]), 5000));
    assertEquals("attachment.tooManyParts", tooMany.problems().get(0).messageKey());
  }

  @Test
  void badBodiesAreMalformedInput() throws Exception {
    byte[] full = body(field("component", "1"), new byte[5000]);
    byte[] cut = Arrays.copyOf(full, full.length - 200);
    for (byte[] bad : new byte[][] {cut, new byte[0], "no boundary here".getBytes()}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(bad, 10_000));
      assertEquals("attachment.malformed", e.problems().get(0).messageKey());
    }
    assertEquals(0, tempFiles());
    for (String type : new String[] {"application/json", "multipart/form-data", null}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  MultipartForm.read(
                      new ByteArrayInputStream(full),
                      type,
                      full.length,
                      Set.of("file"),
                      10_000,
                      store,
                      ALWAYS));
      assertEquals("attachment.malformed", e.problems().get(0).messageKey(), type);
    }
    String longHeader =
        "--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: "
            + "p".repeat(MultipartForm.MAX_HEADER_BYTES)
            + "\r\n\r\n1\r\n--"
            + B
            + "--\r\n";
    assertThrows(
        InvalidInputException.class,
        () -> read(longHeader.getBytes(StandardCharsets.US_ASCII), 10_000));
  }

  @Test
  void encodedFileNames() throws Exception {
    String encoded =
        "--"
            + B
            + "\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename*=UTF-8''T%E1%BB%9D%20khai.pdf\r\n\r\n%PDF-1.4\r\n--"
            + B
            + "--\r\n";
    try (MultipartForm form = read(encoded.getBytes(StandardCharsets.UTF_8), 5000)) {
      assertEquals("Tờ khai.pdf", form.file("file").orElseThrow().declaredName());
    }
  }

  /** Small bodies of files. */
  private static final class Multipart {
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }
}
