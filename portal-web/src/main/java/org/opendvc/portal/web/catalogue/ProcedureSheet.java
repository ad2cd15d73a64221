package org.opendvc.portal.web.catalogue;

import java.net.URI;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * A procedure as its page prints it: every field of Decree 63/2010 Art. 8, formatted, with the
 * agencies that offer it. Empty parts are empty lists or null, so the page leaves them out.
 */
public final class ProcedureSheet {

  public record Steps(String caseName, List<String> steps) {}

  public record ChannelRow(String channel, List<TimeLimitRow> timeLimits) {}

  public record TimeLimitRow(String duration, String description, List<String> fees) {}

  public record Components(String caseName, List<DocumentRow> documents) {}

  /** A paper of the dossier; {@code formUrl} only when it is a web address that is safe to link. */
  public record DocumentRow(
      String name, String formName, String formUrl, int originals, int copies) {}

  public record LegalRow(String number, String title) {}

  public record OfferingRow(
      String agencyCode, String agencyName, String agencyUrl, String tier, String level,
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

  public ProcedureSheet(ProcedureView view, PageLinks links, CatalogueLabels labels,
      Collator collator) {
    procedure = view.procedure();
    details = procedure.details();
    fieldUrl = procedure.field()
        .map(f -> SearchParams.empty().withField(TextFolding.slug(f.name())).url(links.getSearch()))
        .orElse(null);
    tiers = procedure.tiers().stream().sorted().map(labels::tier).toList();
    nationalLevel = labels.level(procedure.nationalLevel().number());
    decisionDate = procedure.decisionDate().map(labels::date).orElse(null);
    steps = details.steps().stream()
        .filter(g -> !g.steps().isEmpty())
        .map(g -> new Steps(blankToNull(g.caseName()), g.steps())).toList();
    channels = details.channels().stream()
        .map(c -> new ChannelRow(labels.channel(c.channel()), c.timeLimits().stream()
            .map(t -> new TimeLimitRow(duration(t, labels), blankToNull(t.description()),
                t.fees().stream().map(f -> fee(f, labels)).filter(s -> !s.isBlank()).toList()))
            .toList()))
        .toList();
    components = details.components().stream()
        .filter(g -> !g.documents().isEmpty())
        .map(g -> new Components(blankToNull(g.caseName()), g.documents().stream()
            .map(d -> new DocumentRow(d.name(), blankToNull(d.formName()), safeUrl(d.formUrl()),
                d.originals(), d.copies()))
            .toList()))
        .toList();
    legalBases = details.legalBases().stream()
        .map(l -> new LegalRow(blankToNull(l.number()), blankToNull(l.title()))).toList();
    offerings = view.offerings().stream()
        .sorted(Comparator.comparing((Offering o) -> o.agency().tier())
            .thenComparing(o -> o.agency().name(), collator))
        .map(o -> new OfferingRow(o.agency().code(), o.agency().name(),
            links.agency(o.agency().code()), labels.tier(o.agency().tier()),
            labels.level(o.level().number()), o.level().number()))
        .toList();
  }

  private static String duration(ProcedureDetails.TimeLimit t, CatalogueLabels labels) {
    if (t.amount() == null) {
      return "";
    }
    return labels.number(t.amount()) + " " + labels.unit(t.unit());
  }

  private static String fee(ProcedureDetails.Fee f, CatalogueLabels labels) {
    StringBuilder s = new StringBuilder();
    if (f.amount() != null) {
      s.append(labels.number(f.amount())).append(' ')
          .append(f.currency() == null || f.currency().isBlank()
              ? labels.text("procedure.currency") : f.currency());
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
          ? uri.toString() : null;
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
    return !getImplementingAgencies().isEmpty() || !getCompetentAgencies().isEmpty()
        || !getCoordinatingAgencies().isEmpty();
  }

  public List<String> getResults() {
    return details.results();
  }

  public List<LegalRow> getLegalBases() {
    return legalBases;
  }

  public List<OfferingRow> getOfferings() {
    return offerings;
  }
}
