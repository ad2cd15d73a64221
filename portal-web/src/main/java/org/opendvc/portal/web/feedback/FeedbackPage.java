package org.opendvc.portal.web.feedback;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.feedback.Feedback;
import org.opendvc.portal.feedback.FeedbackCommand;
import org.opendvc.portal.feedback.FeedbackService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.Redirects;

/**
 * {@code /feedback}: the form to send feedback (no account needed) and the answers agencies
 * published; {@code /feedback/{code}}: one feedback followed by its code. Works without script;
 * problems are shown beside their fields and what was typed stays. The form's fields are read as
 * posted; {@code sent}, in the address the form leads to, is the page's {@code <f:viewParam>}.
 */
@Named
@RequestScoped
public class FeedbackPage {

  @Inject private FeedbackService feedback;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;
  @Inject private CurrentUser user;

  private Feedback one;
  private Item oneItem;
  private boolean notFound;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private List<Item> published = List.of();
  // bound from the request by the page's <f:viewParam>
  private String sent;

  /** A feedback as shown: never the sender's details. */
  public record Item(
      String code,
      String subject,
      String agency,
      String procedure,
      String title,
      String content,
      String status,
      String statusKey,
      String receivedAt,
      String resolveBy,
      String answer,
      String answeredAt,
      String publishedAt,
      boolean late) {}

  public void load() {
    Object code = request.getAttribute(PageRoutes.CODE);
    if (code != null) {
      try {
        one = feedback.get(code.toString());
      } catch (NotFoundException e) {
        notFound = true;
      }
      return;
    }
    if ("POST".equals(request.getMethod())) {
      try {
        Feedback f =
            feedback.submit(
                new FeedbackCommand(
                    param("subject"),
                    param("procedureCode"),
                    param("agencyCode"),
                    param("dossierCode"),
                    param("idNumber"),
                    param("title"),
                    param("content"),
                    param("name"),
                    param("email"),
                    param("phone")),
                user.get().map(u -> u.username()));
        Redirects.seeOther("/feedback/" + f.code() + "?sent=1");
        return;
      } catch (InvalidInputException e) {
        for (FieldProblem p : e.problems()) {
          errors.putIfAbsent(
              p.field(), Messages.get(locale(), p.messageKey(), label(p.field(), p.args())));
        }
      }
    }
    Instant now = feedback.now();
    published =
        feedback.published(Optional.empty(), 0, 20).items().stream()
            .map(f -> item(f, now))
            .toList();
  }

  /** Message arguments with the field's label in place of its name. */
  private Object[] label(String field, Object[] args) {
    Object[] out = args.clone();
    if (out.length > 0 && field.equals(out[0])) {
      out[0] = text.get("feedback.field." + field);
    }
    return out;
  }

  private Item item(Feedback f, Instant now) {
    return new Item(
        f.code(),
        text.get("feedback.subject." + f.subject().name()),
        f.agency().name(),
        f.procedure().map(p -> p.name()).orElse(null),
        f.title(),
        f.content(),
        text.get("feedback.status." + f.status().name()),
        f.status().name().toLowerCase(Locale.ROOT),
        Formats.when(f.receivedAt()),
        Formats.when(f.resolveBy()),
        f.answer().orElse(null),
        f.answeredAt().map(Formats::when).orElse(null),
        f.publishedAt().map(Formats::when).orElse(null),
        f.late(now));
  }

  private String param(String name) {
    String v = request.getParameter(name);
    return v == null ? null : v;
  }

  /** What was typed in a field, to keep it after a problem. */
  public String value(String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v;
  }

  public boolean isChosen(String subject) {
    String v = request.getParameter("subject");
    return v == null ? "AGENCY".equals(subject) : subject.equals(v);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean isHasErrors() {
    return !errors.isEmpty();
  }

  public List<String> getErrors() {
    return new ArrayList<>(errors.values());
  }

  public boolean isSingle() {
    return one != null || notFound;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public boolean isJustSent() {
    return one != null && "1".equals(sent);
  }

  /** {@code 1} on the address the form leads to once the feedback is sent. */
  public String getSent() {
    return sent;
  }

  public void setSent(String sent) {
    this.sent = sent;
  }

  public Item getOne() {
    if (oneItem == null && one != null) {
      oneItem = item(one, feedback.now());
    }
    return oneItem;
  }

  public List<Item> getPublished() {
    return published;
  }

  private Locale locale() {
    return language.getLocale();
  }
}
