package org.opendvc.portal.web.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.publication.AgencyChoice;
import org.opendvc.portal.publication.FieldChoice;
import org.opendvc.portal.publication.PublishedResult;
import org.opendvc.portal.publication.ResultPage;
import org.opendvc.portal.publication.ResultQuery;
import org.opendvc.portal.publication.ResultsBoard;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.TextFolding;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageLinks;
import org.opendvc.portal.web.shared.PageText;

/**
 * The results board, {@code /results?agency=&field=&level=&timeliness=&from=&to=&page=}: a GET
 * form, so every selection is a bookmark and works without script; pages counted from 1. A value
 * that means nothing is left out with a notice saying why, never an error page. The parameters are
 * the page's {@code <f:viewParam>}s, kept as typed in {@link #getAsked()} and read by {@link
 * ResultQuery#read}.
 */
@Named
@RequestScoped
public class ResultsBoardPage {

  static final String PATH = "/results";

  @Inject private ResultsBoard board;
  @Inject private LanguageView language;
  @Inject private PageText text;
  @Inject private PageLinks links;

  /** The parameters as typed, by name; bound from the request by the page's viewParams. */
  private final Map<String, String> asked = new LinkedHashMap<>();

  private ResultQuery query;
  private ResultPage result;
  private final List<String> notices = new ArrayList<>();
  private String agencyName;

  /** One row of the table, formatted. */
  public record Row(
      String code,
      String procedure,
      String procedureCode,
      String field,
      String level,
      String agency,
      String receivingAgency,
      String applicant,
      String receivedAt,
      String receivedIso,
      String dueAt,
      String dueIso,
      String finishedAt,
      String finishedIso,
      String timelinessKey,
      String timeliness) {}

  /** A choice of a select: value, label, and whether it is the current one. */
  public record Option(String value, String label, boolean selected) {}

  /** A link of the pager; a null number is a gap. */
  public record PageLink(Integer number, String url, boolean current) {}

  public void load() {
    Map<String, String> params = new LinkedHashMap<>(asked);
    params.put("page", pageParam(asked.get("page")));
    ResultQuery.Parsed parsed = ResultQuery.read(params::get);
    parsed.problems().forEach(this::notice);
    query = parsed.query();
    try {
      result = board.find(query);
    } catch (InvalidInputException unknown) {
      // an agency or field that does not exist: say so, and show the board without it
      unknown.problems().forEach(this::notice);
      Set<String> bad = Set.copyOf(unknown.problems().stream().map(FieldProblem::field).toList());
      query =
          query
              .withAgency(bad.contains("agency") ? null : query.agency())
              .withField(bad.contains("field") ? null : query.field());
      result = board.find(query);
    }
    if (query.agency() != null) {
      agencyName = board.agencyNamed(query.agency()).map(AgencyChoice::name).orElse(null);
    }
    if (result.items().isEmpty() && query.page() > 0 && result.total() > 0) {
      notice(new FieldProblem("page", "board.pastTheEnd", query.page() + 1));
      query = query.withPage(0);
      result = board.find(query);
    }
  }

  /** The page as people count it (from 1) turned into the board's (from 0). */
  private String pageParam(String value) {
    String page = Formats.trim(value);
    if (page == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(page);
      if (n >= 1) {
        return String.valueOf(n - 1);
      }
    } catch (NumberFormatException e) {
      // below
    }
    notices.add(
        text.format("notice.pageIgnored", page.length() > 20 ? page.substring(0, 20) + "…" : page));
    return null;
  }

  private void notice(FieldProblem p) {
    String message =
        p.messageKey().startsWith("board.")
            ? text.format(p.messageKey(), p.args())
            : Messages.get(locale(), p.messageKey(), p.args());
    notices.add(message);
  }

  private Locale locale() {
    return language.getLocale();
  }

  /** The page's parameters as typed, by name; the absent ones are not there. */
  public Map<String, String> getAsked() {
    return asked;
  }

  // --- what the page shows ---

  public List<String> getNotices() {
    return notices;
  }

  public List<Row> getRows() {
    return result.items().stream().map(this::row).toList();
  }

  private Row row(PublishedResult r) {
    return new Row(
        r.code(),
        r.procedureName(),
        r.procedureCode(),
        r.field(),
        r.level() == null ? null : Messages.get(locale(), "level." + r.level()),
        r.agencyName(),
        r.receivingAgencyName(),
        r.applicant().isEmpty() ? "–" : r.applicant(),
        Formats.when(r.receivedAt()),
        Formats.iso(r.receivedAt()),
        Formats.when(r.dueAt()),
        Formats.iso(r.dueAt()),
        Formats.when(r.finishedAt()),
        Formats.iso(r.finishedAt()),
        r.timeliness().name(),
        Messages.get(locale(), "timeliness." + r.timeliness().name()));
  }

