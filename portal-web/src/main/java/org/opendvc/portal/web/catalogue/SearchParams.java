package org.opendvc.portal.web.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opendvc.portal.catalogue.OnlineLevel;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.web.shared.PageLinks;

/**
 * The search as its address spells it: {@code ?q=&level=&tier=&agency=&field=&page=}, page counted
 * from 1 as people count. Parsing never fails: a value that means nothing (level=abc, page=-1,
 * tier=xyz) is dropped and a {@link Notice} says so politely.
 */
public record SearchParams(
    String q, Integer level, Tier tier, String agency, String field, int page) {

  public static final int MAX_TEXT = 200;

  /** Deeper pages cost memory in the index for no one's benefit; 20 a page, 10,000 results. */
  public static final int MAX_PAGE = 500;

  /** A polite word about a parameter that was ignored or cut: a message key and its values. */
  public record Notice(String key, List<String> args) {
    public Notice {
      args = List.copyOf(args);
    }
  }

  /** The parameters and what was wrong with them. */
  public record Parsed(SearchParams params, List<Notice> notices) {
    public Parsed {
      notices = List.copyOf(notices);
    }
  }

  public SearchParams {
    q = q == null ? "" : q.strip();
    agency = agency == null || agency.isBlank() ? null : agency.strip();
    field = field == null || field.isBlank() ? null : field.strip();
    page = Math.max(1, page);
  }

  public static SearchParams empty() {
    return new SearchParams("", null, null, null, null, 1);
  }

  /** Reads the parameters from a lookup such as {@code request::getParameter}. */
  public static Parsed parse(Function<String, String> param) {
    List<Notice> notices = new ArrayList<>();
    String q = Optional.ofNullable(param.apply("q")).orElse("").strip().replaceAll("\\s+", " ");
    if (q.length() > MAX_TEXT) {
      q = q.substring(0, MAX_TEXT);
      notices.add(new Notice("notice.textCut", List.of(String.valueOf(MAX_TEXT))));
    }
    Integer level = null;
    String levelText = blankToNull(param.apply("level"));
    if (levelText != null) {
      Optional<OnlineLevel> parsed = parseInt(levelText).flatMap(OnlineLevel::of);
      if (parsed.isPresent()) {
        level = parsed.get().number();
      } else {
        notices.add(new Notice("notice.levelIgnored", List.of(shorten(levelText))));
      }
    }
    Tier tier = null;
    String tierText = blankToNull(param.apply("tier"));
    if (tierText != null) {
      Optional<Tier> parsed = Tier.fromKey(tierText);
      if (parsed.isPresent()) {
        tier = parsed.get();
      } else {
        notices.add(new Notice("notice.tierIgnored", List.of(shorten(tierText))));
      }
    }
    String agency = blankToNull(param.apply("agency"));
    if (agency != null && agency.length() > 40) {
      notices.add(new Notice("notice.agencyUnknown", List.of(shorten(agency))));
      agency = null;
    }
    String field = blankToNull(param.apply("field"));
    if (field != null && field.length() > 255) {
      field = null;
    }
    int page = 1;
    String pageText = blankToNull(param.apply("page"));
    if (pageText != null) {
      Optional<Integer> parsed = parseInt(pageText);
      if (parsed.isPresent() && parsed.get() >= 1 && parsed.get() <= MAX_PAGE) {
        page = parsed.get();
      } else if (parsed.isPresent() && parsed.get() == 0) {
        page = 1; // the API counts pages from 0; here 0 simply means the first page
      } else {
        notices.add(new Notice("notice.pageIgnored", List.of(shorten(pageText))));
      }
    }
    return new Parsed(new SearchParams(q, level, tier, agency, field, page), notices);
  }

  public boolean hasText() {
    return !q.isEmpty();
  }

  public boolean hasFilters() {
    return level != null || tier != null || agency != null || field != null;
  }

  public SearchParams withLevel(Integer newLevel) {
    return new SearchParams(q, newLevel, tier, agency, field, 1);
  }

  public SearchParams withTier(Tier newTier) {
    return new SearchParams(q, level, newTier, agency, field, 1);
  }

  public SearchParams withAgency(String newAgency) {
    return new SearchParams(q, level, tier, newAgency, field, 1);
  }

  public SearchParams withField(String newField) {
    return new SearchParams(q, level, tier, agency, newField, 1);
  }

  public SearchParams withText(String newText) {
    return new SearchParams(newText, level, tier, agency, field, 1);
  }

  public SearchParams withPage(int newPage) {
    return new SearchParams(q, level, tier, agency, field, newPage);
  }

  /** The address of this search under {@code path}: only the parameters that are set. */
  public String url(String path) {
    StringBuilder s = new StringBuilder();
    add(s, "q", q.isEmpty() ? null : q);
    add(s, "level", level == null ? null : level.toString());
    add(s, "tier", tier == null ? null : tier.key());
    add(s, "agency", agency);
    add(s, "field", field);
    add(s, "page", page == 1 ? null : Integer.toString(page));
    return s.length() == 0 ? path : path + "?" + s;
  }

  private static void add(StringBuilder s, String name, String value) {
    if (value == null) {
      return;
    }
    s.append(s.length() == 0 ? "" : "&")
        .append(name)
        .append('=')
        .append(PageLinks.encodeParam(value));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
