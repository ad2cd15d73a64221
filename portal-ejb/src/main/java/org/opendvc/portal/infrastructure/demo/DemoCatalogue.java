package org.opendvc.portal.infrastructure.demo;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.catalogue.Tier;

/**
 * The demo catalogue: reads the compact table {@code /demo/procedures.txt} (format described at its
 * top) and turns each row into a complete record in the national feed's shape (docs/domain.md §1),
 * so that the demo goes through the same import as real data. Codes are {@code 9.0FFNNN} (field FF,
 * row NNN): no national procedure code starts with 9.
 */
final class DemoCatalogue {

  static final String RESOURCE = "/demo/procedures.txt";

  /** The procedure type the national feed gives most procedures. */
  static final String PROCEDURE_TYPE =
      "TTHC không được luật giao cho địa phương quy định hoặc quy định chi tiết";

  /** One factory: {@code Json.createObjectBuilder()} looks the provider up on every call. */
  private static final JsonBuilderFactory JSON =
      org.opendvc.portal.shared.JsonProviders.JSON.createBuilderFactory(Map.of());

  private static final Tier[] TIER_ORDER = {Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE};

  private DemoCatalogue() {}

  /** The demo procedures, in table order. */
  static List<DemoProcedure> load() {
    InputStream in = DemoCatalogue.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<DemoProcedure> parse(Reader reader) throws IOException {
    List<DemoProcedure> procedures = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String fieldName = null;
    Map<String, List<String>> settings = new LinkedHashMap<>();
    DemoField field = null;
    int fieldNumber = 0;
    int row = 0;
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        if (line.startsWith("== ")) {
          fieldName = line.substring(3).strip();
          settings = new LinkedHashMap<>();
          field = null;
          fieldNumber++;
          row = 0;
        } else if (line.matches("^[PDC]+ \\|.*")) {
          if (fieldName == null) {
            throw new IllegalArgumentException("procedure before the first field");
          }
          if (field == null) {
            field = field(fieldNumber, fieldName, settings);
          }
          row++;
          procedures.add(procedure(String.format("9.0%02d%03d", fieldNumber, row), field, line));
        } else {
          int colon = line.indexOf(':');
          if (colon < 1 || field != null) {
            throw new IllegalArgumentException("expected a setting or a procedure");
          }
          settings
              .computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
              .add(line.substring(colon + 1).strip());
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
    return procedures;
  }

  private static DemoField field(int number, String name, Map<String, List<String>> settings) {
    List<DemoField.Law> laws = new ArrayList<>();
    for (String law : settings.getOrDefault("law", List.of())) {
      String[] parts = cells(law, 2);
      laws.add(new DemoField.Law(parts[0], parts[1]));
    }
    List<DemoField.Paper> papers = new ArrayList<>();
    for (String paper : settings.getOrDefault("document", List.of())) {
      String[] parts = cells(paper, 3);
      papers.add(
          new DemoField.Paper(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    }
    return new DemoField(
        number,
        name,
        one(settings, "department"),
        one(settings, "agency"),
        one(settings, "ministry"),
        split(one(settings, "subjects"), ";"),
        one(settings, "form"),
        one(settings, "fee"),
        laws,
        papers,
        one(settings, "requirement"),
        split(one(settings, "keywords"), ","));
  }

  private static DemoProcedure procedure(String code, DemoField field, String line) {
    String[] cells = line.split("\\|", -1);
    if (cells.length != 6 && cells.length != 7) {
      throw new IllegalArgumentException("expected 6 or 7 cells, found " + cells.length);
    }
    Set<Tier> tiers = EnumSet.noneOf(Tier.class);
    for (char c : cells[0].strip().toCharArray()) {
      tiers.add(
          switch (c) {
            case 'P' -> Tier.PROVINCE;
            case 'D' -> Tier.DISTRICT;
            case 'C' -> Tier.COMMUNE;
            default -> throw new IllegalArgumentException("unknown tier " + c);
          });
    }
    String limit = cells[1].strip();
    int amount = Integer.parseInt(limit.substring(0, limit.length() - 1));
    TimeUnit unit =
        switch (limit.charAt(limit.length() - 1)) {
          case 'd' -> TimeUnit.WORKING_DAYS;
          case 'c' -> TimeUnit.DAYS;
          case 'h' -> TimeUnit.WORKING_HOURS;
          case 'm' -> TimeUnit.MONTHS;
          default -> throw new IllegalArgumentException("unknown time unit in " + limit);
        };
    long fee = Long.parseLong(cells[2].strip());
    int level = Integer.parseInt(cells[3].strip());
    if (level < 2 || level > 4) {
      throw new IllegalArgumentException("level must be 2, 3 or 4");
    }
    String name = cells[4].strip();
    List<String> results = split(cells[5], ";");
    List<DemoField.Paper> extra = new ArrayList<>();
    if (cells.length == 7) {
      for (String paper : split(cells[6], ";")) {
        extra.add(
            paper.endsWith("*")
                ? new DemoField.Paper(paper.substring(0, paper.length() - 1).strip(), 0, 1)
                : new DemoField.Paper(paper, 1, 0));
      }
    }
    if (name.isEmpty() || results.isEmpty()) {
      throw new IllegalArgumentException("name and result are required");
    }
    return new DemoProcedure(code, field, tiers, amount, unit, fee, level, name, results, extra);
  }

  // ---------------------------------------------------------------- national feed record

  /** The procedure as one record of the national feed, every field of Decree 63/2010 filled. */
  static JsonObject toFeedRecord(DemoProcedure p) {
    DemoField f = p.field();
    List<Tier> tiers = Arrays.stream(TIER_ORDER).filter(p.tiers()::contains).toList();
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("MATTHC", p.code())
            .add("TENTTHC", p.name())
            .add("MUCDO", p.level())
            .add("LOAITTHC", PROCEDURE_TYPE)
            .add(
                "LINHVUCTHUCHIEN",
                JSON.createArrayBuilder()
                    .add(
                        JSON.createObjectBuilder()
                            .add("MALINHVUC", String.format("LV9%02d", f.number()))
                            .add("TENLINHVUC", f.name())))
            .add(
                "CAPTHUCHIEN", list(tiers.stream().map(DemoCatalogue::tierName).toList(), "TENCAP"))
            .add("TRINHTUTHUCHIEN", steps(p, tiers))
            .add("CACHTHUCTHUCHIEN", channels(p))
            .add(
                "THANHPHANHOSO",
                JSON.createArrayBuilder()
                    .add(
                        JSON.createObjectBuilder()
                            .add("TRUONGHOP", "Thành phần hồ sơ")
                            .add("GIAYTO", papers(p))))
            .add("DOITUONGTHUCHIEN", list(f.subjects(), "TENDOITUONG"))
            .add(
                "COQUANTHUCHIEN",
                list(tiers.stream().map(t -> implementing(f, t)).toList(), "TENDONVI"))
            .add(
                "COQUANCOTHAMQUYEN",
                list(tiers.stream().map(t -> competent(f, t)).toList(), "TENDONVI"))
            .add(
                "COQUANPHOIHOP", list(tiers.stream().map(DemoCatalogue::desk).toList(), "TENDONVI"))
            .add("KETQUATHUCHIEN", list(p.results(), "TENKETQUA"))
            .add("CANCUPHAPLY", laws(f))
            .add("YEUCAU", f.requirement())
            .add("TUKHOA", keywords(p))
            .add("MOTA", description(p, tiers))
            .add("SOQUYETDINH", String.format("%d/QĐ-%s", 900 + f.number(), f.ministry()))
            .add("NGAYQUYETDINH", decisionDate(f).toString());
    return o.build();
  }

  /** Deterministic, spread over 2024 so that fields differ. */
  static LocalDate decisionDate(DemoField f) {
    return LocalDate.of(2024, 1, 8).plusDays(6L * f.number());
  }

  static String tierName(Tier tier) {
    return switch (tier) {
      case PROVINCE -> "Cấp Tỉnh";
      case DISTRICT -> "Cấp Huyện";
      case COMMUNE -> "Cấp Xã";
      default -> throw new IllegalArgumentException(tier.name());
    };
  }

  private static String implementing(DemoField f, Tier tier) {
    return switch (tier) {
      case PROVINCE -> f.agency();
      case DISTRICT -> "Ủy ban nhân dân cấp huyện";
      default -> "Ủy ban nhân dân cấp xã";
    };
  }

  private static String competent(DemoField f, Tier tier) {
    return switch (tier) {
      case PROVINCE -> f.agency();
      case DISTRICT -> "Chủ tịch Ủy ban nhân dân cấp huyện";
      default -> "Chủ tịch Ủy ban nhân dân cấp xã";
    };
  }

  private static String desk(Tier tier) {
    return switch (tier) {
      case PROVINCE -> "Trung tâm Phục vụ hành chính công tỉnh";
      case DISTRICT -> "Bộ phận Một cửa cấp huyện";
      default -> "Bộ phận Một cửa cấp xã";
    };
  }

  private static boolean online(DemoProcedure p) {
    return p.level() >= 3;
  }

  /** Counter services measured in hours are in person only; everything else may come by post. */
  private static boolean postal(DemoProcedure p) {
    return p.timeUnit() != TimeUnit.WORKING_HOURS;
  }

  private static JsonArrayBuilder steps(DemoProcedure p, List<Tier> tiers) {
    String agencies =
        String.join(" hoặc ", tiers.stream().map(t -> implementing(p.field(), t)).toList());
    String submit =
        "trực tiếp tại Bộ phận Một cửa của "
            + agencies
            + (online(p) && postal(p)
                ? ", qua dịch vụ bưu chính công ích hoặc trực tuyến trên" + " Cổng Dịch vụ công"
                : online(p)
                    ? " hoặc trực tuyến trên Cổng Dịch vụ công"
                    : postal(p) ? " hoặc qua dịch vụ bưu chính công ích" : "");
    String result = lowerFirst(p.results().get(0));
    List<String> steps =
        List.of(
            "Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ đầy đủ theo quy định và nộp " + submit + ".",
            "Bước 2: Công chức tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì"
                + " lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hồ sơ chưa đầy đủ thì hướng dẫn bổ"
                + " sung một lần bằng Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.",
            "Bước 3: "
                + agencies
                + " xem xét, giải quyết hồ sơ"
                + (p.fee() > 0 ? " và thu " + lowerFirst(p.field().feeName()) : "")
                + "; trường hợp không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý do.",
            "Bước 4: Trả kết quả ("
                + result
                + ") tại Bộ phận Một cửa"
                + (p.level() == 4
                    ? ", qua dịch vụ bưu chính công ích hoặc bản điện tử trên Cổng"
                        + " Dịch vụ công"
                    : postal(p) ? " hoặc qua dịch vụ bưu chính công ích" : "")
                + ".");
    JsonArrayBuilder names = JSON.createArrayBuilder();
    steps.forEach(s -> names.add(JSON.createObjectBuilder().add("TENTRINHTU", s)));
    return JSON.createArrayBuilder()
        .add(
            JSON.createObjectBuilder()
                .add("TRUONGHOP", "Trình tự thực hiện")
                .add("TRINHTU", names));
  }

  private static JsonArrayBuilder channels(DemoProcedure p) {
    JsonArrayBuilder channels = JSON.createArrayBuilder();
    channels.add(channel(p, 1, false));
    if (online(p)) {
      channels.add(channel(p, 2, true));
    }
    if (postal(p)) {
      channels.add(channel(p, 3, false));
    }
    return channels;
  }

  /** One channel; fees are halved online, as provinces encourage online filing. */
  private static JsonObjectBuilder channel(DemoProcedure p, int kenh, boolean online) {
    JsonObjectBuilder fee = JSON.createObjectBuilder().add("DONVI", "Đồng");
    if (p.fee() == 0) {
      fee.add("SOTIEN", 0).add("MOTA", "Không thu phí, lệ phí");
    } else if (online) {
      fee.add("SOTIEN", p.fee() / 2)
          .add("MOTA", p.field().feeName() + " (giảm 50% khi nộp hồ sơ trực tuyến)");
    } else {
      fee.add("SOTIEN", p.fee()).add("MOTA", p.field().feeName());
    }
    return JSON.createObjectBuilder()
        .add("KENH", kenh)
        .add(
            "THOIGIAN",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("THOIGIANGIAIQUYET", p.timeLimit())
                        .add("DONVITINH", unitName(p.timeUnit()))
                        .add("MOTA", timeText(p))
                        .add("PHILEPHI", JSON.createArrayBuilder().add(fee))));
  }

  static String unitName(TimeUnit unit) {
    return switch (unit) {
      case WORKING_DAYS -> "Ngày làm việc";
      case DAYS -> "Ngày";
      case WORKING_HOURS -> "Giờ";
      case MONTHS -> "Tháng";
      default -> throw new IllegalArgumentException(unit.name());
    };
  }

  private static String timeText(DemoProcedure p) {
    String amount =
        String.format("%02d %s", p.timeLimit(), unitName(p.timeUnit()).toLowerCase(Locale.ROOT));
    if (p.timeUnit() == TimeUnit.WORKING_HOURS) {
      return "Trong "
          + amount
          + " làm việc kể từ khi nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau 15 giờ"
          + " thì trả kết quả trong ngày làm việc tiếp theo.";
    }
    return amount + " kể từ ngày nhận đủ hồ sơ hợp lệ.";
  }

  private static JsonArrayBuilder papers(DemoProcedure p) {
    String form = p.field().form() + " " + lowerFirst(p.name());
    JsonArrayBuilder papers =
        JSON.createArrayBuilder()
            .add(
                JSON.createObjectBuilder()
                    .add("TENGIAYTO", form + " (theo mẫu)")
                    .add("TENMAUDON", "Mẫu số 01 - " + form)
                    .add("URL", formUrl(p))
                    .add("SOBANCHINH", 1)
                    .add("SOBANSAO", 0));
    for (DemoField.Paper paper : p.extraPapers()) {
      papers.add(paper(paper));
    }
    for (DemoField.Paper paper : p.field().papers()) {
      papers.add(paper(paper));
    }
    return papers;
  }

  /** Where the portal serves the main form, ready to print ({@code /forms/{code}/{n}}). */
  static String formUrl(DemoProcedure p) {
    return "/forms/" + p.code() + "/1";
  }

  private static JsonObjectBuilder paper(DemoField.Paper paper) {
    return JSON.createObjectBuilder()
        .add("TENGIAYTO", paper.name())
        .add("SOBANCHINH", paper.originals())
        .add("SOBANSAO", paper.copies());
  }

  private static JsonArrayBuilder laws(DemoField f) {
    JsonArrayBuilder laws = JSON.createArrayBuilder();
    for (DemoField.Law law : f.laws()) {
      laws.add(
          JSON.createObjectBuilder()
              .add("SOVANBAN", law.number())
              .add("TENVANBAN", legalTitle(law)));
    }
    return laws;
  }

  /** "Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP quy định chi tiết...". */
  static String legalTitle(DemoField.Law law) {
    for (String kind : List.of("Nghị định", "Thông tư", "Quyết định")) {
      if (law.title().startsWith(kind + " ")) {
        return kind + " số " + law.number() + law.title().substring(kind.length());
      }
    }
    return law.title() + " số " + law.number();
  }

  private static JsonArrayBuilder keywords(DemoProcedure p) {
    JsonArrayBuilder words = JSON.createArrayBuilder();
    p.field().keywords().forEach(words::add);
    return words;
  }

  private static String description(DemoProcedure p, List<Tier> tiers) {
    return p.name()
        + ": thủ tục minh họa trong dữ liệu mẫu của cổng (không phải thủ tục được"
        + " công bố). Lĩnh vực "
        + p.field().name()
        + "; thực hiện tại "
        + String.join(", ", tiers.stream().map(t -> tierName(t).toLowerCase(Locale.ROOT)).toList())
        + "; thời hạn giải quyết "
        + String.format("%02d %s", p.timeLimit(), unitName(p.timeUnit()).toLowerCase(Locale.ROOT))
        + ".";
  }

  private static JsonArrayBuilder list(List<String> names, String key) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    names.forEach(n -> array.add(JSON.createObjectBuilder().add(key, n)));
    return array;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static String one(Map<String, List<String>> settings, String key) {
    List<String> values = settings.get(key);
    if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
      throw new IllegalArgumentException("the field needs exactly one '" + key + "'");
    }
    return values.get(0);
  }

  private static List<String> split(String text, String separator) {
    return Arrays.stream(text.split(java.util.regex.Pattern.quote(separator)))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String[] cells(String text, int count) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != count) {
      throw new IllegalArgumentException("expected " + count + " cells in '" + text + "'");
    }
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }
}
