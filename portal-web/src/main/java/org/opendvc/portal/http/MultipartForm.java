package org.opendvc.portal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.FileIntake;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.ReceivedFile;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * A {@code multipart/form-data} body (RFC 7578) read part by part as it arrives, with Commons
 * FileUpload's streaming API: the one way the API, the officer's pages and the applicant's pages
 * read uploads, with one set of limits.
 *
 * <ul>
 *   <li>a part the caller names as a file goes through {@link FileIntake} into a temporary file: at
 *       most {@code maxBytes} ({@code portal.upload.max.bytes}), hashed, typed by its first bytes;
 *       a file refused there (too large, empty) is remembered with its reason and reading goes on
 *       with the next part;
 *   <li>any other part is a text field of at most {@value #MAX_FIELD_BYTES} bytes (UTF-8);
 *   <li>at most {@value #MAX_PARTS} parts, {@value #MAX_HEADER_BYTES} bytes of headers each, and a
 *       whole body of at most one full-size file per file field plus {@value #MAX_PARTS} full text
 *       fields.
 * </ul>
 *
 * Files are taken only while the fields read before them satisfy the caller's condition (a page
 * form's token comes first, so a forged post stores no byte). Closing the form deletes the
 * temporary files that the store did not adopt.
 */
public final class MultipartForm implements AutoCloseable {

  /** At most this many parts in one body. */
  public static final int MAX_PARTS = 100;

  /** At most this many bytes in one text field. */
  public static final int MAX_FIELD_BYTES = 16 * 1024;

  /** At most this many bytes of headers in one part. */
  public static final int MAX_HEADER_BYTES = 8 * 1024;

  /** What a refused body may still send after the refusal, read and thrown away. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  /**
   * A file part as sent: the name and media type its sender declared, and either the file as
   * received or why it was refused.
   */
  public record Upload(
      String declaredName,
      String declaredType,
      ReceivedFile file,
      AttachmentRefusedException refused) {

    /** Whether a file was chosen: an empty file input sends a nameless, empty part. */
    public boolean chosen() {
      return (declaredName != null && !declaredName.isBlank())
          || refused == null
          || refused.reason() != AttachmentRefusedException.Reason.EMPTY;
    }
  }

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, Upload> files = new LinkedHashMap<>();
  private boolean filesSkipped;

  private MultipartForm() {}

  /**
   * Checks that a Content-Type announces {@code multipart/form-data} (the boundary is checked when
   * the body is read).
   *
   * @throws InvalidInputException when it does not
   */
  public static void requireFormData(String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw malformed("Content-Type multipart/form-data; boundary=...");
    }
  }

  /**
   * Reads a servlet request's body.
   *
   * @see #read(InputStream, String, long, Set, long, FileStore, Predicate)
   */
  public static MultipartForm read(
      HttpServletRequest request,
      Set<String> fileFields,
      long maxBytes,
      FileStore store,
      Predicate<Map<String, String>> takeFiles)
      throws IOException {
    return read(
        request.getInputStream(),
        request.getContentType(),
        request.getContentLengthLong(),
        fileFields,
        maxBytes,
        store,
        takeFiles);
  }

  /**
   * Reads the whole body.
   *
   * @param contentLength the declared length, or -1 when unknown
   * @param fileFields the names of the parts that carry files
   * @param maxBytes the size limit of one file
   * @param takeFiles asked with the fields read so far before each file part; when false the part
   *     is skipped and nothing of it is stored
   * @throws InvalidInputException when the body is not well-formed {@code multipart/form-data}, has
   *     too many parts, an over-long text field or two parts for one file field
   * @throws AttachmentRefusedException {@code TOO_LARGE} when the whole body passes its limit
   * @throws IOException when the body cannot be read (the client went away)
   */
  public static MultipartForm read(
      InputStream body,
      String contentType,
      long contentLength,
      Set<String> fileFields,
      long maxBytes,
      FileStore store,
      Predicate<Map<String, String>> takeFiles)
      throws IOException {
    requireFormData(contentType);
    long bodyLimit = fileFields.size() * maxBytes + (long) MAX_PARTS * MAX_FIELD_BYTES;
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    upload.setMaxPartHeaderSize(MAX_HEADER_BYTES);
    upload.setMaxSize(bodyLimit);
    MultipartForm form = new MultipartForm();
    try {
      FileItemInputIterator parts =
          upload.getItemIterator(new Body(body, contentType, contentLength));
      int count = 0;
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (++count > MAX_PARTS) {
          throw new InvalidInputException("file", "attachment.tooManyParts", MAX_PARTS);
        }
        String name = part.getFieldName() == null ? "" : part.getFieldName();
        if (fileFields.contains(name)) {
          form.receive(name, part, maxBytes, store, takeFiles);
        } else {
          form.fields.putIfAbsent(name, text(name, part));
        }
      }
      if (count == 0) {
        // FileUpload reads a body without any boundary as an empty form; no browser sends one
        throw malformed("no part, or no boundary line");
      }
      return form;
    } catch (FileUploadSizeException e) {
      form.close();
      if (e.getPermitted() == MAX_HEADER_BYTES) {
        // a part's headers over their limit: not a big file, a malformed body
        throw malformed(e.getMessage());
      }
      throw AttachmentRefusedException.tooLarge(maxBytes);
    } catch (FileUploadException | InvalidPathException e) {
      form.close();
      throw malformed(e.getMessage());
    } catch (IOException | RuntimeException e) {
      form.close();
      throw e;
    }
  }

  private void receive(
      String name,
      FileItemInput part,
      long maxBytes,
      FileStore store,
      Predicate<Map<String, String>> takeFiles)
      throws IOException {
    if (files.containsKey(name)) {
      throw new InvalidInputException(name, "attachment.twoFiles");
    }
    if (!takeFiles.test(Collections.unmodifiableMap(fields))) {
      filesSkipped = true;
      return;
    }
    String declaredName = part.getName();
    String declaredType = part.getContentType();
    try (InputStream in = part.getInputStream()) {
      files.put(
          name,
          new Upload(
              declaredName,
              declaredType,
              FileIntake.receive(in, maxBytes, store, declaredName, declaredType),
              null));
    } catch (AttachmentRefusedException e) {
      files.put(name, new Upload(declaredName, declaredType, null, e));
    }
  }

  private static String text(String name, FileItemInput part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw new InvalidInputException(name, "attachment.partTooLarge", name);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static InvalidInputException malformed(String detail) {
    return new InvalidInputException("file", "attachment.malformed", detail);
  }

  /** A text field as sent; empty when it was not. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** A file field; empty when the body had no part of that name (or it was skipped). */
  public Optional<Upload> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** Whether a file part was skipped because the fields before it did not allow files. */
  public boolean filesSkipped() {
    return filesSkipped;
  }

  /** Deletes the temporary files that are still there (not adopted by the store). */
  @Override
  public void close() {
    for (Upload u : files.values()) {
      if (u.file() != null) {
        try {
          Files.deleteIfExists(u.file().temp());
        } catch (IOException e) {
          // a left-over temporary file is harmless and rare; nothing to tell the caller
        }
      }
    }
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

  /** The body as FileUpload reads it. */
  private record Body(InputStream in, String contentType, long length) implements RequestContext {

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public boolean isMultipartRelated() {
      return false;
    }
  }
}
