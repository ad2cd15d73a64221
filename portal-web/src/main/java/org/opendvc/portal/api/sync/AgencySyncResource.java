package org.opendvc.portal.api.sync;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.Problem;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.problem.Violations;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Applicant;
import org.opendvc.portal.dossier.Channel;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.sync.AgencySyncService;
import org.opendvc.portal.dossier.sync.PublishedChange;
import org.opendvc.portal.dossier.sync.PublishedDossier;
import org.opendvc.portal.dossier.sync.Publisher;
import org.opendvc.portal.dossier.sync.SyncResult;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.Messages;

/**
 * {@code POST /api/v1/agency-sync/dossiers}: an agency's own case software publishes dossiers and
 * their status changes (docs/api.md, "Agency sync"). The body is read whole and must be a JSON
 * array of at most {@code portal.agencySync.maxRecords} records and {@code
 * portal.agencySync.maxBytes} bytes (else 400 or 413, nothing written); each record is then bound,
 * checked and written on its own, and a bad one is reported without stopping the others.
 */
@RequestScoped
@Path("/v1/agency-sync/dossiers")
@Tag(name = "Agency sync", description = "Agencies' own case software publishes its dossiers")
@SecurityRequirement(name = "bearer")
public class AgencySyncResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject private AgencySyncService sync;
  @Inject private Validator validator;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "portal.agencySync.maxRecords", defaultValue = "1000")
  private int maxRecords;

  @Inject
  @ConfigProperty(name = "portal.agencySync.maxBytes", defaultValue = "8388608")
  private long maxBytes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Publish dossiers from an agency's own system (AGENCY_SYSTEM)",
      description =
          "A JSON array of at most 1000 records {code, procedureCode, agencyCode,"
              + " channel: ONLINE|COUNTER|POST, receivedAt, dueAt?, applicant: {type, fullName,"
              + " idNumber, phone?, email?, address?}, changes: [{seq, status (1-10), at, dueAt?,"
              + " agencyCode?, note?}]} with moments in ISO-8601 with an offset. Upserts by dossier"
              + " code and change number: new changes are appended, changes stored already are"
              + " skipped when identical and refuse the record when not; only dossiers handled by"
              + " the account's agency or a unit under it are written. Answers 200 {created,"
              + " updated, unchanged, rejected: [{index, code, reason, errors}]}, each record in its"
              + " own transaction; 400 for a body that is not a JSON array, 413 for one too large.")
  public SyncAnswer publish(InputStream body) {
    TokenClaims claims = Access.require(request, headers, Role.AGENCY_SYSTEM);
    Locale locale = RequestLocale.of(headers);
    if (claims.agencyCode() == null) {
      throw problem(Problem.forbidden(locale));
    }
    JsonArray records = readArray(body, locale);
    // each record's problems, null while it is not rejected
    List<List<FieldProblem>> early =
        new ArrayList<>(java.util.Collections.nCopies(records.size(), (List<FieldProblem>) null));
    List<PublishedDossier> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    String[] codes = new String[records.size()];
    for (int i = 0; i < records.size(); i++) {
      JsonValue value = records.get(i);
      codes[i] = codeOf(value);
      List<FieldProblem> problems = new ArrayList<>();
      PublishedDossier d = read(value, problems);
      if (d == null) {
        early.set(i, problems);
      } else {
        valid.add(d);
        positions.add(i);
      }
    }
    List<SyncResult> results =
        sync.publish(valid, new Publisher(claims.username(), claims.agencyCode()));
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<SyncAnswer.Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SyncResult r = results.get(i);
      switch (r.outcome()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case REJECTED -> early.set(positions.get(i), r.problems());
      }
    }
    for (int i = 0; i < early.size(); i++) {
      if (early.get(i) != null) {
        rejected.add(rejection(i, codes[i], early.get(i), locale));
      }
    }
    rejected.sort(Comparator.comparingInt(SyncAnswer.Rejection::index));
    return new SyncAnswer(created, updated, unchanged, rejected);
  }

  /** The whole body as a JSON array, or a problem answer: nothing is written then. */
  private JsonArray readArray(InputStream body, Locale locale) {
    if (request.getContentLengthLong() > maxBytes) {
      throw tooLarge(locale, Messages.get(locale, "import.tooLarge", maxBytes));
    }
    byte[] bytes = readLimited(body, locale);
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw problem(
          Problem.of(
              400,
              "malformed-json",
              "problem.badRequest",
              locale,
              Messages.get(locale, bytes.length == 0 ? "import.empty" : "sync.notArray")));
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw problem(
          Problem.of(
              400,
              "invalid-input",
              "problem.invalidInput",
              locale,
              Messages.get(locale, "sync.notArray")));
    }
    JsonArray array = value.asJsonArray();
    if (array.size() > maxRecords) {
      throw tooLarge(locale, Messages.get(locale, "sync.tooMany", maxRecords, array.size()));
    }
    return array;
  }

  private byte[] readLimited(InputStream body, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    long total = 0;
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(locale, Messages.get(locale, "import.tooLarge", maxBytes));
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * One record bound (JSON-B), checked (Bean Validation, then the domain's rules for the applicant)
   * and read into domain values; null with its problems when any is wrong.
   */
  private PublishedDossier read(JsonValue value, List<FieldProblem> problems) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add(new FieldProblem("record", "import.notObject"));
      return null;
    }
    DossierRecord r;
    try {
      r = JSONB.fromJson(value.toString(), DossierRecord.class);
    } catch (JsonbException e) {
      problems.add(new FieldProblem("record", "sync.unreadable", shortMessage(e)));
      return null;
    }
    for (ConstraintViolation<DossierRecord> v : validator.validate(r)) {
      problems.add(Violations.problem(v));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      return null;
    }
    Channel channel = channel(r.channel(), problems);
    Instant receivedAt = moment("receivedAt", r.receivedAt(), problems);
    Instant dueAt = moment("dueAt", r.dueAt(), problems);
    DossierRecord.ApplicantRecord a = r.applicant();
    Applicant applicant =
        Applicant.checked(
            a.type(), a.fullName(), a.idNumber(), a.phone(), a.email(), a.address(), problems);
    List<PublishedChange> changes = new ArrayList<>();
    for (int i = 0; i < r.changes().size(); i++) {
      DossierRecord.ChangeRecord c = r.changes().get(i);
      String field = "changes[" + i + "]";
      Instant at = moment(field + ".at", c.at(), problems);
      Instant due = moment(field + ".dueAt", c.dueAt(), problems);
      changes.add(
          new PublishedChange(
              c.seq(),
              DossierStatus.ofCode(c.status()).orElseThrow(),
              at,
              due,
              blankToNull(c.agencyCode()),
              c.note()));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new PublishedDossier(
        r.code().strip(),
        r.procedureCode().strip(),
        r.agencyCode().strip(),
        channel,
        receivedAt,
        dueAt,
        applicant,
        changes);
  }

  private static Channel channel(String value, List<FieldProblem> problems) {
    try {
      return Channel.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem(
              "channel",
              "dossier.valueInvalid",
              "channel",
              value,
              Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "))));
      return null;
    }
  }

  /**
   * A moment to the second (what every supported database keeps, so that a batch sent again
   * compares equal with what was stored), or null when absent; wrong text is a problem.
   */
  private static Instant moment(String field, String text, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Params.moment(text)
        .map(t -> t.truncatedTo(ChronoUnit.SECONDS))
        .orElseGet(
            () -> {
              problems.add(new FieldProblem(field, "sync.momentInvalid", field, text));
              return null;
            });
  }

  private static SyncAnswer.Rejection rejection(
      int index, String code, List<FieldProblem> problems, Locale locale) {
    List<SyncAnswer.Error> errors =
        problems.stream()
            .map(
                p ->
                    new SyncAnswer.Error(p.field(), Messages.get(locale, p.messageKey(), p.args())))
            .toList();
    String reason = errors.stream().map(SyncAnswer.Error::message).collect(Collectors.joining(" "));
    return new SyncAnswer.Rejection(index, code, reason, errors);
  }

  /** The record's code as sent, to name it in the answer, when it is a string. */
  private static String codeOf(JsonValue value) {
    if (value instanceof JsonObject o && o.get("code") instanceof JsonString s) {
      String code = s.getString().strip();
      return code.length() > 60 ? code.substring(0, 60) : code;
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String shortMessage(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static WebApplicationException tooLarge(Locale locale, String detail) {
    return problem(Problem.of(413, "too-large", "problem.tooLarge", locale, detail));
  }

  private static WebApplicationException problem(jakarta.ws.rs.core.Response response) {
    return new WebApplicationException(response);
  }
}
