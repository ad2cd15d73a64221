package org.opendvc.portal.web.catalogue;

import java.math.BigDecimal;
import java.net.URI;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureDetails.TimeUnit;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * A procedure as its page prints it: every field of Decree 63/2010 Art. 8, formatted, with the
 * agencies that offer it. Empty parts are empty lists or null, so the page leaves them out.
 */
public final class ProcedureSheet {

  /** Steps of one case; {@code numbered} when their text already numbers them ("Bước 1: ..."). */
  public record Steps(String caseName, List<String> steps, boolean numbered) {}

  private static final Pattern STEP_NUMBER =
      Pattern.compile("^\\s*(buoc\\s*\\d+|b\\d+\\b|\\d+\\s*[.):]).*", Pattern.DOTALL);

  /** Whether every step starts with its own number, so the list must not number them again. */
  static boolean numberedInText(List<String> steps) {
    return !steps.isEmpty()
        && steps.stream().allMatch(st -> STEP_NUMBER.matcher(TextFolding.fold(st)).matches());
  }

  public record ChannelRow(String channel, List<TimeLimitRow> timeLimits) {}

  /**
   * A time limit: the figure and unit once, then the source's own text only where it says more than
   * the figure ({@code note}, e.g. "kể từ ngày nhận đủ hồ sơ hợp lệ").
   */
  public record TimeLimitRow(String duration, String note, List<String> fees) {}

  /**
   * One line of the page's summary of how long or how much: {@code channels} names the ways of
   * filing it holds for, or is null when it holds for all of them.
   */
  public record Essential(String channels, String value, String note) {}

  public record Components(String caseName, List<DocumentRow> documents) {}

  /** A paper of the dossier; {@code formUrl} only when it is a web address that is safe to link. */
  public record DocumentRow(
      String name, String formName, String formUrl, int originals, int copies) {}

  public record LegalRow(String number, String title) {}

  public record OfferingRow(
      String agencyCode,
      String agencyName,
      String agencyUrl,
      String tier,
      String level,
      int levelNumber) {}

  private final Procedure procedure;
  private final String fieldUrl;
  private final List<String> tiers;
  private final String nationalLevel;
  private final String decisionDate;
  private final List<Steps> steps;
  private final List<ChannelRow> channels;
  private final List<Components> components;
  private final List<LegalRow> legalBases;
  private final List<OfferingRow> offerings;
  private final ProcedureDetails details;
  private final List<Essential> timeSummary;
  private final List<Essential> feeSummary;

  public ProcedureSheet(
      ProcedureView view, PageLinks links, CatalogueLabels labels, Collator collator) {
    procedure = view.procedure();
    details = procedure.details();
    fieldUrl =
        procedure
            .field()
            .map(
                f ->
                    SearchParams.empty()
                        .withField(TextFolding.slug(f.name()))
                        .url(links.getSearch()))
            .orElse(null);
    tiers = procedure.tiers().stream().sorted().map(labels::tier).toList();
    nationalLevel = labels.level(procedure.nationalLevel().number());
    decisionDate = procedure.decisionDate().map(labels::date).orElse(null);
    steps =
        details.steps().stream()
            .filter(g -> !g.steps().isEmpty())
            .map(
                g ->
                    new Steps(
                        caseName(g.caseName(), "procedure.steps", labels),
                        g.steps(),
                        numberedInText(g.steps())))
            .toList();
    channels =
        details.channels().stream()
            .map(
                c ->
                    new ChannelRow(
                        labels.channel(c.channel()),
                        c.timeLimits().stream()
                            .map(
                                t ->
                                    new TimeLimitRow(
                                        duration(t, labels),
                                        timeNote(t.description(), t.amount(), t.unit()),
                                        t.fees().stream()
                                            .map(f -> fee(f, labels))
                                            .filter(s -> !s.isBlank())
                                            .toList()))
                            .toList()))
            .toList();
    timeSummary =
        summary(
            channels,
            t ->
                t.duration().isEmpty() && t.note() == null
                    ? null
                    : new String[] {t.duration(), t.note()},
            labels);
    feeSummary =
        summary(
            channels,
            t -> t.fees().isEmpty() ? null : new String[] {String.join("; ", t.fees()), null},
            labels);
    components =
        details.components().stream()
            .filter(g -> !g.documents().isEmpty())
            .map(
                g ->
                    new Components(
                        caseName(g.caseName(), "procedure.components", labels),
                        g.documents().stream()
                            .map(
                                d ->
                                    new DocumentRow(
                                        d.name(),
                                        blankToNull(d.formName()),
                                        safeUrl(d.formUrl()),
                                        d.originals(),
                                        d.copies()))
                            .toList()))
            .toList();
    legalBases =
        details.legalBases().stream()
            .map(l -> new LegalRow(blankToNull(l.number()), blankToNull(l.title())))
            .toList();
    offerings =
        view.offerings().stream()
            .sorted(
                Comparator.comparing((Offering o) -> o.agency().tier())
                    .thenComparing(o -> o.agency().name(), collator))
            .map(
                o ->
                    new OfferingRow(
                        o.agency().code(),
                        o.agency().name(),
                        links.agency(o.agency().code()),
                        labels.tier(o.agency().tier()),
                        labels.level(o.level().number()),
                        o.level().number()))
            .toList();
  }

