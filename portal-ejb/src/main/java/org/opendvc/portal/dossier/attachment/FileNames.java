package org.opendvc.portal.dossier.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a sender's file name safe to keep and to hand back in a download: no folders, no control or
 * reserved characters, no names Windows refuses, a bounded length, and the extension of the file's
 * real type. The name is only ever shown; files are stored by a random key.
 */
public final class FileNames {

  static final int MAX_LENGTH = 150;
  private static final Set<String> WINDOWS_RESERVED =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private FileNames() {}

  /**
   * A safe name for a file of the given type: the last path segment of {@code given}, in Unicode
   * NFC, without control, bidi or reserved characters, with the type's extension (replacing a
   * different one), at most {@value #MAX_LENGTH} characters; "tep" (file) when nothing is left.
   */
  public static String sanitise(String given, FileType type) {
    String name = given == null ? "" : given;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || "\"*:<>?|\\/;%".indexOf(c) >= 0
                  || Character.getType(c) == Character.FORMAT
                  || Character.getType(c) == Character.UNASSIGNED
                  || Character.getType(c) == Character.PRIVATE_USE
                  || Character.getType(c) == Character.SURROGATE) {
                out.append('_');
              } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
              } else {
                out.appendCodePoint(c);
              }
            });
    String base = out.toString().replaceAll(" {2,}", " ").strip();
    // the extension is the real type's, whatever the sender wrote
    int dot = base.lastIndexOf('.');
    if (dot >= 0 && FileType.ofFileName(base).isPresent()) {
      base = base.substring(0, dot);
    }
    base = base.replaceAll("^[. _]+|[. ]+$", "");
    String ext = "." + type.extension();
    int room = MAX_LENGTH - ext.length();
    if (base.codePointCount(0, base.length()) > room) {
      base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
    }
    if (base.isEmpty()) {
      base = "tep";
    }
    String stem = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
    if (WINDOWS_RESERVED.contains(stem.toUpperCase(Locale.ROOT))) {
      base = "_" + base;
    }
    return base + ext;
  }

  /** A plain ASCII rendering of a name, for the {@code filename=} of Content-Disposition. */
  public static String ascii(String name) {
    String folded =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "");
    String safe = folded.replaceAll("[^A-Za-z0-9._ ()\\-]", "_");
    return safe.isBlank() ? "file" : safe;
  }
}
