package org.opendvc.portal.testsupport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What an online submission must carry besides the applicant: the procedure's own data and the
 * required papers attached or promised at the counter. For the demo's birth registration (9.001001)
 * as constants; for any procedure read from its e-form.
 */
public final class Submissions {

  /** The birth registration's required data, as members of the JSON form (no braces). */
  public static final String BIRTH =
      "\"child.fullName\":\"Nguyễn Văn Bé\","
          + "\"child.birthDate\":\"2025-03-15\",\"child.birthPlace\":\"Trạm y tế xã\","
          + "\"child.sex\":\"NAM\",\"mother.fullName\":\"Trần Thị Mẹ\"";

  /** The birth registration's papers promised at the counter (form, birth certificate, ID). */
  public static final String PROMISED_BIRTH = "\"promised\":[1,2,3]";

  /** The birth registration's required data by input name, for the submission page. */
  public static final java.util.Map<String, String> BIRTH_INPUTS =
      java.util.Map.of(
          "child.fullName",
          "Nguyễn Văn Bé",
          "child.birthDate",
          "2025-03-15",
          "child.birthPlace",
          "Trạm y tế xã",
          "child.sex",
          "NAM",
          "mother.fullName",
          "Trần Thị Mẹ");

  private Submissions() {}

  /**
   * Fills the birth registration's required data on the submission page (set directly: a date input
   * takes typed keys in the browser's own order) and, unless given a file, promises the papers 1 to
   * 3 at the counter.
   */
  public static void fillBirth(org.openqa.selenium.WebDriver browser, int... promised) {
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    BIRTH_INPUTS.forEach(
        (name, value) ->
            js.executeScript(
                "arguments[0].value = arguments[1];",
                browser.findElement(org.openqa.selenium.By.name(name)),
                value));
    for (int n : promised) {
      org.openqa.selenium.WebElement box =
          browser.findElement(org.openqa.selenium.By.id("component-" + n + "-promise"));
      if (!box.isSelected()) {
        box.click();
      }
    }
  }

  /**
   * The members {@code "form":{...},"promised":[...]} of a valid online submission of a procedure:
   * each required field of its e-form answered with a plain valid value, every required component
   * promised.
   */
  public static String completeFor(Http http, String procedureCode) {
    Http.Response r = http.get("/api/v1/procedures/" + procedureCode + "/eform");
    if (r.status() != 200) {
      throw new IllegalStateException(r.toString());
    }
    JsonObject eform = r.json();
    List<String> answers = new ArrayList<>();
    for (JsonValue v : eform.getJsonArray("formFields")) {
      JsonObject f = v.asJsonObject();
      if (!f.getBoolean("required")) {
        continue;
      }
      String value =
          switch (f.getString("type")) {
            case "date" -> "2020-01-01";
            case "number" -> "1";
            case "choice" -> f.getJsonArray("choices").getJsonObject(0).getString("value");
            default -> f.isNull("pattern") ? "Kiểm thử" : "001099012345";
          };
      answers.add("\"" + f.getString("key") + "\":\"" + value + "\"");
    }
    List<String> promised = new ArrayList<>();
    for (JsonValue v : eform.getJsonArray("components")) {
      JsonObject c = v.asJsonObject();
      if (c.getBoolean("required")) {
        promised.add(Integer.toString(c.getInt("number")));
      }
    }
    return "\"form\":{"
        + String.join(",", answers)
        + "},\"promised\":["
        + String.join(",", promised)
        + "]";
  }
}
