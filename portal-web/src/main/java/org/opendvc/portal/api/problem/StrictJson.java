package org.opendvc.portal.api.problem;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Request members bound strictly. JSON-B's own binding is lenient where a wrong value would be
 * taken silently: {@code "enabled": "yes"} becomes {@code false}, {@code 1.5} a whole 1, and a
 * number too large for a {@code long} wraps around. These take only what the API describes and
 * refuse the rest, which the caller gets back as a 400 naming the member.
 */
public final class StrictJson {

  private StrictJson() {}

  /** {@code true} or {@code false}, nothing else. */
  public static final class Flag implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return switch (parser.getValue().getValueType()) {
        case TRUE -> true;
        case FALSE -> false;
        default -> throw new JsonbException("not true or false");
      };
    }
  }

  /** A whole number that fits a {@code long}; also as a text of digits ("50000"). */
  public static final class WholeNumber implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return whole(parser.getValue(), true, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /** A whole number that fits an {@code int}, written as a JSON number. */
  public static final class WholeInt implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
      return (int) whole(parser.getValue(), false, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
  }

  /** A list of whole numbers that fit an {@code int}, written as JSON numbers. */
  public static final class WholeInts implements JsonbDeserializer<java.util.List<Integer>> {
    @Override
    public java.util.List<Integer> deserialize(
        JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      if (!(v instanceof jakarta.json.JsonArray array)) {
        throw new JsonbException("not a list of whole numbers");
      }
      java.util.List<Integer> numbers = new java.util.ArrayList<>();
      for (JsonValue item : array) {
        numbers.add((int) whole(item, false, Integer.MIN_VALUE, Integer.MAX_VALUE));
      }
      return java.util.List.copyOf(numbers);
    }
  }

  /**
   * A list of phrases, given either as one text with the phrases separated by {@code |} or as an
   * array of texts; bound as the one text. Members of an array that are not texts are left out.
   */
  public static final class Phrases implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      if (v instanceof JsonString s) {
        return s.getString();
      }
      if (v instanceof JsonNumber n) {
        return n.toString();
      }
      if (v instanceof jakarta.json.JsonArray array) {
        StringBuilder out = new StringBuilder();
        for (JsonValue item : array) {
          if (item instanceof JsonString s) {
            out.append(out.length() > 0 ? "|" : "").append(s.getString());
          }
        }
        return out.toString();
      }
      throw new JsonbException("not a text or a list of texts");
    }
  }

  /** A whole number between min and max, as a JSON number or, when allowed, a text of digits. */
  private static long whole(JsonValue v, boolean textAllowed, long min, long max) {
    try {
      java.math.BigInteger n = null;
      if (v instanceof JsonNumber number && number.isIntegral()) {
        n = number.bigIntegerValueExact();
      } else if (textAllowed
          && v instanceof JsonString s
          && s.getString().strip().matches("-?\\d{1,19}")) {
        n = new java.math.BigInteger(s.getString().strip());
      }
      if (n != null && n.bitLength() < 64 && n.longValue() >= min && n.longValue() <= max) {
        return n.longValue();
      }
    } catch (ArithmeticException e) {
      // not whole after all: refused below
    }
    throw new JsonbException("not a whole number");
  }
}
