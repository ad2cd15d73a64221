package org.opendvc.portal.dossier.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies an upload to a temporary file while it arrives: it counts the bytes and stops as soon as
 * they pass the limit, hashes them with SHA-256 and keeps the first bytes to recognise the type.
 * Never holds more than one buffer of the file in memory. On any failure the temporary file is
 * deleted before the exception leaves.
 */
public final class FileIntake {

  private static final int BUFFER = 64 * 1024;

  private FileIntake() {}

  /**
   * Reads {@code in} to its end into a new temporary file of {@code store}.
   *
   * @throws AttachmentRefusedException with {@link AttachmentRefusedException.Reason#TOO_LARGE}
   *     when more than {@code maxBytes} arrive, or {@code EMPTY} when nothing does
   */
  public static ReceivedFile receive(
      InputStream in, long maxBytes, FileStore store, String declaredName, String declaredType)
      throws IOException {
    Path temp = store.newTempFile();
    boolean kept = false;
    try {
      MessageDigest sha = sha256();
      byte[] head = new byte[FileType.SNIFF_BYTES];
      int headLength = 0;
      long size = 0;
      byte[] buffer = new byte[BUFFER];
      try (OutputStream out = Files.newOutputStream(temp)) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          if (n == 0) {
            continue;
          }
          size += n;
          if (size > maxBytes) {
            throw AttachmentRefusedException.tooLarge(maxBytes);
          }
          if (headLength < head.length) {
            int take = Math.min(n, head.length - headLength);
            System.arraycopy(buffer, 0, head, headLength, take);
            headLength += take;
          }
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (size == 0) {
        throw new AttachmentRefusedException(
            AttachmentRefusedException.Reason.EMPTY, "attachment.empty");
      }
      kept = true;
      return new ReceivedFile(
          temp,
          size,
          HexFormat.of().formatHex(sha.digest()),
          FileType.sniff(head, headLength),
          declaredName,
          declaredType);
    } finally {
      if (!kept) {
        Files.deleteIfExists(temp);
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