  /**
   * How long or how much, once: a value that every way of filing shares is one line without channel
   * names; otherwise one line per distinct value, naming the channels it holds for.
   */
  private static List<Essential> summary(
      List<ChannelRow> channels, Function<TimeLimitRow, String[]> value, CatalogueLabels labels) {
    Map<List<String>, List<String>> channelsByValue = new LinkedHashMap<>();
    for (ChannelRow c : channels) {
      for (TimeLimitRow t : c.timeLimits()) {
        String[] v = value.apply(t);
        if (v != null) {
          List<String> names =
              channelsByValue.computeIfAbsent(Arrays.asList(v[0], v[1]), k -> new ArrayList<>());
          if (!names.contains(c.channel())) {
            names.add(c.channel());
          }
        }
      }
    }
    if (channelsByValue.size() == 1) {
      List<String> v = channelsByValue.keySet().iterator().next();
      return List.of(new Essential(null, v.get(0), v.get(1)));
    }
    List<Essential> out = new ArrayList<>();
    channelsByValue.forEach(
        (v, names) -> out.add(new Essential(String.join(", ", names), v.get(0), v.get(1))));
    return out;
  }

  /**
   * A group's case name ("Trường hợp...") for a sub-heading, or null when there is none or it only
   * repeats the section's own heading (the national feed often names the single group "Thành phần
   * hồ sơ" under the heading "Thành phần hồ sơ").
   */
  static String caseName(String caseName, String headingKey, CatalogueLabels labels) {
    String name = blankToNull(caseName);
    if (name == null) {
      return null;
    }
    String folded = TextFolding.fold(name).replaceAll("[^a-z0-9]+", " ").strip();
    String heading =
        TextFolding.fold(labels.text(headingKey)).replaceAll("[^a-z0-9]+", " ").strip();
    return folded.equals(heading) || GENERIC_CASE_NAMES.contains(folded) ? null : name;
  }

  private static final Set<String> GENERIC_CASE_NAMES =
      Set.of(
          "thanh phan ho so",
          "trinh tu thuc hien",
          "ho so gom",
          "thanh phan ho so gom",
          "truong hop chung",
          "chung");

  /** Words that restate a time limit's figure and unit, as the feed's descriptions write them. */
  private static final Set<String> RESTATING_WORDS =
      Set.of("ngay", "lam", "viec", "gio", "thang", "tuan", "nam", "phut");

  private static final Set<String> LEADING_WORDS =
      Set.of("trong", "khong", "qua", "toi", "da", "thoi", "han", "giai", "quyet", "la");

  /**
   * The part of a time limit's text that says more than its figure and unit, or null. The national
   * feed's descriptions mostly restate them ("01 ngày làm việc", "15 Ngày", "1 (không ghi đơn
   * vị)"), sometimes with more after ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"): the page
   * prints the figure once and only that "more". A text that does not start with the figure is kept
   * whole.
   */
  static String timeNote(String description, BigDecimal amount, ProcedureDetails.TimeUnit unit) {
    String text = blankToNull(description);
    if (text == null || amount == null) {
      return text;
    }
    List<int[]> tokens = new ArrayList<>();
    Matcher m = Pattern.compile("\\S+").matcher(text);
    while (m.find()) {
      tokens.add(new int[] {m.start(), m.end()});
    }
    int i = 0;
    while (i < tokens.size() && LEADING_WORDS.contains(word(text, tokens.get(i)))) {
      i++;
    }
    if (i >= tokens.size()
        || !sameNumber(text.substring(tokens.get(i)[0], tokens.get(i)[1]), amount)) {
      return text;
    }
    i++;
    int unitWords = 0;
    while (i < tokens.size()
        && RESTATING_WORDS.contains(word(text, tokens.get(i)))
        && unitWords < 3) {
      i++;
      unitWords++;
    }
    if (i + 3 < tokens.size()
        && String.join(
                " ",
                word(text, tokens.get(i)),
                word(text, tokens.get(i + 1)),
                word(text, tokens.get(i + 2)),
                word(text, tokens.get(i + 3)))
            .equals("khong ghi don vi")) {
      i += 4;
    }
    if (i >= tokens.size()) {
      return null;
    }
    String rest = text.substring(tokens.get(i)[0]).replaceFirst("^[\\s,;:.)\\-–—]+", "").strip();
    return rest.codePoints().anyMatch(Character::isLetterOrDigit) ? rest : null;
  }

