package org.opendvc.portal.api.catalogue;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opendvc.portal.catalogue.ImportReport;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * The body of an import, read whole before anything is written: a JSON array (or one object), or
 * JSON Lines where an unreadable line is reported and the others go on.
 */
final class FeedInput {

  private final List<JsonValue> records = new ArrayList<>();
  private final List<Integer> positions = new ArrayList<>();
  private final List<ImportReport.Rejection> unreadable = new ArrayList<>();

  private FeedInput() {}

  static FeedInput read(InputStream body, boolean lines, long maxBytes) {
    byte[] bytes = readLimited(body, maxBytes);
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new InvalidInputException("body", "import.empty");
    }
    FeedInput input = new FeedInput();
    if (lines) {
      input.readLines(bytes);
    } else {
      input.readArray(bytes);
    }
    return input;
  }

  private void readArray(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      JsonParser.Event first = parser.next();
      if (first == JsonParser.Event.START_OBJECT) {
        add(parser.getObject(), 0);
      } else if (first == JsonParser.Event.START_ARRAY) {
        int index = 0;
        while (parser.hasNext()) {
          JsonParser.Event e = parser.next();
          if (e == JsonParser.Event.END_ARRAY) {
            break;
          }
          add(parser.getValue(), index++);
        }
      } else {
        add(parser.getValue(), 0);
      }
    } catch (JsonParsingException e) {
      throw new InvalidInputException("body", "import.malformed", where(e));
    } catch (RuntimeException e) {
      throw new InvalidInputException("body", "import.malformed", e.getClass().getSimpleName());
    }
  }

  private void readLines(byte[] bytes) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      int index = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try (JsonParser parser = JSON.createParser(new java.io.StringReader(line))) {
          parser.next();
          add(parser.getValue(), index);
        } catch (RuntimeException e) {
          String why =
              e instanceof JsonParsingException p ? where(p) : e.getClass().getSimpleName();
          unreadable.add(
              new ImportReport.Rejection(
                  index,
                  null,
                  List.of(
                      new FieldProblem("line " + lineNo, "import.malformedLine", lineNo, why))));
        }
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(JsonValue value, int index) {
    records.add(value);
    positions.add(index);
  }

  List<JsonValue> records() {
    return records;
  }

  /**
   * The importer's rejections with their indexes in the original input, and the unreadable lines.
   */
  List<ImportReport.Rejection> allRejections(ImportReport report) {
    List<ImportReport.Rejection> all = new ArrayList<>(unreadable);
    for (ImportReport.Rejection r : report.rejected()) {
      all.add(new ImportReport.Rejection(positions.get(r.index()), r.code(), r.problems()));
    }
    all.sort(Comparator.comparingInt(ImportReport.Rejection::index));
    return all;
  }

  private static String where(JsonParsingException e) {
    var l = e.getLocation();
    return l == null ? "?" : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }

  private static byte[] readLimited(InputStream body, long maxBytes) {
    try (InputStream in = new FilterInputStream(body) {}) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new InvalidInputException("body", "import.tooLarge", maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
