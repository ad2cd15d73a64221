package org.opendvc.portal.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opendvc.portal.shared.JsonProviders;

/**
 * The real data kept beside the repository ({@code ../shared/data}) for tests. Tests that need it
 * are skipped, with a message, when it is absent.
 */
public final class SharedData {

  private SharedData() {}

  public static Path dir() {
    String configured = System.getProperty("portal.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
    return dir.toAbsolutePath().normalize();
  }

  public static Path require(String file) {
    Path path = dir().resolve(file);
    assumeTrue(Files.isReadable(path), "shared data not found, test skipped: " + path);
    return path;
  }

  /**
   * Every line of a JSON Lines file of the shared data, parsed (with the provider looked up once:
   * {@code Json.createReader} would look it up again for each of the feed's thousands of lines).
   */
  public static List<JsonValue> jsonLines(String file) throws IOException {
    List<JsonValue> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(require(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          try (JsonReader r = JsonProviders.JSON.createReader(new StringReader(line))) {
            out.add(r.readValue());
          }
        }
      }
    }
    return out;
  }
}
