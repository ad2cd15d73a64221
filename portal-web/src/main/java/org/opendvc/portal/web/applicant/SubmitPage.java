package org.opendvc.portal.web.applicant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opendvc.portal.catalogue.CatalogueService;
import org.opendvc.portal.catalogue.Offering;
import org.opendvc.portal.catalogue.ProcedureView;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.ForbiddenException;
import org.opendvc.portal.dossier.SubmitCommand;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.AccountService;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.account.CurrentUser;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.NotFound;
import org.opendvc.portal.web.shared.PageRoutes;
import org.opendvc.portal.web.shared.PageText;
import org.opendvc.portal.web.shared.Redirects;

/**
 * {@code /my/submit/{procedureCode}?agency=}: online submission of a procedure to an agency that
 * offers it at level 3 or 4. The e-form asks for the applicant (prefilled from the account and the
 * person's latest dossier) and, per dossier component of the procedure, a note, plus the request
 * itself. Every invalid field is shown next to its input with the values kept; success is a 303 to
 * the new dossier. A level-2 offering gets the refusal that points to the printable forms.
 */
@Named
@RequestScoped
public class SubmitPage {

  /** The form's inputs for the applicant, in order; each has the label submit.field.<name>. */
  static final List<String> APPLICANT_INPUTS =
      List.of("type", "fullName", "idNumber", "phone", "email", "address");

  @Inject private CatalogueService catalogue;
  @Inject private DossierService dossiers;
  @Inject private AccountService accounts;
  @Inject private CurrentUser user;
  @Inject private HttpServletRequest request;
  @Inject private LanguageView language;
  @Inject private PageText text;
  @Inject private FileUploads uploads;

  private ProcedureView procedure;
  private Offering offering;
  private String agencyCode;
  private List<Components.Component> components = List.of();
  private org.opendvc.portal.dossier.EForm eform;
  private final java.util.Set<Integer> promised = new java.util.HashSet<>();
  @Inject private org.opendvc.portal.dossier.attachment.AttachmentService attachments;
  private final Map<String, String> values = new HashMap<>();
  private FieldErrors errors = FieldErrors.none();
  private String notice;

  /** An agency offering the procedure online, for the chooser. */
  public record Choice(String agencyName, String level, String url) {}

  /**
   * A field of the procedure's own data as the page shows it: its input name and id, label and hint
   * in the page's language, HTML input type, whether required, limits, choices.
   */
  public record DataField(
      String name,
      String id,
      String label,
      String hint,
      String type,
      boolean required,
      int maxLength,
      List<Option> options) {

    public boolean isChoice() {
      return "choice".equals(type);
    }

    public boolean isTextarea() {
      return "textarea".equals(type);
    }
  }

  /** A choice of a choice field. */
  public record Option(String value, String label) {}

  /** A printable form of the procedure, for the level-2 refusal. */
  public record FormLink(String name, String url) {}

  public void load() {
    Object fromPath = request.getAttribute(PageRoutes.CODE);
    String code =
        fromPath != null
            ? fromPath.toString()
            : ApplicantFormat.trim(request.getParameter("procedure"), 40);
    procedure = code == null ? null : catalogue.procedure(code).orElse(null);
    if (procedure == null) {
      NotFound.send();
      return;
    }
    components = Components.of(procedure.procedure().details());
    eform = org.opendvc.portal.dossier.EForm.of(procedure.procedure());
    agencyCode = ApplicantFormat.trim(request.getParameter("agency"), 40);
    offering =
        agencyCode == null
            ? null
            : procedure.offerings().stream()
                .filter(o -> o.agency().code().equals(agencyCode))
                .findFirst()
                .orElse(null);
    if (offering == null || !offering.level().allowsOnlineSubmission()) {
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      prefill();
      return;
    }
    MultipartForm form = null;
    try {
      boolean trusted;
      if (FileUploads.isMultipart(request)) {
        form =
            uploads.read(
                request,
                components.stream().map(Components.Component::fileKey).collect(Collectors.toSet()),
                user.get());
        readForm(form::field);
        trusted = user.acceptsFormToken(form.field(CurrentUser.TOKEN_FIELD).orElse(null));
      } else {
        readForm(name -> Optional.ofNullable(request.getParameter(name)));
        trusted = user.isTrustedPost();
      }
      if (!trusted) {
        notice = text.get("my.formExpired");
        return;
      }
      submit(form);
    } catch (AttachmentRefusedException | InvalidInputException e) {
      // the body itself was refused (over its limits or not well-formed): nothing was submitted
      MultipartForm.drain(inputStream());
      notice = FileUploads.why(e, locale());
    } catch (IOException e) {
      notice = Messages.get(locale(), "attachment.malformed", e.getMessage());
    } finally {
      if (form != null) {
        form.close();
      }
    }
  }