  public boolean isNothingFound() {
    return result.items().isEmpty();
  }

  /** "2,412 dossiers; showing 1–20" or "More than 10,000 ...". */
  public String getCount() {
    int first = query.offset() + 1;
    int last = query.offset() + result.items().size();
    return text.format(
        result.totalCapped() ? "board.countCapped" : "board.count", result.total(), first, last);
  }

  public boolean isFiltered() {
    return query.agency() != null
        || query.field() != null
        || query.level() != null
        || query.timeliness() != null
        || query.from() != null
        || query.to() != null;
  }

  public String getAgencyName() {
    return agencyName;
  }

  public String getAgency() {
    return query.agency();
  }

  public String getFrom() {
    return query.from() == null ? "" : query.from().toString();
  }

  public String getTo() {
    return query.to() == null ? "" : query.to().toString();
  }

  /** Every agency in tree order, indented by depth. */
  public List<Option> getAgencies() {
    List<Option> out = new ArrayList<>();
    for (AgencyChoice a : board.agencies()) {
      out.add(
          new Option(
              a.code(),
              "\u00a0\u00a0\u00a0".repeat(a.depth()) + a.name(),
              a.code().equals(query.agency())));
    }
    return out;
  }

  public List<Option> getFields() {
    String selected = query.field() == null ? null : TextFolding.slug(query.field());
    List<Option> out = new ArrayList<>();
    for (FieldChoice f : board.fields()) {
      out.add(new Option(f.code(), f.name(), f.code().equals(selected)));
    }
    return out;
  }

  public List<Option> getLevels() {
    List<Option> out = new ArrayList<>();
    for (OnlineLevel l : OnlineLevel.values()) {
      out.add(
          new Option(
              String.valueOf(l.number()),
              Messages.get(locale(), l.messageKey())
                  + " ("
                  + Messages.get(locale(), l.decree42MessageKey())
                  + ")",
              query.level() != null && query.level() == l.number()));
    }
    return out;
  }

  public List<Option> getTimelinessChoices() {
    List<Option> out = new ArrayList<>();
    for (Timeliness t : List.of(Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)) {
      out.add(
          new Option(
              t.name(), Messages.get(locale(), "timeliness." + t.name()), t == query.timeliness()));
    }
    return out;
  }

  /** The Atom feed of the chosen agency, or null without one. */
  public String getFeedUrl() {
    return query.agency() == null
        ? null
        : links.path("/api/v1/results/feed.atom?agency=" + PageLinks.encodeParam(query.agency()));
  }

  public String getClearUrl() {
    return links.path(PATH);
  }

  // --- paging ---

  public boolean isPaged() {
    return result.pageCount() > 1;
  }

  public String getPreviousUrl() {
    return query.page() > 0 ? url(query.page() - 1) : null;
  }

  public String getNextUrl() {
    return query.page() + 1 < result.pageCount() ? url(query.page() + 1) : null;
  }

  public List<PageLink> getPages() {
    int count = result.pageCount();
    int current = query.page() + 1;
    List<PageLink> out = new ArrayList<>();
    boolean gap = false;
    for (int i = 1; i <= count; i++) {
      if (i <= 1 || i >= count || Math.abs(i - current) <= 2) {
        out.add(new PageLink(i, url(i - 1), i == current));
        gap = false;
      } else if (!gap) {
        out.add(new PageLink(null, null, false));
        gap = true;
      }
    }
    return out;
  }

  /** The address of this selection at a page (from 0). */
  private String url(int page) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("agency", query.agency());
    params.put("field", query.field());
    params.put("level", query.level() == null ? null : query.level().toString());
    params.put("timeliness", Optional.ofNullable(query.timeliness()).map(Enum::name).orElse(null));
    params.put("from", query.from() == null ? null : query.from().toString());
    params.put("to", query.to() == null ? null : query.to().toString());
    params.put("page", page == 0 ? null : String.valueOf(page + 1));
    StringBuilder s = new StringBuilder(links.path(PATH));
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() != null) {
        s.append(sep).append(e.getKey()).append('=').append(PageLinks.encodeParam(e.getValue()));
        sep = '&';
      }
    }
    return s.toString();
  }

  /** The window title, with the page number after the first page. */
  public String getWindowTitle() {
    return query.page() > 0
        ? text.get("board.title") + " – " + text.format("pager.pageOf", query.page() + 1)
        : text.get("board.title");
  }
}
