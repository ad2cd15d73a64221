package org.opendvc.portal.api.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.opendvc.portal.api.MultipartStream;
import org.opendvc.portal.dossier.attachment.FileIntake;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.NewAttachment;
import org.opendvc.portal.dossier.attachment.ReceivedFile;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * One file upload read from a {@code multipart/form-data} body as it arrives, the same way for the
 * API ({@code POST /api/v1/dossiers/{code}/attachments}) and the officer's page form
 * ({@code POST /officer/files/{code}}): the part {@code file} goes through {@link FileIntake}
 * (size limit, SHA-256, type by content) into a temporary file; {@code component} and
 * {@code kind} say where it belongs; other short text fields the caller asks for are kept, any
 * other part is skipped (bounded). Closing it deletes the temporary file unless it was adopted.
 */
public final class AttachmentUpload implements AutoCloseable {

  /** What a refused upload may still send after the point of refusal, read and thrown away. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;
  static final int TEXT_PART_LIMIT = 200;

  private ReceivedFile file;
  private String component;
  private String kind;
  private final Map<String, String> fields = new LinkedHashMap<>();

  private AttachmentUpload() {}

  /**
   * Reads the whole body.
   *
   * @param keep names of further text fields to keep (e.g. a page form's token)
   * @param beforeFile called with the kept fields read so far just before the file part is
   *     received; it may throw to refuse the upload before any byte of the file is stored
   * @throws InvalidInputException when there is no file, two files or an over-long part
   * @throws org.opendvc.portal.dossier.attachment.AttachmentRefusedException when the file is
   *     too large or empty
   * @throws IOException when the body is not well-formed multipart
   */
  public static AttachmentUpload read(InputStream body, String boundary, long maxBytes,
      FileStore store, Set<String> keep, Consumer<Map<String, String>> beforeFile)
      throws IOException {
    AttachmentUpload upload = new AttachmentUpload();
    try {
      MultipartStream parts = new MultipartStream(body, boundary);
      for (MultipartStream.Part p; (p = parts.next()) != null; ) {
        switch (p.name()) {
          case "file" -> {
            if (upload.file != null) {
              throw new InvalidInputException("file", "attachment.twoFiles");
            }
            beforeFile.accept(Collections.unmodifiableMap(upload.fields));
            upload.file = FileIntake.receive(p.body(), maxBytes, store, p.fileName(),
                p.contentType());
          }
          case "component" -> upload.component = text(p);
          case "kind" -> upload.kind = text(p);
          default -> {
            if (keep.contains(p.name())) {
              upload.fields.put(p.name(), text(p));
            } else if (!p.skip(TEXT_PART_LIMIT * 10L)) {
              throw new InvalidInputException(p.name(), "attachment.partTooLarge", p.name());
            }
          }
        }
      }
      if (upload.file == null) {
        throw new InvalidInputException("file", "attachment.fileMissing");
      }
      return upload;
    } catch (IOException | RuntimeException e) {
      upload.close();
      throw e;
    }
  }

  /** The upload as the service takes it. */
  public NewAttachment toNew() {
    return new NewAttachment(file, component, kind);
  }

  /** The same file, said to belong where the caller decided (a page's own choice field). */
  public NewAttachment toNew(String component, String kind) {
    return new NewAttachment(file, component, kind);
  }

  public ReceivedFile file() {
    return file;
  }

  /** A kept text field, stripped; null when it was not sent. */
  public String field(String name) {
    return fields.get(name);
  }

  /** Deletes the temporary file if it is still there (not adopted by the store). */
  @Override
  public void close() {
    if (file != null) {
      try {
        Files.deleteIfExists(file.temp());
      } catch (IOException e) {
        // a left-over temporary file is harmless and rare; nothing to tell the caller
      }
    }
  }

  private static String text(MultipartStream.Part p) throws IOException {
    return p.text(TEXT_PART_LIMIT).orElseThrow(() ->
        new InvalidInputException(p.name(), "attachment.partTooLarge", p.name())).strip();
  }

  /** Reads what the client still sends (bounded), so that it receives the refusal cleanly. */
  public static void drain(InputStream body) {
    byte[] scratch = new byte[64 * 1024];
    long total = 0;
    try {
      int n;
      while (total < DRAIN_LIMIT && (n = body.read(scratch)) != -1) {
        total += n;
      }
    } catch (IOException e) {
      // the client went away: nothing more to do
    }
  }
}
