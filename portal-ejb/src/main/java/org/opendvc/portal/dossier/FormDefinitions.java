package org.opendvc.portal.dossier;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opendvc.portal.shared.TextFolding;

/**
 * The e-form definitions shipped with the portal ({@code /eforms/procedure-forms.json}, described
 * in docs/eforms.md): which procedures each applies to (by code, or by a pattern of the folded name
 * so that every province's copy of a procedure gets it), and the generic form for the others. Read
 * once; a definition that does not parse stops the start rather than a submission.
 */
public final class FormDefinitions {

  public static final String RESOURCE = "/eforms/procedure-forms.json";

  private record Entry(List<String> codes, List<Pattern> names, FormDefinition definition) {}

  private static volatile FormDefinitions shipped;

  private final FormDefinition generic;
  private final List<Entry> entries;

  private FormDefinitions(FormDefinition generic, List<Entry> entries) {
    this.generic = generic;
    this.entries = List.copyOf(entries);
  }

  /** The definitions shipped with the portal. */
  public static FormDefinitions shipped() {
    FormDefinitions d = shipped;
    if (d == null) {
      try (InputStream in = FormDefinitions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        d = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      shipped = d;
    }
    return d;
  }

  /** The definition of a procedure: the first that lists its code or matches its name. */
  public FormDefinition forProcedure(String code, String name) {
    String folded = name == null ? "" : TextFolding.fold(name);
    for (Entry e : entries) {
      if (code != null && e.codes().contains(code)) {
        return e.definition();
      }
    }
    for (Entry e : entries) {
      if (e.names().stream().anyMatch(p -> p.matcher(folded).find())) {
        return e.definition();
      }
    }
    return generic;
  }

  public FormDefinition generic() {
    return generic;
  }

  /** Definitions from their JSON text; a wrong one is an {@link IllegalArgumentException}. */
  public static FormDefinitions parse(Reader json) {
    JsonObject root;
    try (var reader = JSON.createReader(json)) {
      root = reader.readObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("e-form definitions are not a JSON object", e);
    }
    FormDefinition generic = definition(root.getJsonObject("generic"));
    List<Entry> entries = new ArrayList<>();
    for (JsonValue v : root.getJsonArray("definitions")) {
      JsonObject o = v.asJsonObject();
      List<String> codes = strings(o.getJsonArray("codes"));
      List<Pattern> names =
          strings(o.getJsonArray("names")).stream().map(Pattern::compile).toList();
      entries.add(new Entry(codes, names, definition(o)));
    }
    return new FormDefinitions(generic, entries);
  }

  static FormDefinitions parse(String json) {
    return parse(new StringReader(json));
  }

  private static FormDefinition definition(JsonObject o) {
    if (o == null) {
      throw new IllegalArgumentException("a definition is missing");
    }
    String id = o.getString("id");
    List<FormDefinition.FormField> fields = new ArrayList<>();
    Map<String, Boolean> keys = new LinkedHashMap<>();
    for (JsonValue v : o.getJsonArray("fields")) {
      JsonObject f = v.asJsonObject();
      String key = f.getString("key");
      if (!key.matches(EForm.BOUNDS.keyPattern()) || keys.put(key, true) != null) {
        throw new IllegalArgumentException("definition " + id + ": bad or repeated key " + key);
      }
      FormDefinition.Type type;
      try {
        type = FormDefinition.Type.valueOf(f.getString("type").toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "definition " + id + ": field " + key + " has an unknown type", e);
      }
      JsonObject label = f.getJsonObject("label");
      JsonObject hint = f.getJsonObject("hint");
      List<FormDefinition.Choice> choices = new ArrayList<>();
      if (f.containsKey("choices")) {
        for (JsonValue c : f.getJsonArray("choices")) {
          JsonObject co = c.asJsonObject();
          choices.add(
              new FormDefinition.Choice(
                  co.getString("value"), co.getString("vi"), co.getString("en", null)));
        }
      }
      if (type == FormDefinition.Type.CHOICE && choices.isEmpty()) {
        throw new IllegalArgumentException(
            "definition " + id + ": choice " + key + " has no choices");
      }
      String pattern = f.getString("pattern", null);
      if (pattern != null) {
        Pattern.compile(pattern);
      }
      fields.add(
          new FormDefinition.FormField(
              key,
              label.getString("vi"),
              label.getString("en", null),
              hint == null ? null : hint.getString("vi", null),
              hint == null ? null : hint.getString("en", null),
              type,
              f.getBoolean("required", false),
              f.getInt("maxLength", 0),
              pattern,
              number(f.get("min")),
              number(f.get("max")),
              f.getBoolean("notFuture", false),
              choices));
    }
    return new FormDefinition(id, fields);
  }

  private static BigDecimal number(JsonValue v) {
    return v instanceof JsonNumber n ? n.bigDecimalValue() : null;
  }

  private static List<String> strings(JsonArray a) {
    if (a == null) {
      return List.of();
    }
    return a.stream().map(v -> ((JsonString) v).getString()).toList();
  }
}
