package org.opendvc.portal.dossier.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Files are typed by their first bytes, and configuration names types loosely. */
class FileTypeTest {

  static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};

  private static Optional<FileType> sniff(byte[] b) {
    return FileType.sniff(b, b.length);
  }

  @Test
  void recognisesTheUsualTypesByContent() {
    assertEquals(Optional.of(FileType.PDF), sniff(PDF));
    assertEquals(Optional.of(FileType.PNG), sniff(PNG));
    assertEquals(Optional.of(FileType.JPEG), sniff(JPEG));
    assertEquals(
        Optional.of(FileType.GIF), sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of(FileType.WEBP),
        sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(Optional.of(FileType.TIFF), sniff(new byte[] {'M', 'M', 0, 0x2A, 0, 0}));
  }

  @Test
  void textExecutablesAndShortHeadsAreNotRecognised() {
    assertTrue(sniff("hello, world".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    assertTrue(sniff(new byte[] {'M', 'Z', (byte) 0x90, 0}).isEmpty());
    assertTrue(sniff("<html><script>".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    assertTrue(FileType.sniff(PNG, 4).isEmpty(), "half a signature is no signature");
    assertTrue(FileType.sniff(new byte[0], 0).isEmpty());
  }

  @Test
  void namesExtensionsAndMediaTypes() {
    assertEquals(Optional.of(FileType.JPEG), FileType.named("jpg"));
    assertEquals(Optional.of(FileType.JPEG), FileType.named(" JPEG "));
    assertEquals(Optional.of(FileType.PNG), FileType.named("image/png"));
    assertTrue(FileType.named("exe").isEmpty());
    assertEquals(Optional.of(FileType.PDF), FileType.ofFileName("Tờ khai.PDF"));
    assertTrue(FileType.ofFileName("README").isEmpty());
    assertTrue(FileType.ofFileName("archive.").isEmpty());
    assertEquals(Optional.of(FileType.JPEG), FileType.ofMediaType("image/jpg"));
    assertEquals(Optional.of(FileType.PDF), FileType.ofMediaType("application/pdf; charset=x"));
  }

  @Test
  void limitsComeFromConfigurationText() {
    UploadLimits l = UploadLimits.of(10L * 1024 * 1024, "pdf, jpg;png,exe");
    assertEquals("PDF, JPEG, PNG", l.typeNames());
    assertEquals("10 MB", l.maxSizeText());
    assertEquals("PDF, JPEG, PNG", UploadLimits.of(1, "").typeNames(), "blank means default");
  }
}
