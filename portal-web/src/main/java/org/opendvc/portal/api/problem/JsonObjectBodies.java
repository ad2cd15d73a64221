package org.opendvc.portal.api.problem;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Reads every JSON object the API takes as a body. A body that is valid JSON but not an object
 * ({@code []}, {@code null}, {@code "text"}), or nested deeper than the parser allows, is the
 * caller's mistake and gets a 400 problem, where the platform's own reader would hand the method
 * a wrong type or fail with an unchecked error.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonObjectBodies implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entity) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(entity)) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw e;
    } catch (RuntimeException e) {
      // the parser's own limits (nesting depth, number size) surface as plain runtime errors
      throw new JsonException(e.getMessage() == null ? "unreadable JSON" : e.getMessage(), e);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("body", "problem.jsonNotObject", describe(value));
    }
    return value.asJsonObject();
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case ARRAY -> "[…]";
      case STRING -> "\"…\"";
      case NUMBER -> "0";
      case NULL -> "null";
      default -> "true/false";
    };
  }
}
