package org.opendvc.portal.dossier.attachment;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The configured limits of an uploaded file: {@code portal.upload.max.bytes} ({@code
 * PORTAL_UPLOAD_MAX_BYTES}, default 10 MB) and {@code portal.upload.types} ({@code
 * PORTAL_UPLOAD_TYPES}, default {@code pdf,jpeg,png}; also known: gif, tiff, webp).
 */
public record UploadLimits(long maxBytes, Set<FileType> types) {

  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final String DEFAULT_TYPES = "pdf,jpeg,png";
  private static final Logger LOG = Logger.getLogger(UploadLimits.class.getName());

  public UploadLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("portal.upload.max.bytes must be positive");
    }
    types = types.isEmpty() ? EnumSet.noneOf(FileType.class) : EnumSet.copyOf(types);
  }

  /** The limits from the configured texts; unknown type names are logged and left out. */
  public static UploadLimits of(long maxBytes, String typeList) {
    Set<FileType> types = EnumSet.noneOf(FileType.class);
    for (String name :
        (typeList == null || typeList.isBlank() ? DEFAULT_TYPES : typeList).split("[,; ]+")) {
      if (name.isBlank()) {
        continue;
      }
      FileType.named(name)
          .ifPresentOrElse(
              types::add,
              () -> LOG.warning("portal.upload.types: unknown type '" + name + "' ignored"));
    }
    return new UploadLimits(maxBytes, types);
  }

  public boolean allows(FileType type) {
    return types.contains(type);
  }

  /** The accepted types for people: "PDF, JPEG, PNG". */
  public String typeNames() {
    return types.stream().map(Enum::name).collect(Collectors.joining(", "));
  }

  /** The size limit for people, in MB with one decimal when needed. */
  public String maxSizeText() {
    double mb = maxBytes / (1024.0 * 1024.0);
    return mb >= 1
        ? (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format("%.1f", mb)) + " MB"
        : maxBytes + " bytes";
  }
}
