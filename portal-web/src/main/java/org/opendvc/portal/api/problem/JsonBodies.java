package org.opendvc.portal.api.problem;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.JsonProviders;

/**
 * Reads every JSON object the API takes as a body: as a {@link JsonObject} where the shape is free
 * (a provider's callback), or bound with JSON-B to the portal's request records, which the resource
 * then has checked with Bean Validation ({@code @Valid}). A body that is valid JSON but not an
 * object ({@code []}, {@code null}, {@code "text"}), or nested deeper than the parser allows, is
 * the caller's mistake and gets a 400 problem naming the body, where the platform's own readers
 * would hand the method a wrong type or fail with an unchecked error.
 */
public final class JsonBodies {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private JsonBodies() {}

  /** A body whose shape is free, read as it is. */
  @Provider
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
  public static class Objects implements MessageBodyReader<JsonObject> {
    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(
        Class<JsonObject> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream entity) {
      return object(entity);
    }
  }

  /**
   * A body bound to one of the portal's request records. It is declared for records so that it
   * comes before the platform's JSON-B reader, which is declared for any object.
   */
  @Provider
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
  public static class Records implements MessageBodyReader<Record> {
    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return type.isRecord() && type.getName().startsWith("org.opendvc.portal.");
    }

    @Override
    public Record readFrom(
        Class<Record> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream entity) {
      return JSONB.fromJson(object(entity).toString(), genericType);
    }
  }

  /**
   * A JSON text bound to a request record the way a body is (for a record sent as a part of a
   * multipart body): 400 for anything but an object, JSON-B's own refusals otherwise.
   */
  public static <T extends Record> T bind(String json, Class<T> type) {
    return JSONB.fromJson(
        object(
                new java.io.ByteArrayInputStream(
                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .toString(),
        type);
  }

  private static JsonObject object(InputStream entity) {
    JsonValue value;
    try (JsonReader reader = JsonProviders.JSON.createReader(entity)) {
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
