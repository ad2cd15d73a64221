package org.opendvc.portal.catalogue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendvc.portal.catalogue.ProcedureDetails.Channel;
import org.opendvc.portal.catalogue.ProcedureDetails.ChannelTerms;
import org.opendvc.portal.catalogue.ProcedureDetails.ComponentGroup;
import org.opendvc.portal.catalogue.ProcedureDetails.Document;
import org.opendvc.portal.catalogue.ProcedureDetails.Fee;
import org.opendvc.portal.catalogue.ProcedureDetails.LegalBasis;
import org.opendvc.portal.catalogue.ProcedureDetails.StepGroup;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeLimit;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.TextFolding;

/**
 * Reads one record of the national procedures feed (keys {@code MATTHC}, {@code TENTTHC}, {@code
 * CACHTHUCTHUCHIEN}...; see docs/domain.md §1). Lenient where the national data is messy (missing
 * units, glued table cells, empty lists); strict only where a record cannot be stored: no code, no
 * name, a level other than 2 to 4, or a list that is not a list.
 */
public final class NationalFeedReader {

  public static final int MAX_CODE = 40;
  public static final int MAX_NAME = 2000;
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._\\-]*");
  private static final String[] LIST_KEYS = {
    "LINHVUCTHUCHIEN",
    "CAPTHUCHIEN",
    "CACHTHUCTHUCHIEN",
    "TRINHTUTHUCHIEN",
    "THANHPHANHOSO",
    "DOITUONGTHUCHIEN",
    "COQUANTHUCHIEN",
    "COQUANCOTHAMQUYEN",
    "COQUANPHOIHOP",
    "KETQUATHUCHIEN",
    "CANCUPHAPLY"
  };

  private NationalFeedReader() {}

  /**
   * The record, or an {@link InvalidInputException} naming every problem that keeps it out of the
   * catalogue.
   */
  public static ProcedureRecord read(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("record", "import.notObject");
    }
    JsonObject o = value.asJsonObject();
    List<FieldProblem> problems = new ArrayList<>();
    String code = text(o, "MATTHC");
    if (code == null) {
      problems.add(new FieldProblem("MATTHC", "import.codeMissing"));
    } else if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
      problems.add(new FieldProblem("MATTHC", "import.codeInvalid", code, MAX_CODE));
    }
    String name = text(o, "TENTTHC");
    if (name == null) {
      problems.add(new FieldProblem("TENTTHC", "import.nameMissing"));
    } else if (name.length() > MAX_NAME) {
      problems.add(new FieldProblem("TENTTHC", "import.nameTooLong", MAX_NAME));
    }
    OnlineLevel level = OnlineLevel.LEVEL_2;
    JsonValue levelValue = o.get("MUCDO");
    if (levelValue != null && levelValue.getValueType() != JsonValue.ValueType.NULL) {
      Optional<OnlineLevel> parsed = number(levelValue).flatMap(NationalFeedReader::level);
      if (parsed.isEmpty()) {
        problems.add(new FieldProblem("MUCDO", "import.levelInvalid", levelValue.toString()));
      } else {
        level = parsed.get();
      }
    }
    for (String key : LIST_KEYS) {
      JsonValue v = o.get(key);
      if (v != null
          && v.getValueType() != JsonValue.ValueType.NULL
          && v.getValueType() != JsonValue.ValueType.ARRAY) {
        problems.add(new FieldProblem(key, "import.notList", key));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    List<String> fields = names(o, "LINHVUCTHUCHIEN", "TENLINHVUC");
    Set<Tier> tiers = EnumSet.noneOf(Tier.class);
    for (String tierName : names(o, "CAPTHUCHIEN", "TENCAP")) {
      tiers.add(Tier.fromFeedName(tierName).orElse(Tier.OTHER));
    }
    ProcedureDetails details =
        new ProcedureDetails(
            steps(o),
            channels(o),
            components(o),
            names(o, "DOITUONGTHUCHIEN", "TENDOITUONG"),
            names(o, "COQUANTHUCHIEN", "TENDONVI"),
            names(o, "COQUANCOTHAMQUYEN", "TENDONVI"),
            names(o, "COQUANPHOIHOP", "TENDONVI"),
            names(o, "KETQUATHUCHIEN", "TENKETQUA"),
            objects(o, "CANCUPHAPLY").stream()
                .map(l -> new LegalBasis(text(l, "SOVANBAN"), text(l, "TENVANBAN")))
                .filter(l -> l.number() != null || l.title() != null)
                .toList());
    return new ProcedureRecord(
        code,
        name,
        fields.isEmpty() ? null : truncate(fields.get(0), 255),
        level,
        tiers,
        truncate(text(o, "LOAITTHC"), 255),
        truncate(text(o, "SOQUYETDINH"), 100),
        date(text(o, "NGAYQUYETDINH")),
        text(o, "MOTA"),
        text(o, "YEUCAU"),
        truncate(keywords(o.get("TUKHOA")), 1000),
        details);
  }

  private static Optional<OnlineLevel> level(BigDecimal number) {
    try {
      return OnlineLevel.of(number.intValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static List<StepGroup> steps(JsonObject o) {
    List<StepGroup> groups = new ArrayList<>();
    for (JsonObject group : objects(o, "TRINHTUTHUCHIEN")) {
      List<String> steps = names(group, "TRINHTU", "TENTRINHTU");
      if (!steps.isEmpty()) {
        groups.add(new StepGroup(text(group, "TRUONGHOP"), steps));
      }
    }
    return groups;
  }

  private static List<ChannelTerms> channels(JsonObject o) {
    List<ChannelTerms> channels = new ArrayList<>();
    for (JsonObject c : objects(o, "CACHTHUCTHUCHIEN")) {
      Optional<Channel> channel =
          number(c.get("KENH")).flatMap(n -> Channel.ofFeedCode(n.intValue()));
      if (channel.isEmpty()) {
        continue;
      }
      List<TimeLimit> limits = new ArrayList<>();
      for (JsonObject t : objects(c, "THOIGIAN")) {
        List<Fee> fees =
            objects(t, "PHILEPHI").stream()
                .map(
                    f ->
                        new Fee(
                            number(f.get("SOTIEN")).orElse(null),
                            text(f, "DONVI"),
                            text(f, "MOTA")))
                .toList();
        limits.add(
            new TimeLimit(
                number(t.get("THOIGIANGIAIQUYET")).orElse(null),
                unit(text(t, "DONVITINH")),
                text(t, "MOTA"),
                fees));
      }
      channels.add(new ChannelTerms(channel.get(), limits));
    }
    return channels;
  }

  private static List<ComponentGroup> components(JsonObject o) {
    List<ComponentGroup> groups = new ArrayList<>();
    for (JsonObject group : objects(o, "THANHPHANHOSO")) {
      List<Document> documents = new ArrayList<>();
      for (JsonObject d : objects(group, "GIAYTO")) {
        String name = text(d, "TENGIAYTO");
        if (name != null) {
          documents.add(
              new Document(
                  name,
                  text(d, "TENMAUDON"),
                  text(d, "URL"),
                  count(d.get("SOBANCHINH")),
                  count(d.get("SOBANSAO"))));
        }
      }
      if (!documents.isEmpty()) {
        groups.add(new ComponentGroup(text(group, "TRUONGHOP"), documents));
      }
    }
    return groups;
  }

  static TimeUnit unit(String feedUnit) {
    if (feedUnit == null) {
      return TimeUnit.UNSPECIFIED;
    }
    return switch (TextFolding.fold(feedUnit).trim()) {
      case "ngay lam viec" -> TimeUnit.WORKING_DAYS;
      case "ngay" -> TimeUnit.DAYS;
      case "gio", "gio lam viec" -> TimeUnit.WORKING_HOURS;
      case "thang" -> TimeUnit.MONTHS;
      default -> TimeUnit.UNSPECIFIED;
    };
  }

  private static int count(JsonValue value) {
    return number(value).map(BigDecimal::intValue).filter(n -> n >= 0).orElse(0);
  }

  private static Optional<BigDecimal> number(JsonValue value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof JsonNumber n) {
      return Optional.of(n.bigDecimalValue());
    }
    if (value instanceof JsonString s) {
      try {
        return Optional.of(new BigDecimal(s.getString().trim().replace(',', '.')));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String keywords(JsonValue value) {
    if (value instanceof JsonString s) {
      return clean(s.getString());
    }
    if (value instanceof JsonArray a) {
      List<String> words = new ArrayList<>();
      for (JsonValue v : a) {
        if (v instanceof JsonString s && clean(s.getString()) != null) {
          words.add(clean(s.getString()));
        }
      }
      return words.isEmpty() ? null : String.join(", ", words);
    }
    return null;
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    for (DateTimeFormatter f :
        List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"))) {
      try {
        return LocalDate.parse(
            text.length() > 10 && text.charAt(4) == '-' ? text.substring(0, 10) : text, f);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  private static List<String> names(JsonObject o, String listKey, String nameKey) {
    return objects(o, listKey).stream().map(x -> text(x, nameKey)).filter(n -> n != null).toList();
  }

  private static List<JsonObject> objects(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (!(v instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream()
        .filter(x -> x.getValueType() == JsonValue.ValueType.OBJECT)
        .map(JsonValue::asJsonObject)
        .toList();
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s) {
      return clean(s.getString());
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String cleaned = s.replace("\u0000", "").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
