package org.opendvc.portal.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.opendvc.portal.satisfaction.Element;
import org.opendvc.portal.satisfaction.RatingCommand;
import org.opendvc.portal.satisfaction.Scores;

/**
 * The rating form shared by the applicant's dossier page and the public tracking page ({@code
 * WEB-INF/includes/rating-form.xhtml}): five groups of radio buttons, one per SIPAS element, and a
 * comment; what was chosen stays chosen when the form comes back with a problem.
 */
@Named
@RequestScoped
public class RatingForm {

  /** The comment field's limit, as in the domain. */
  public static final int COMMENT_MAX = 2000;

  @Inject private HttpServletRequest request;

  /** The elements' keys, in the order they are asked. */
  public List<String> getElements() {
    return Arrays.stream(Element.values()).map(Element::key).toList();
  }

  /** The scores from 5 (very satisfied) down to 1. */
  public List<Integer> getScores() {
    return List.of(5, 4, 3, 2, 1);
  }

  public int getCommentMax() {
    return COMMENT_MAX;
  }

  /** Whether this score was posted for this element (to keep the choice after a problem). */
  public boolean chosen(String element, int score) {
    return String.valueOf(score).equals(request.getParameter(element));
  }

  /** The comment as posted, or empty. */
  public String getComment() {
    String c = request.getParameter("comment");
    return c == null ? "" : c;
  }

  /** The posted form as the domain's command; anything that is not a score reads as missing. */
  public static RatingCommand read(HttpServletRequest request) {
    return new RatingCommand(
        score(request, Element.ACCESS),
        score(request, Element.PROCEDURE),
        score(request, Element.OFFICER),
        score(request, Element.RESULT),
        score(request, Element.FEEDBACK),
        request.getParameter("comment"));
  }

  /** The problems of a refused rating for people: each element's name, then what is wrong. */
  public static List<String> notices(
      org.opendvc.portal.shared.InvalidInputException e, PageText text, java.util.Locale locale) {
    return e.problems().stream()
        .map(
            p ->
                (p.field().startsWith("scores.")
                        ? text.get("rating.element." + p.field().substring("scores.".length()))
                            + ": "
                        : "")
                    + org.opendvc.portal.shared.Messages.get(locale, p.messageKey(), p.args()))
        .toList();
  }

  private static Integer score(HttpServletRequest request, Element e) {
    String v = request.getParameter(e.key());
    if (v == null || !v.strip().matches("\\d{1,2}")) {
      return null;
    }
    int s = Integer.parseInt(v.strip());
    return s >= Scores.MIN && s <= Scores.MAX ? s : null;
  }
}
