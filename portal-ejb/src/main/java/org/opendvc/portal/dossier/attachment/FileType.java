package org.opendvc.portal.dossier.attachment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types the portal can recognise by their first bytes (magic numbers), so that a file is
 * judged by what it is, not by the name or type its sender gave it. Which of them are accepted is
 * configuration ({@link UploadLimits}).
 */
public enum FileType {
  PDF("application/pdf", List.of("pdf"), bytes("%PDF-")),
  JPEG("image/jpeg", List.of("jpg", "jpeg", "jpe"), new int[] {0xFF, 0xD8, 0xFF}),
  PNG("image/png", List.of("png"), new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  GIF("image/gif", List.of("gif"), bytes("GIF8")),
  TIFF("image/tiff", List.of("tif", "tiff"), new int[] {'I', 'I', 0x2A, 0x00}),
  WEBP("image/webp", List.of("webp"), null);

  /** How many leading bytes {@link #sniff} needs at most. */
  public static final int SNIFF_BYTES = 16;

  private final String mediaType;
  private final List<String> extensions;
  private final int[] magic;

  FileType(String mediaType, List<String> extensions, int[] magic) {
    this.mediaType = mediaType;
    this.extensions = extensions;
    this.magic = magic;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extensions.get(0);
  }

  public List<String> extensions() {
    return extensions;
  }

  /** The type named in configuration: "pdf", "jpeg", "jpg", "png", "image/png"... */
  public static Optional<FileType> named(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            t -> t.name().equalsIgnoreCase(n) || t.mediaType.equals(n) || t.extensions.contains(n))
        .findFirst();
  }

  /** The type a file name's extension claims, if it names a known one. */
  public static Optional<FileType> ofFileName(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.extensions.contains(ext)).findFirst();
  }

  /** The type a media type (a part's Content-Type, parameters allowed) claims, if known. */
  public static Optional<FileType> ofMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String m = mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if ("image/jpg".equals(m) || "image/pjpeg".equals(m)) {
      return Optional.of(JPEG);
    }
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(m)).findFirst();
  }

  /** The type of content that starts with these bytes ({@code length} of them are valid). */
  public static Optional<FileType> sniff(byte[] head, int length) {
    if (length >= 12
        && head[0] == 'R'
        && head[1] == 'I'
        && head[2] == 'F'
        && head[3] == 'F'
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (length >= 4 && head[0] == 'M' && head[1] == 'M' && head[2] == 0x00 && head[3] == 0x2A) {
      return Optional.of(TIFF);
    }
    for (FileType t : values()) {
      if (t.magic != null && startsWith(head, length, t.magic)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int length, int[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int[] bytes(String ascii) {
    return ascii.chars().toArray();
  }
}
