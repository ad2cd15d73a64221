package org.opendvc.portal.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.catalogue.search.SearchDictionary.Term;
import org.opendvc.portal.catalogue.search.SearchDictionaryStore;
import org.opendvc.portal.catalogue.search.SearchLog;
import org.opendvc.portal.catalogue.search.TermInput;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.Redirects;

/**
 * The search's words, {@code /admin/search}: the most frequent searches of the last days that found
 * nothing or whose results nobody opened, and the dictionary, with a form to add or change an entry
 * (the same checks as {@code POST /api/v1/search/dictionary}) and a button to delete one. Changes
 * take effect at the next search, on every node within seconds. The entry's fields and the delete
 * button are posted; {@code days}, {@code edit} and {@code saved} in the address are the page's
 * {@code <f:viewParam>}s.
 */
@Named
@RequestScoped
public class SearchAdminPage {

  /** One line of the log as the page shows it. */
  public record LogRow(String query, long searches, long withoutResult, String searchUrl) {}

  @Inject private SearchDictionaryStore store;
  @Inject private SearchLog log;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;

  private int days = 30;
  private List<LogRow> empty = List.of();
  private List<LogRow> unclicked = List.of();
  private List<Term> terms = List.of();
  private final List<String> errors = new ArrayList<>();
  private String id = "";
  private String kind = "SYNONYM";
  private String phrase = "";
  private String expansion = "";
  private String weight = "1";
  private String meaning = "";
  // bound from the request by the page's <f:viewParam>s
  private String daysParam;
  private String editParam;
  private String saved;

  public void load() {
    if ("7".equals(daysParam) || "90".equals(daysParam)) {
      days = Integer.parseInt(daysParam);
    }
    if (user.isTrustedPost()) {
      if (post()) {
        return;
      }
    } else if (editParam != null) {
      edit(editParam);
    }
    LocalDate to = SearchLog.today();
    LocalDate from = to.minusDays(days - 1L);
    empty = rows(log.report(from, to, true, 50));
    unclicked = rows(log.report(from, to, false, 50));
    terms = store.terms();
  }

  private List<LogRow> rows(List<SearchLog.LoggedQuery> found) {
    String base = request.getContextPath() + "/procedures?q=";
    return found.stream()
        .map(
            q ->
                new LogRow(
                    q.query(),
                    q.searches(),
                    q.emptySearches(),
                    base
                        + java.net.URLEncoder.encode(
                            q.query(), java.nio.charset.StandardCharsets.UTF_8)))
        .toList();
  }

  private void edit(String text) {
    try {
      Term t = store.term(Long.parseLong(text));
      id = Long.toString(t.id());
      kind = t.kind().name();
      phrase = t.phrase();
      expansion = String.join(" | ", t.expansions());
      weight = Double.toString(t.weight());
      meaning = t.meaning();
    } catch (NumberFormatException | NotFoundException e) {
      errors.add(Messages.get(locale(), "searchTerm.notFound", text));
    }
  }

  /** Saves or deletes; true when answered with a redirect. */
  private boolean post() {
    String delete = request.getParameter("delete");
    try {
      if (delete != null) {
        store.deleteTerm(Long.parseLong(delete));
        Redirects.seeOther("/admin/search?saved=deleted");
        return true;
      }
      id = value("id");
      kind = value("kind");
      phrase = value("phrase");
      expansion = value("expansion");
      weight = value("weight");
      meaning = value("meaning");
      TermInput input = new TermInput(kind, phrase, expansion, weight, meaning);
      String by = user.caller().username();
      if (id.isBlank()) {
        store.addTerm(input, by);
      } else {
        store.updateTerm(Long.parseLong(id), input, by);
      }
      Redirects.seeOther("/admin/search?saved=saved");
      return true;
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        errors.add(Messages.get(locale(), p.messageKey(), p.args()));
      }
    } catch (NumberFormatException | NotFoundException e) {
      errors.add(Messages.get(locale(), "searchTerm.notFound", delete != null ? delete : id));
    }
    return false;
  }

  private String value(String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v;
  }

  private Locale locale() {
    return language.getLocale();
  }

  public int getDays() {
    return days;
  }

  public List<LogRow> getNotFound() {
    return empty;
  }

  public List<LogRow> getUnclicked() {
    return unclicked;
  }

  public List<Term> getTerms() {
    return terms;
  }

  public List<String> getErrors() {
    return errors;
  }

  public String getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public String getPhrase() {
    return phrase;
  }

  public String getExpansion() {
    return expansion;
  }

  public String getWeight() {
    return weight;
  }

  public String getMeaning() {
    return meaning;
  }

  /** What was just done ({@code saved} or {@code deleted}), from the address it leads to. */
  public String getSaved() {
    return saved;
  }

  public void setSaved(String saved) {
    this.saved = saved;
  }

  public String getDaysParam() {
    return daysParam;
  }

  public void setDaysParam(String daysParam) {
    this.daysParam = daysParam;
  }

  public String getEditParam() {
    return editParam;
  }

  public void setEditParam(String editParam) {
    this.editParam = editParam;
  }

  public boolean isStop() {
    return "STOP".equalsIgnoreCase(kind);
  }
}