  private static String word(String text, int[] token) {
    return TextFolding.fold(text.substring(token[0], token[1])).replaceAll("[^a-z0-9]", "");
  }

  /**
   * Whether a figure as the feed writes it ("01", "120,000", "1.5", "1.000") is the amount: with
   * the comma or point read as a decimal mark, or as a thousands separator.
   */
  static boolean sameNumber(String token, BigDecimal amount) {
    String figure = token.replaceAll("[^0-9.,]+$", "");
    if (figure.isEmpty() || !figure.matches("[0-9]+([.,][0-9]+)*")) {
      return false;
    }
    for (String reading : new String[] {figure.replace(',', '.'), figure.replaceAll("[.,]", "")}) {
      try {
        if (new BigDecimal(reading).compareTo(amount) == 0) {
          return true;
        }
      } catch (NumberFormatException e) {
        // "1.000.5": not this reading
      }
    }
    return false;
  }

  private static String duration(ProcedureDetails.TimeLimit t, CatalogueLabels labels) {
    if (t.amount() == null) {
      return "";
    }
    // "1 working day", not "1 working days"
    String unit =
        t.amount().compareTo(BigDecimal.ONE) == 0
            ? labels.text("unit.one." + (t.unit() == null ? TimeUnit.UNSPECIFIED : t.unit()).name())
            : labels.unit(t.unit());
    return labels.number(t.amount()) + " " + unit;
  }

  private static String fee(ProcedureDetails.Fee f, CatalogueLabels labels) {
    StringBuilder s = new StringBuilder();
    boolean described = f.description() != null && !f.description().isBlank();
    if (f.amount() != null && f.amount().signum() == 0) {
      // "0 đồng — Không thu phí, lệ phí" says it twice
      return described ? f.description().strip() : labels.text("procedure.free");
    }
    if (f.amount() != null) {
      s.append(labels.number(f.amount()))
          .append(' ')
          .append(
              f.currency() == null || f.currency().isBlank()
                  ? labels.text("procedure.currency")
                  : f.currency());
    }
    if (f.description() != null && !f.description().isBlank()) {
      s.append(s.length() > 0 ? " — " : "").append(f.description().strip());
    }
    return s.toString();
  }

  /**
   * An http(s) address or one on this site ({@code /forms/...}), or null: a form link must never
   * run script or leave the web.
   */
  static String safeUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String trimmed = url.strip();
    if (trimmed.matches("/[A-Za-z0-9][A-Za-z0-9._~/-]*")) {
      return trimmed;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? uri.toString()
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getCode() {
    return procedure.code();
  }

  public String getName() {
    return procedure.name();
  }

  public String getField() {
    return procedure.field().map(f -> f.name()).orElse(null);
  }

  public String getFieldUrl() {
    return fieldUrl;
  }

  public List<String> getTiers() {
    return tiers;
  }

  public String getNationalLevel() {
    return nationalLevel;
  }

  public String getProcedureType() {
    return blankToNull(procedure.procedureType());
  }

  public String getDescription() {
    return blankToNull(procedure.description());
  }

  public String getRequirements() {
    return blankToNull(procedure.requirements());
  }

  public String getKeywords() {
    return blankToNull(procedure.keywords());
  }

  public String getDecisionNo() {
    return blankToNull(procedure.decisionNo());
  }

  public String getDecisionDate() {
    return decisionDate;
  }

  public boolean isDecisionKnown() {
    return getDecisionNo() != null || decisionDate != null;
  }

  public List<Steps> getSteps() {
    return steps;
  }

  public List<ChannelRow> getChannels() {
    return channels;
  }

  public List<Components> getComponents() {
    return components;
  }

  public List<String> getSubjects() {
    return details.subjects();
  }

  public List<String> getImplementingAgencies() {
    return details.implementingAgencies();
  }

  public List<String> getCompetentAgencies() {
    return details.competentAgencies();
  }

  public List<String> getCoordinatingAgencies() {
    return details.coordinatingAgencies();
  }

  public boolean isAgenciesKnown() {
    return !getImplementingAgencies().isEmpty()
        || !getCompetentAgencies().isEmpty()
        || !getCoordinatingAgencies().isEmpty();
  }

  public List<String> getResults() {
    return details.results();
  }

  public List<LegalRow> getLegalBases() {
    return legalBases;
  }

  public List<Essential> getTimeSummary() {
    return timeSummary;
  }

  public List<Essential> getFeeSummary() {
    return feeSummary;
  }

  public List<OfferingRow> getOfferings() {
    return offerings;
  }
}