  private void submit(MultipartForm form) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (org.opendvc.portal.dossier.FormDefinition.FormField f : eform.form().fields()) {
      answers.put(f.key(), values.get(f.key()));
    }
    for (Components.Component c : components) {
      answers.put(c.key(), values.get(c.key()));
    }
    Map<Integer, org.opendvc.portal.dossier.attachment.ReceivedFile> files = new HashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    if (form != null) {
      for (Components.Component c : components) {
        form.file(c.fileKey())
            .filter(MultipartForm.Upload::chosen)
            .ifPresent(
                upload -> {
                  if (upload.refused() != null) {
                    refused.put(c.inputId(), FileUploads.why(upload.refused(), locale()));
                  } else {
                    files.put(c.number(), upload.file());
                  }
                });
      }
    }
    if (!refused.isEmpty()) {
      // a file over its limits: nothing is submitted, the person chooses it again
      errors = new FieldErrors(List.of(), f -> null, f -> f, (k, a) -> k);
      fileErrors.putAll(refused);
      return;
    }
    try {
      SubmitCommand cmd =
          new SubmitCommand(
              procedure.procedure().code(),
              agencyCode,
              Channel.ONLINE.name(),
              values.get("type"),
              values.get("fullName"),
              values.get("idNumber"),
              values.get("phone"),
              values.get("email"),
              values.get("address"),
              FormAnswers.toJson(answers),
              List.of(),
              List.copyOf(promised));
      Dossier d = attachments.submitWithFiles(cmd, files, user.caller());
      Redirects.seeOther("/my/dossiers/" + d.code() + "?done=submitted");
    } catch (InvalidInputException e) {
      errors =
          new FieldErrors(
              e.problems(),
              this::inputOf,
              this::labelOf,
              (key, args) -> Messages.get(locale(), key, args));
    } catch (AttachmentRefusedException e) {
      notice = FileUploads.why(e, locale());
    } catch (ForbiddenException e) {
      notice = Messages.get(locale(), e.messageKey());
    }
  }

  /** Files refused by their limits, by component input id. */
  private final Map<String, String> fileErrors = new HashMap<>();

  private String labelOf(String input) {
    Optional<org.opendvc.portal.dossier.FormDefinition.FormField> f = eform.form().field(input);
    if (f.isPresent()) {
      return f.get().label(locale());
    }
    return text.get("submit.field." + input);
  }

  private InputStream inputStream() {
    try {
      return request.getInputStream();
    } catch (IOException e) {
      return InputStream.nullInputStream();
    }
  }

  /** The form's input for a field the service names, or null when the form has none for it. */
  String inputOf(String field) {
    return inputOf(
        field,
        eform.form().fields().stream()
            .map(org.opendvc.portal.dossier.FormDefinition.FormField::key)
            .collect(Collectors.toSet()));
  }

  /**
   * The input for a field the service names, given the keys of the procedure's data fields: an
   * applicant field, a data field ({@code form.<key>}; a problem of the form as a whole goes to its
   * free text), or a dossier component ({@code components.<n>}).
   */
  static String inputOf(String field, java.util.Set<String> dataKeys) {
    if (field.startsWith("applicant.")) {
      String input = field.substring("applicant.".length());
      return APPLICANT_INPUTS.contains(input) ? input : null;
    }
    if (field.startsWith("form.") && dataKeys.contains(field.substring("form.".length()))) {
      return field.substring("form.".length());
    }
    if (field.equals("form") || field.startsWith("form.")) {
      return dataKeys.contains(FormAnswers.CONTENT) ? FormAnswers.CONTENT : null;
    }
    if (field.matches("components\\.[0-9]{1,4}")) {
      return "component-" + field.substring("components.".length());
    }
    return null;
  }

  private void readForm(Function<String, Optional<String>> field) {
    for (String input : APPLICANT_INPUTS) {
      values.put(input, ApplicantFormat.trim(field.apply(input).orElse(null), 600));
    }
    for (org.opendvc.portal.dossier.FormDefinition.FormField f : eform.form().fields()) {
      values.put(f.key(), ApplicantFormat.trim(field.apply(f.key()).orElse(null), 4000));
    }
    for (Components.Component c : components) {
      values.put(c.key(), ApplicantFormat.trim(field.apply(c.key()).orElse(null), 500));
      if (field.apply("promise_" + c.number()).isPresent()) {
        promised.add(c.number());
      }
    }
  }

  /** What the account and the person's latest dossier already tell about the applicant. */
  private void prefill() {
    Optional<Account> account = accounts.find(user.caller().username());
    account.map(Account::fullName).ifPresent(n -> values.put("fullName", n));
    account.map(Account::email).ifPresent(e -> values.put("email", e));
    dossiers.ownDossiers(user.caller(), 0, 1).items().stream()
        .findFirst()
        .ifPresent(
            d -> {
              Applicant a = d.applicant();
              values.put("type", a.type().name());
              values.putIfAbsent("fullName", a.fullName());
              values.put("idNumber", a.idNumber());
              values.put("phone", a.phone());
              values.putIfAbsent("email", a.email());
              values.put("address", a.address());
            });
    values.putIfAbsent("type", "CITIZEN");
  }

  private Locale locale() {
    return language.getLocale();
  }

  public String getCode() {
    return procedure.procedure().code();
  }

  public String getName() {
    return procedure.procedure().name();
  }

  public String getProcedureUrl() {
    return request.getContextPath() + "/procedures/" + getCode();
  }

  /** This page's short address, agency included. */
  public String getAddress() {
    return request.getContextPath() + "/my/submit/" + getCode() + "?agency=" + agencyCode;
  }

  /**
   * Where the form posts: the page's short address. The request is then mapped to no servlet with a
   * multipart configuration (the Faces servlet has one, and the container would parse and use up
   * the body on the first read of a parameter), is forwarded to the view by {@code
   * PageRoutingFilter}, and its body is left for this page to read as it arrives.
   */
  public String getAction() {
    return getAddress();
  }

  /** No offering chosen (or one that does not exist): the page lists the online ones. */
  public boolean isChoosing() {
    return offering == null;
  }

  public boolean isUnknownAgency() {
    return agencyCode != null && offering == null;
  }

  public boolean isLevelTwo() {
    return offering != null && !offering.level().allowsOnlineSubmission();
  }

  public boolean isOpen() {
    return offering != null && offering.level().allowsOnlineSubmission();
  }

  public String getAgencyName() {
    return offering == null ? "" : offering.agency().name();
  }

  public String getLevel() {
    return offering == null ? "" : Messages.get(locale(), offering.level().messageKey());
  }

  public String getLevelTwoText() {
    return Messages.get(locale(), "dossier.levelTwo", getCode(), getProcedureUrl());
  }

  public List<Choice> getChoices() {
    return procedure.offerings().stream()
        .filter(o -> o.level().allowsOnlineSubmission())
        .map(
            o ->
                new Choice(
                    o.agency().name(),
                    Messages.get(locale(), o.level().messageKey()),
                    request.getContextPath()
                        + "/my/submit/"
                        + getCode()
                        + "?agency="
                        + o.agency().code()))
        .toList();
  }

  public List<FormLink> getForms() {
    return components.stream()
        .filter(c -> c.formUrl() != null)
        .map(
            c ->
                new FormLink(
                    c.formName() != null ? c.formName() : c.name(),
                    c.formUrl().startsWith("/")
                        ? request.getContextPath() + c.formUrl()
                        : c.formUrl()))
        .distinct()
        .toList();
  }

  public List<Components.Component> getComponents() {
    return components;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    Map<String, String> all = new HashMap<>(errors.byInput());
    fileErrors.forEach(all::putIfAbsent);
    return all;
  }

  /** The procedure's own data fields, for the page. */
  public List<DataField> getDataFields() {
    return eform.form().fields().stream()
        .map(
            f ->
                new DataField(
                    f.key(),
                    f.key().replace('.', '-'),
                    f.label(locale()),
                    f.hint(locale()),
                    switch (f.type()) {
                      case DATE -> "date";
                      case NUMBER -> "number";
                      case CHOICE -> "choice";
                      case TEXTAREA -> "textarea";
                      default -> "text";
                    },
                    f.required(),
                    f.maxLength() > 0 ? f.maxLength() : 4000,
                    f.choices().stream()
                        .map(c -> new Option(c.value(), c.label(locale())))
                        .toList()))
        .toList();
  }

  /** Whether the component's paper is promised at the counter (the box stays ticked). */
  public boolean promised(int number) {
    return promised.contains(number);
  }

  public java.util.Set<Integer> getPromised() {
    return promised;
  }

  /** Which components an online submission must bring, by number. */
  public java.util.Set<Integer> getRequired() {
    return eform.components().stream()
        .filter(org.opendvc.portal.dossier.EForm.Component::required)
        .map(org.opendvc.portal.dossier.EForm.Component::number)
        .collect(Collectors.toSet());
  }

  public List<String> getGeneralErrors() {
    return errors.general();
  }

  public boolean isInvalid() {
    return !errors.isEmpty() || !fileErrors.isEmpty();
  }

  public String getNotice() {
    return notice;
  }

  public boolean isBusiness() {
    return "BUSINESS".equals(values.get("type"));
  }
}
