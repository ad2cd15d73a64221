package org.opendvc.portal.web.feedback;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.feedback.Feedback;
import org.opendvc.portal.feedback.FeedbackService;
import org.opendvc.portal.feedback.FeedbackStatus;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.Redirects;

/**
 * {@code /officer/feedback}: the feedback the officer's agency must handle, oldest deadline first,
 * with the sender's address and a form for each step (refuse, answer, publish).
 */
@Named
@RequestScoped
public class OfficerFeedbackPage {

  private static final int SHOWN = 50;

  @Inject private FeedbackService feedback;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private final List<String> notices = new ArrayList<>();
  private List<Row> rows = List.of();
  private long total;
  // bound from the request by the page's <f:viewParam>s
  private String code;
  private String action;
  private String textParam;
  private String doneParam;

  /** One feedback with what the officer needs to handle it. */
  public record Row(
      String code,
      String title,
      String content,
      String subject,
      String procedure,
      String senderName,
      String senderEmail,
      String senderPhone,
      String status,
      String statusKey,
      String receivedAt,
      String refuseBy,
      String resolveBy,
      String publishBy,
      String answer,
      boolean late,
      boolean open,
      boolean answered) {}

  public void load() {
    if ("POST".equals(request.getMethod())) {
      if (!user.isTrustedPost()) {
        notices.add(text.get("my.formExpired"));
      } else {
        try {
          feedback.act(code, action, textParam, user.caller());
          Redirects.seeOther("/officer/feedback?done=" + action);
          return;
        } catch (ActionRefusedException e) {
          notices.add(Messages.get(language.getLocale(), e.messageKey(), e.args()));
        } catch (InvalidInputException e) {
          for (FieldProblem p : e.problems()) {
            notices.add(
                Messages.get(
                    language.getLocale(),
                    p.messageKey(),
                    text.get("officer.feedback.field." + p.field())));
          }
        } catch (NotFoundException e) {
          notices.add(Messages.get(language.getLocale(), e.messageKey(), e.code()));
        }
      }
    }
    var page = feedback.inbox(user.caller(), Optional.empty(), 0, SHOWN);
    total = page.total();
    Instant now = feedback.now();
    rows = page.items().stream().map(f -> row(f, now)).toList();
  }

  private Row row(Feedback f, Instant now) {
    Feedback.Sender s = f.sender();
    return new Row(
        f.code(),
        f.title(),
        f.content(),
        text.get("feedback.subject." + f.subject().name()),
        f.procedure().map(p -> p.name()).orElse(null),
        s.name(),
        s.email(),
        s.phone(),
        text.get("feedback.status." + f.status().name()),
        f.status().name(),
        Formats.when(f.receivedAt()),
        Formats.when(f.refuseBy()),
        Formats.when(f.resolveBy()),
        f.publishBy().map(Formats::when).orElse(null),
        f.answer().orElse(null),
        f.late(now),
        f.status() == FeedbackStatus.RECEIVED,
        f.status() == FeedbackStatus.ANSWERED);
  }

  public List<Row> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }

  public List<String> getNotices() {
    return notices;
  }

  /** The confirmation of the action just taken, if any. */
  public String getDone() {
    return doneParam != null && doneParam.matches("REFUSE|ANSWER|PUBLISH")
        ? text.get("officer.feedback.done." + doneParam)
        : null;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTextParam() {
    return textParam;
  }

  public void setTextParam(String textParam) {
    this.textParam = textParam;
  }

  public String getDoneParam() {
    return doneParam;
  }

  public void setDoneParam(String doneParam) {
    this.doneParam = doneParam;
  }
}
