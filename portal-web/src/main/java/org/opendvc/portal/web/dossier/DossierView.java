package org.opendvc.portal.web.dossier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.EForm;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.dossier.attachment.Attachment;
import org.opendvc.portal.dossier.attachment.AttachmentKind;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.payment.Payment;
import org.opendvc.portal.payment.PaymentService;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.shared.Formats;
import org.opendvc.portal.web.shared.LanguageView;
import org.opendvc.portal.web.shared.PageText;

/**
 * A dossier formatted for a page, as {@code #{dossierView...}}: the view adapter that the
 * applicant's page and the officer's page share. The page bean that found the dossier for the
 * signed-in person hands it over with {@link #show}; the timeline's unit names, the files and the
 * payments are read once per request, and only when the page shows them.
 */
@Named
@RequestScoped
public class DossierView {

  /** One step of the timeline: the action, the status it led to, when, by whom, where, why. */
  public record Step(
      String action,
      String status,
      String statusKey,
      String at,
      String actor,
      String unit,
      String note,
      String dueAt) {}

  /** One answer of the e-form, or the papers promised at the counter: its label and value. */
  public record Answer(String label, String value) {}

  /**
   * A file of the dossier: what it is ({@code kind} as the applicant reads it, {@code what} as the
   * officer does), its size both ways, its fingerprint, and its address under {@code filesPath}.
   */
  public record FileRow(
      long id,
      boolean result,
      String kind,
      String what,
      String component,
      String name,
      String type,
      String sizeKb,
      String size,
      String sha256,
      String shortSha,
      String uploadedAt,
      String uploadedBy,
      String url) {}

  /** An online payment of the dossier. */
  public record PaymentRow(
      String amount,
      String status,
      String statusKey,
      String provider,
      String reference,
      String createdAt,
      String completedAt) {}

  @Inject private DossierService dossiers;
  @Inject private AttachmentService attachments;
  @Inject private PaymentService payments;
  @Inject private LanguageView language;
  @Inject private PageText text;

  private Dossier dossier;
  private Caller caller;
  private String filesPath;
  private Instant now;
  private Map<String, String> unitNames;
  private List<Attachment> files;
  private List<FileRow> fileRows;

  /**
   * Shows the dossier the page found for the caller; its files are linked at {@code filesPath}
   * followed by the file's id.
   */
  public void show(Dossier dossier, Caller caller, String filesPath) {
    this.dossier = dossier;
    this.caller = caller;
    this.filesPath = filesPath;
    this.now = Instant.now();
  }

  public Dossier dossier() {
    return dossier;
  }

  private Locale locale() {
    return language.getLocale();
  }

  public String getCode() {
    return dossier.code().toString();
  }

  public int getVersion() {
    return dossier.version();
  }

  /** The status as the person reads it, in the page's language. */
  public String getStatus() {
    return Messages.get(locale(), dossier.status().messageKey());
  }

  /** The status's key, for the status colour ({@code status-...}). */
  public String getStatusKey() {
    return dossier.status().key();
  }

  /** The status's number (1 to 10). */
  public int getStatusCode() {
    return dossier.status().code();
  }

  public String getProcedureCode() {
    return dossier.procedure().code();
  }

  public String getProcedureName() {
    return dossier.procedure().name();
  }

  public String getAgency() {
    return dossier.agency().name();
  }

  public String getReceivingAgency() {
    return dossier.receivingAgency().name();
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

  /** Early, on time or late, as of the moment the page was asked for. */
  public String getTimeliness() {
    return Timeliness.label(dossier.timeliness(now), locale());
  }

  public int getSupplementRequests() {
    return dossier.supplementRequests();
  }

  public String getApplicantName() {
    return dossier.applicant().fullName();
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

  /** The history, oldest first, with each unit's name in place of its code where known. */
  public List<Step> getSteps() {
    if (unitNames == null) {
      unitNames = dossiers.unitNames(dossier);
    }
    List<Step> steps = new ArrayList<>();
    for (StatusChange c : dossier.history()) {
      steps.add(
          new Step(
              text.get("history.step." + c.action()),
              Messages.get(locale(), c.to().messageKey()),
              c.to().key(),
              Formats.when(c.at()),
              c.actor(),
              c.unitCode() == null ? null : unitNames.getOrDefault(c.unitCode(), c.unitCode()),
              c.readableNote(locale()),
              Formats.when(c.dueAt())));
    }
    return steps;
  }

  /** The e-form's answers with their labels, and the papers promised at the counter. */
  public List<Answer> getAnswers() {
    List<Answer> answers = new ArrayList<>();
    EForm form = EForm.of(dossier.procedure());
    form.answers(dossier.form(), locale())
        .forEach(a -> answers.add(new Answer(a.label(), a.value())));
    List<String> promised =
        dossier.promisedComponents().stream()
            .map(n -> form.component(n).map(c -> n + ". " + c.name()).orElse(String.valueOf(n)))
            .toList();
    if (!promised.isEmpty()) {
      answers.add(new Answer(text.get("officer.promised"), String.join("; ", promised)));
    }
    return answers;
  }

  /** The files the caller may see, in upload order. */
  public List<Attachment> attachments() {
    if (files == null) {
      files = attachments.visible(dossier, caller);
    }
    return files;
  }

  /** Whether the dossier has its result document. */
  public boolean hasResult() {
    return attachments().stream().anyMatch(a -> a.kind() == AttachmentKind.RESULT);
  }

  public List<FileRow> getFiles() {
    if (fileRows == null) {
      fileRows = attachments().stream().map(this::fileRow).toList();
    }
    return fileRows;
  }

  private FileRow fileRow(Attachment a) {
    boolean result = a.kind() == AttachmentKind.RESULT;
    String what =
        result
            ? text.get("officer.files.result")
            : a.componentNumber().map(n -> n + ". " + a.componentName().orElse("")).orElse("");
    long kb = Math.max(1, (a.size() + 1023) / 1024);
    return new FileRow(
        a.id(),
        result,
        text.get("my.files.kind." + a.kind().name()),
        what,
        a.componentName().orElse(""),
        a.fileName(),
        a.contentType(),
        kb + " KB",
        size(a.size()),
        a.sha256(),
        a.sha256().substring(0, 12),
        Formats.when(a.uploadedAt()),
        a.uploadedBy(),
        filesPath + a.id());
  }

  /** A size for people: bytes, KB or MB with one decimal. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** The amount asked of the applicant, "150.000 đ", or null when none was asked. */
  public String getPaymentAmount() {
    return dossier.paymentAmount().map(DossierView::money).orElse(null);
  }

  /** The amount asked, grouped the Vietnamese way ("150.000"), or empty when none was asked. */
  public String getPaymentAmountNumber() {
    return dossier
        .paymentAmount()
        .map(a -> NumberFormat.getIntegerInstance(Messages.VIETNAMESE).format(a))
        .orElse("");
  }

  /** The online payments of the dossier, oldest first. */
  public List<PaymentRow> getPayments() {
    List<PaymentRow> out = new ArrayList<>();
    for (Payment p : payments.of(dossier)) {
      out.add(
          new PaymentRow(
              money(p.amount()),
              text.get("officer.payment.status." + p.status().name()),
              p.status().name(),
              p.provider(),
              p.reference(),
              Formats.when(p.createdAt()),
              Formats.when(p.completedAt().orElse(null))));
    }
    return out;
  }

  /** An amount in đồng: "150.000 đ". */
  public static String money(long dong) {
    return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(dong) + " đ";
  }
}
