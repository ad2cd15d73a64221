package org.opendvc.portal.api.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole-catalogue downloads, rendered once per catalogue revision, format and language and then
 * served from memory: the catalogue changes a few times a year and is downloaded by anyone, so many
 * parallel downloads cost one rendering. A new revision replaces the renderings of the old one. The
 * revision also makes the download's ETag, so a client that has it gets a 304.
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

  private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

  /** The rendering for this revision, format and language, made now if this is the first ask. */
  public Rendering get(long revision, String format, Locale locale, Renderer renderer) {
    String key = format + "|" + locale.getLanguage();
    Rendering current = renderings.get(key);
    if (current != null && current.revision() == revision) {
      return current;
    }
    // one rendering per key at a time: parallel first downloads wait for it instead of each
    // making their own
    return renderings.compute(
        key,
        (k, existing) -> {
          if (existing != null && existing.revision() == revision) {
            return existing;
          }
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
