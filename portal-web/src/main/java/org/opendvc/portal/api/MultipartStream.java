package org.opendvc.portal.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives: each part's body
 * is an input stream that ends at the next boundary, so a file part can be copied elsewhere
 * without ever being held whole in memory. Part headers are bounded (8 KB).
 *
 * <pre>
 * MultipartStream parts = new MultipartStream(body, MultipartStream.boundary(contentType).orElseThrow());
 * for (MultipartStream.Part p; (p = parts.next()) != null; ) { ... p.body() ... }
 * </pre>
 */
public final class MultipartStream {

  static final int HEADER_LIMIT = 8 * 1024;
  private static final int BUFFER = 64 * 1024;
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i);\\s*boundary\\s*=\\s*(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
  private static final Pattern PARAM =
      Pattern.compile(";\\s*([A-Za-z0-9*_.-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf;
  private int head;
  private int tail;
  private boolean eof;
  private boolean started;
  private boolean finished;
  private PartBody current;

  public MultipartStream(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buf = new byte[Math.max(BUFFER, delimiter.length * 4)];
    // the first boundary has no CRLF before it: pretend it had
    buf[0] = '\r';
    buf[1] = '\n';
    tail = 2;
  }

  /** The boundary of a {@code multipart/form-data} Content-Type, if it is one and has one. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
  }

  /** One part: its form field name, the file name and media type it declares, and its body. */
  public record Part(String name, String fileName, String contentType, InputStream body) {

    /** The body as UTF-8 text of at most {@code max} bytes; empty when longer. */
    public Optional<String> text(int max) throws IOException {
      byte[] bytes = body.readNBytes(max + 1);
      if (bytes.length > max) {
        return Optional.empty();
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Reads and discards the rest of the body, at most {@code max} bytes; false when more. */
    public boolean skip(long max) throws IOException {
      byte[] scratch = new byte[8192];
      long total = 0;
      int n;
      while ((n = body.read(scratch)) != -1) {
        total += n;
        if (total > max) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The next part, after skipping what is left of the current one; null after the last.
   *
   * @throws IOException when the body is not well-formed multipart or ends early
   */
  public Part next() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      drain(new PartBody()); // the preamble
    } else if (current != null) {
      drain(current);
    }
    current = null;
    int a = readByte();
    int b = readByte();
    if (a == '-' && b == '-') {
      finished = true;
      return null;
    }
    while (a == ' ' || a == '\t') { // transport padding after the boundary
      a = b;
      b = readByte();
    }
    if (a != '\r' || b != '\n') {
      throw new IOException("malformed boundary line");
    }
    Map<String, String> headers = readHeaders();
    String disposition = headers.getOrDefault("content-disposition", "");
    Map<String, String> params = params(disposition);
    current = new PartBody();
    return new Part(params.getOrDefault("name", ""), fileName(params),
        headers.get("content-type"), current);
  }

  private static String fileName(Map<String, String> params) {
    String extended = params.get("filename*");
    if (extended != null) {
      int quote = extended.indexOf("''");
      if (quote > 0 && extended.substring(0, quote).equalsIgnoreCase("UTF-8")) {
        try {
          return URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"),
              StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          // fall back to filename
        }
      }
    }
    return params.get("filename");
  }

  static Map<String, String> params(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4).strip();
      out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
    }
    return out;
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    while (true) {
      int c = readByte();
      if (c < 0) {
        throw new IOException("the body ends inside a part's headers");
      }
      if (++total > HEADER_LIMIT) {
        throw new IOException("a part's headers are too long");
      }
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
            : bytes.length;
        if (length == 0) {
          return headers;
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              text.substring(colon + 1).strip());
        }
        line.reset();
      } else {
        line.write(c);
      }
    }
  }

  private int readByte() throws IOException {
    if (head == tail && !fill()) {
      return -1;
    }
    return buf[head++] & 0xFF;
  }

  /** Moves unread bytes to the front and reads more; false at the end of the input. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (head > 0) {
      System.arraycopy(buf, head, buf, 0, tail - head);
      tail -= head;
      head = 0;
    }
    int n = in.read(buf, tail, buf.length - tail);
    if (n < 0) {
      eof = true;
      return false;
    }
    tail += n;
    return true;
  }

  private static void drain(InputStream part) throws IOException {
    byte[] scratch = new byte[8192];
    while (part.read(scratch) != -1) {
      // discard
    }
  }

  /** Where the delimiter starts in buf[head, tail), or -1. */
  private int find() {
    int last = tail - delimiter.length;
    outer:
    for (int i = head; i <= last; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A part's body: the bytes up to the next delimiter. */
  private final class PartBody extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        int at = find();
        if (at == head) {
          head += delimiter.length;
          done = true;
          return -1;
        }
        int end = at >= 0 ? at : Math.max(head, tail - delimiter.length + 1);
        if (end > head) {
          int n = Math.min(len, end - head);
          System.arraycopy(buf, head, b, off, n);
          head += n;
          return n;
        }
        if (!fill()) {
          throw new IOException("the body ends before the closing boundary");
        }
      }
    }
  }
}
