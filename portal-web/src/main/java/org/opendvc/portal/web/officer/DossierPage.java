package org.opendvc.portal.web.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.ActionCommand;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageRoutingFilter;
import org.opendvc.portal.web.shared.Redirects;

/**
 * One dossier for the officers of the agency handling it, {@code /officer/dossiers/{code}}:
 * everything about it, and one form per action its status allows now for this officer
 * ({@link DossierAction#allowedFor}). A form acts only when it carries the session's form token;
 * it sends the version the officer saw, so acting on a dossier someone else changed meanwhile is
 * refused with a notice, as is an action no longer allowed. Another agency's dossier is a 404.
 */
@Named("officerDossier")
@RequestScoped
public class DossierPage {

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private org.opendvc.portal.web.shared.PageText text;

  /** Page text, with arguments when given. */
  private String t(String key, Object... args) {
    String pattern = text.get(key);
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale()).format(args);
  }

  private Dossier dossier;
  private Instant now;
  private String notice;
  private boolean received;
  private String done;
  private String failedAction;
  private Map<String, String> errors = Map.of();
  private final Map<String, String> posted = new HashMap<>();

  /** One step of the history. */
  public record Step(String action, String status, String at, String actor, String unit,
      String note, String dueAt) {}

  /** A form value of the e-form. */
  public record FormValue(String name, String value) {}

  /** An action the officer may take now, with the inputs it needs. */
  public record Action(String name, String label, boolean needsReason, boolean needsTarget,
      boolean needsNewDue, String reasonLabel) {}

  public void load() {
    String code = String.valueOf(request.getAttribute(PageRoutingFilter.CODE));
    if (user.isTrustedPost()) {
      if (act(code)) {
        return;
      }
    }
    try {
      dossier = dossiers.get(code, user.caller());
    } catch (NotFoundException e) {
      notFound();
      return;
    }
    now = Instant.now();
    received = request.getParameter("received") != null;
    String d = Formats.trim(request.getParameter("done"));
    if (d != null && d.matches("[A-Z_]{3,30}")) {
      done = d;
    }
  }

  /** Applies the posted action; true when the request is answered (303 or 404). */
  private boolean act(String code) {
    String action = Formats.trim(request.getParameter("action"));
    failedAction = action;
    for (String field : List.of("reason", "note", "targetAgencyCode", "newDueDate")) {
      String v = request.getParameter(field);
      if (v != null) {
        posted.put(field, v);
      }
    }
    Integer expected;
    try {
      expected = Integer.valueOf(String.valueOf(request.getParameter("expectedVersion")).strip());
    } catch (NumberFormatException e) {
      expected = -1; // a form without the version it was built from: treat as stale
    }
    String note = Formats.trim(request.getParameter("reason")) != null
        ? Formats.trim(request.getParameter("reason")) : Formats.trim(request.getParameter("note"));
    try {
      Instant newDue = newDueAt(Formats.trim(request.getParameter("newDueDate")));
      Dossier d = dossiers.act(code, new ActionCommand(action, note,
          Formats.trim(request.getParameter("targetAgencyCode")), newDue, expected),
          user.caller());
      if (!user.caller().isOfficerOf(d.agency().code())) {
        // transferred away: this officer no longer sees it
        Redirects.seeOther(WorkListPage.link(null, false, false, null, null, 1)
            .concat("?transferred=").concat(d.code().toString()));
      } else {
        Redirects.seeOther("/officer/dossiers/" + d.code() + "?done=" + action);
      }
      return true;
    } catch (NotFoundException e) {
      notFound();
      return true;
    } catch (ActionRefusedException e) {
      notice = "dossier.stale".equals(e.messageKey())
          ? t("officer.stale")
          : t("officer.notAllowed") + " "
              + Messages.get(locale(), e.messageKey(), e.args());
    } catch (ForbiddenException e) {
      notice = t("officer.notAllowed");
    } catch (InvalidInputException e) {
      errors = Formats.byField(e.problems(), locale(), Map.of("newDueAt",
          t("officer.newDueDate"), "reason", t("officer.reason")));
      if (errors.containsKey("action")) {
        notice = errors.get("action");
      }
    }
    return false;
  }

  /** A date typed by the officer: the new appointment is at the end of that day's office hours. */
  private static Instant newDueAt(String date) {
    if (date == null) {
      return null;
    }
    try {
      return LocalDate.parse(date).atTime(LocalTime.of(17, 0)).atZone(WorkingCalendar.ZONE)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("newDueAt", "dossier.fieldFormat", "newDueAt");
    }
  }

  private static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    try {
      external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  private Locale locale() {
    return language.getLocale();
  }

  public boolean isFound() {
    return dossier != null;
  }

  public String getCode() {
    return dossier.code().toString();
  }

  public int getVersion() {
    return dossier.version();
  }

  public String getStatus() {
    return Messages.get(locale(), dossier.status().messageKey());
  }

  public String getStatusKey() {
    return dossier.status().key();
  }

  public String getProcedure() {
    return dossier.procedure().code() + " – " + dossier.procedure().name();
  }

  public String getAgency() {
    return dossier.agency().name();
  }

  public String getReceivingAgency() {
    return dossier.receivingAgency().name();
  }

  public String getChannel() {
    return t("officer.channel." + dossier.channel().name());
  }

  public String getApplicantName() {
    return dossier.applicant().fullName();
  }

  public String getApplicantType() {
    return t("officer.applicantType." + dossier.applicant().type().name());
  }

  public String getIdNumber() {
    return dossier.applicant().idNumber();
  }

  public String getPhone() {
    return dossier.applicant().phone();
  }

  public String getEmail() {
    return dossier.applicant().email();
  }

  public String getAddress() {
    return dossier.applicant().address();
  }

  public String getReceivedAt() {
    return Formats.when(dossier.receivedAt());
  }

  public String getAcceptedAt() {
    return Formats.when(dossier.acceptedAt().orElse(null));
  }

  public String getDueAt() {
    return Formats.when(dossier.dueAt().orElse(null));
  }

  public String getFinishedAt() {
    return Formats.when(dossier.finishedAt().orElse(null));
  }

  public String getTimeliness() {
    return Messages.get(locale(), "timeliness." + dossier.timeliness(now).name());
  }

  public int getSupplementRequests() {
    return dossier.supplementRequests();
  }

  public List<FormValue> getFormValues() {
    List<FormValue> out = new ArrayList<>();
    if (dossier.form() == null || dossier.form().isBlank()) {
      return out;
    }
    try (var reader = Json.createReader(new StringReader(dossier.form()))) {
      JsonObject o = reader.readObject();
      o.forEach((k, v) -> out.add(new FormValue(k,
          v instanceof jakarta.json.JsonString s ? s.getString()
              : v == JsonValue.NULL ? "" : v.toString())));
    } catch (RuntimeException e) {
      out.add(new FormValue("form", dossier.form()));
    }
    return out;
  }

  public List<Step> getSteps() {
    List<Step> out = new ArrayList<>();
    for (StatusChange c : dossier.history()) {
      out.add(new Step(t("officer.step." + c.action()),
          Messages.get(locale(), c.to().messageKey()), Formats.when(c.at()), c.actor(),
          c.unitCode(), c.note(), Formats.when(c.dueAt())));
    }
    return out;
  }

  public List<Action> getActions() {
    Set<DossierAction> allowed = DossierAction.allowedFor(dossier, user.caller());
    List<Action> out = new ArrayList<>();
    for (DossierAction a : allowed) {
      out.add(new Action(a.name(), t("officer.action." + a.name()),
          a.requiresReason(), a == DossierAction.TRANSFER, a == DossierAction.APOLOGIZE,
          t(a == DossierAction.REQUEST_SUPPLEMENT
              ? "officer.missing" : "officer.reason")));
    }
    return out;
  }

  public List<DossierService.Choice> getTransferTargets() {
    return dossiers.transferTargets(user.caller());
  }

  /** The error of a field, shown in the form of the action that failed only. */
  public String error(String action, String field) {
    return action.equals(failedAction) ? errors.get(field) : null;
  }

  /** The value posted for a field, kept in the form of the action that failed only. */
  public String posted(String action, String field) {
    return action.equals(failedAction) ? posted.get(field) : null;
  }

  public String getNotice() {
    return notice;
  }

  public boolean isReceived() {
    return received;
  }

  public String getDone() {
    return done == null ? null : t("officer.done",
        t("officer.action." + done));
  }

  public String getReceiptHref() {
    return "/officer/receipts/" + getCode() + ".pdf";
  }

  public String getTrackingHref() {
    return "/tracking/" + getCode();
  }
}
