package org.opendvc.portal.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.identity.NewRegistration;
import org.opendvc.portal.identity.Registration;
import org.opendvc.portal.identity.RegistrationService;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.Redirects;
import org.opendvc.portal.web.shared.Sessions;

/**
 * {@code /register} and {@code /register/verify}: a citizen creates an applicant account. The first
 * page takes the e-mail address (which receives the code and becomes the user name), an optional
 * phone number, the name and the password; the second takes the 6-digit code, or sends a new one. A
 * right code creates the account and signs the person in. Every wrong field is shown next to its
 * input, the values kept (never the passwords). The fields are posted; the pending registration's
 * token {@code r}, in the second page's address, is its {@code <f:viewParam>}.
 */
@Named
@RequestScoped
public class RegisterPage {

  /** The inputs of the first page, in order. */
  static final List<String> INPUTS =
      List.of("email", "phone", "fullName", "password", "passwordAgain");

  @Inject private RegistrationService registrations;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  // bound from the request by the second page's <f:viewParam>
  private String token;
  private String email;
  private String notice;
  private boolean unknown;

  /** {@code /register}: shows the form, or starts the registration and goes on to the code. */
  public void register() {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    for (String input : INPUTS) {
      String v = request.getParameter(input);
      values.put(input, v == null ? null : v.length() > 300 ? v.substring(0, 300) : v);
    }
    try {
      Registration r =
          registrations.start(
              new NewRegistration(
                  values.get("email"),
                  values.get("phone"),
                  values.get("fullName"),
                  values.get("password"),
                  values.get("passwordAgain") == null ? "" : values.get("passwordAgain")),
              locale().getLanguage(),
              request.getRemoteAddr());
      Redirects.seeOther("/register/verify?r=" + r.token());
    } catch (InvalidInputException e) {
      for (FieldProblem p : e.problems()) {
        errors.putIfAbsent(
            INPUTS.contains(p.field()) ? p.field() : "email",
            Messages.get(locale(), p.messageKey(), p.args()));
      }
    } finally {
      values.remove("password");
      values.remove("passwordAgain");
    }
  }

  /** {@code /register/verify?r=}: takes the code, or sends a new one. */
  public void verify() {
    Optional<Registration> pending = registrations.pending(token);
    if (pending.isEmpty()) {
      unknown = true;
      return;
    }
    email = pending.get().email();
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    if ("resend".equals(request.getParameter("do"))) {
      Optional<FieldProblem> refused = registrations.resend(token);
      if (refused.isPresent()) {
        errors.put(
            "code", Messages.get(locale(), refused.get().messageKey(), refused.get().args()));
      } else {
        notice = Messages.get(locale(), "registration.resent", email);
      }
      return;
    }
    RegistrationService.Verification v =
        registrations.verify(token, request.getParameter("code"), request.getRemoteAddr());
    if (v.account().isPresent()) {
      Sessions.start(request, v.account().get());
      Redirects.seeOther("/my/dossiers?welcome=1");
      return;
    }
    FieldProblem p = v.problem().orElseThrow();
    errors.put("code", Messages.get(locale(), p.messageKey(), p.args()));
  }

  private Locale locale() {
    return language.getLocale();
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public boolean isInvalid() {
    return !errors.isEmpty();
  }

  /** The pending registration's token, as given in the address. */
  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getEmail() {
    return email;
  }

  public String getNotice() {
    return notice;
  }

  public boolean isUnknown() {
    return unknown;
  }

  /** How long a code is valid and how many tries it allows, for the page to say. */
  public RegistrationService.Rules getRules() {
    return registrations.rules();
  }
}
