package org.opendvc.portal.web.officer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendvc.portal.dossier.ActionRefusedException;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.SubmitCommand;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.Redirects;

/**
 * Counter and postal reception, {@code /officer/reception}: the officer picks one of the procedures
 * the agency offers, the channel and the applicant's details. The dossier is accepted on the spot
 * (status 2) and the officer lands on it, with the receipt to print. Problems are shown next to
 * their fields, with what was typed kept.
 */
@Named
@RequestScoped
public class ReceptionPage {

  /** The form's fields, in the names the service reports problems with. */
  static final List<String> FIELDS =
      List.of(
          "procedureCode",
          "channel",
          "applicant.type",
          "applicant.fullName",
          "applicant.idNumber",
          "applicant.phone",
          "applicant.email",
          "applicant.address");

  @Inject private DossierService dossiers;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private final Map<String, String> values = new HashMap<>();
  private Map<String, String> errors = Map.of();
  private String notice;
  // bound from the request by the page's <f:viewParam>: the procedure chosen beforehand
  private String procedure;

  public void load() {
    values.put("channel", "COUNTER");
    values.put("applicant.type", "CITIZEN");
    String preset = Formats.trim(procedure);
    if (preset != null) {
      values.put("procedureCode", preset);
    }
    if (!user.isTrustedPost()) {
      return;
    }
    for (String f : FIELDS) {
      String v = request.getParameter(f);
      values.put(f, v == null ? "" : v);
    }
    try {
      Dossier d =
          dossiers.submit(
              new SubmitCommand(
                  v("procedureCode"),
                  user.caller().agencyCode(),
                  v("channel"),
                  v("applicant.type"),
                  v("applicant.fullName"),
                  v("applicant.idNumber"),
                  v("applicant.phone"),
                  v("applicant.email"),
                  v("applicant.address"),
                  null),
              user.caller());
      Redirects.seeOther("/officer/dossiers/" + d.code() + "?received=1");
    } catch (InvalidInputException e) {
      Map<String, String> labels = new HashMap<>();
      for (String f : FIELDS) {
        labels.put(f, text.get("reception." + f));
      }
      errors = Formats.byField(e.problems(), locale(), labels);
      if (errors.containsKey("agencyCode")) {
        errors = new HashMap<>(errors);
        errors.put("procedureCode", errors.remove("agencyCode"));
      }
      notice = text.get("reception.fix");
    } catch (ForbiddenException | ActionRefusedException e) {
      notice =
          Messages.get(
              locale(),
              e instanceof ForbiddenException f
                  ? f.getMessage()
                  : ((ActionRefusedException) e).messageKey());
    }
  }

  private String v(String field) {
    return Formats.trim(values.get(field));
  }

  private Locale locale() {
    return language.getLocale();
  }

  /** What was typed (or the default) for a field. */
  public String getProcedure() {
    return procedure;
  }

  public void setProcedure(String procedure) {
    this.procedure = procedure;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The problem of each field that has one. */
  public Map<String, String> getErrors() {
    return errors;
  }

  public String getNotice() {
    return notice;
  }

  public String getAgency() {
    return user.caller().agencyCode();
  }

  public List<DossierService.Choice> getProcedures() {
    return dossiers.offeredProcedures(user.caller());
  }

  static String format(String pattern, Locale locale, Object... args) {
    return new MessageFormat(pattern, locale).format(args);
  }

  /** Whether a field holds this value (for the selected option and checked radio). */
  public boolean is(String field, String value) {
    return value != null && value.equals(values.get(field));
  }
}
