package org.opendvc.portal.api.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.opendvc.portal.shared.RevisionCache;

/**
 * The whole-catalogue downloads, rendered once per catalogue revision, format and language and then
 * served from memory: the catalogue changes a few times a year and is downloaded by anyone, so many
 * parallel downloads cost one rendering. A new revision replaces the renderings of the old one. The
 * revision also makes the download's ETag, so a client that has it gets a 304 ({@link
 * RevisionCache}).
 */
@ApplicationScoped
public class CatalogueExports {

  /** One rendering, and the entity tag it is served under. */
  public record Rendering(long revision, String etag, byte[] bytes) {}

  /** Writes one rendering of the whole catalogue. */
  @FunctionalInterface
  public interface Renderer {
    void write(OutputStream out) throws IOException;
  }

  private final RevisionCache<String, Rendering> renderings = new RevisionCache<>();

  /** The rendering for this revision, format and language, made now if this is the first ask. */
  public Rendering get(long revision, String format, Locale locale, Renderer renderer) {
    return renderings.get(
        format + "|" + locale.getLanguage(),
        revision,
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
          try {
            renderer.write(out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new Rendering(
              revision,
              "\"catalogue-" + revision + "-" + format + "-" + locale.getLanguage() + "\"",
              out.toByteArray());
        });
  }
}
