package org.opendvc.portal.web.applicant;

import java.util.Map;

/**
 * The e-form's answers as the dossier keeps them: a flat JSON object of text values, with the
 * request itself under {@code content} and the note for the n-th dossier component under {@code
 * component_n}. Written here without a JSON library so the rule is plain to test.
 */
final class FormAnswers {

  static final String CONTENT = "content";
  static final String COMPONENT_PREFIX = "component_";

  private FormAnswers() {}

  static String componentKey(int number) {
    return COMPONENT_PREFIX + number;
  }

  /** The component number of a key, or 0 when the key is not a component's. */
  static int componentNumber(String key) {
    if (key == null || !key.startsWith(COMPONENT_PREFIX)) {
      return 0;
    }
    String n = key.substring(COMPONENT_PREFIX.length());
    return n.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(n) : 0;
  }

  /** The answers that are not blank, as a JSON object; null when there are none. */
  static String toJson(Map<String, String> answers) {
    StringBuilder json = new StringBuilder("{");
    answers.forEach(
        (key, value) -> {
          if (value == null || value.isBlank()) {
            return;
          }
          if (json.length() > 1) {
            json.append(',');
          }
          quote(json, key);
          json.append(':');
          quote(json, value.strip());
        });
    return json.length() == 1 ? null : json.append('}').toString();
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
