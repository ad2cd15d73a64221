package org.opendvc.portal.dossier.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are copied as they arrive: counted, hashed, typed, and cut off past the limit. */
class FileIntakeTest {

  @TempDir Path dir;

  /** A store that only makes temporary files in the test's folder. */
  private FileStore store() {
    return new FileStore() {
      @Override
      public Path newTempFile() throws IOException {
        return Files.createTempFile(dir, "upload-", ".part");
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
      public void delete(String key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void forEachKeyOlderThan(
          java.time.Instant moment, java.util.function.Consumer<String> key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int deleteTempFilesOlderThan(java.time.Instant moment) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void keepsTheBytesTheirHashAndType() throws Exception {
    byte[] content = new byte[300_000];
    System.arraycopy(FileTypeTest.PDF, 0, content, 0, FileTypeTest.PDF.length);
    ReceivedFile f =
        FileIntake.receive(
            new ByteArrayInputStream(content), 1_000_000, store(), "a.pdf", "application/pdf");
    assertEquals(content.length, f.size());
    assertEquals(Optional.of(FileType.PDF), f.sniffed());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), f.sha256());
    assertArrayEquals(content, Files.readAllBytes(f.temp()));
  }

  @Test
  void stopsReadingPastTheLimitAndLeavesNothing() throws Exception {
    long[] read = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            read[0] += len;
            return len;
          }
        };
    AttachmentRefusedException e =
        assertThrows(
            AttachmentRefusedException.class,
            () -> FileIntake.receive(endless, 100_000, store(), "x.pdf", null));
    assertEquals(AttachmentRefusedException.Reason.TOO_LARGE, e.reason());
    assertEquals(true, read[0] < 300_000, "stopped soon after the limit: " + read[0]);
    assertEquals(List.of(), files(), "the temporary file is gone");
  }

  @Test
  void exactlyTheLimitIsAcceptedAndEmptyIsRefused() throws Exception {
    ReceivedFile f =
        FileIntake.receive(new ByteArrayInputStream(new byte[1000]), 1000, store(), null, null);
    assertEquals(1000, f.size());
    assertEquals(Optional.empty(), f.sniffed());
    Files.delete(f.temp());
    AttachmentRefusedException e =
        assertThrows(
            AttachmentRefusedException.class,
            () ->
                FileIntake.receive(
                    new ByteArrayInputStream(new byte[0]), 1000, store(), null, null));
    assertEquals(AttachmentRefusedException.Reason.EMPTY, e.reason());
    assertEquals(List.of(), files());
  }

  @Test
  void aLyingFileIsRefusedByTypeCheck() {
    UploadLimits limits = UploadLimits.of(1000, "pdf,png,jpeg");
    ReceivedFile pngNamedPdf =
        new ReceivedFile(dir, 10, "0", Optional.of(FileType.PNG), "scan.pdf", "application/pdf");
    assertEquals(
        AttachmentRefusedException.Reason.CONTENT_MISMATCH,
        assertThrows(
                AttachmentRefusedException.class,
                () -> AttachmentService.checkType(pngNamedPdf, limits))
            .reason());
    ReceivedFile exe =
        new ReceivedFile(dir, 10, "0", Optional.empty(), "scan.pdf", "application/pdf");
    assertEquals(
        AttachmentRefusedException.Reason.TYPE_NOT_ACCEPTED,
        assertThrows(
                AttachmentRefusedException.class, () -> AttachmentService.checkType(exe, limits))
            .reason());
    ReceivedFile gif =
        new ReceivedFile(dir, 10, "0", Optional.of(FileType.GIF), "a.gif", "image/gif");
    assertEquals(
        AttachmentRefusedException.Reason.TYPE_NOT_ACCEPTED,
        assertThrows(
                AttachmentRefusedException.class, () -> AttachmentService.checkType(gif, limits))
            .reason());
    ReceivedFile honest =
        new ReceivedFile(
            dir, 10, "0", Optional.of(FileType.PNG), "scan", "application/octet-stream");
    assertEquals(FileType.PNG, AttachmentService.checkType(honest, limits));
  }
}
