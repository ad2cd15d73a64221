package org.opendvc.portal.api.dossier;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.StatusChange;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.dossier.TrackingView;
import org.opendvc.portal.shared.Messages;

/** The dossier's JSON shapes at the API edge (docs/API.md). */
public final class DossierJson {

  private DossierJson() {}

  static JsonObject status(DossierStatus s, Locale locale) {
    return JSON.createObjectBuilder()
        .add("code", s.code())
        .add("key", s.key())
        .add("label", Messages.get(locale, s.messageKey()))
        .build();
  }

  static JsonValue time(Instant t) {
    return t == null
        ? JsonValue.NULL
        : JSON.createValue(OffsetDateTime.ofInstant(t, WorkingCalendar.ZONE).toString());
  }

  /** Everything, for the owner, the agency's officers and admins. */
  static JsonObject full(Dossier d, Locale locale, Instant now, String trackingUrl) {
    return full(d, locale, now, trackingUrl, java.util.Map.of());
  }

  /** As above, with the acting units' names ({@code unitName} beside each step's unit code). */
  static JsonObject full(
      Dossier d,
      Locale locale,
      Instant now,
      String trackingUrl,
      java.util.Map<String, String> unitNames) {
    JsonObjectBuilder b = summary(d, locale, now);
    b.add("channel", d.channel().name());
    b.add(
        "receivingAgency",
        JSON.createObjectBuilder()
            .add("code", d.receivingAgency().code())
            .add("name", d.receivingAgency().name()));
    b.add(
        "applicant",
        JSON.createObjectBuilder()
            .add("type", d.applicant().type().name())
            .add("fullName", d.applicant().fullName())
            .add("idNumber", d.applicant().idNumber())
            .add("phone", nullable(d.applicant().phone()))
            .add("email", nullable(d.applicant().email()))
            .add("address", nullable(d.applicant().address())));
    b.add("form", form(d.form()));
    b.add("supplementRequests", d.supplementRequests());
    b.add("version", d.version());
    b.add("trackingUrl", trackingUrl);
    JsonArrayBuilder history = JSON.createArrayBuilder();
    for (StatusChange c : d.history()) {
      history.add(
          JSON.createObjectBuilder()
              .add("seq", c.seq())
              .add("action", c.action())
              .add("from", c.from().map(s -> (JsonValue) status(s, locale)).orElse(JsonValue.NULL))
              .add("status", status(c.to(), locale))
              .add("at", time(c.at()))
              .add("actor", c.actor())
              .add("unit", nullable(c.unitCode()))
              .add("unitName", nullable(c.unitCode() == null ? null : unitNames.get(c.unitCode())))
              .add("note", nullable(c.note()))
              .add("dueAt", time(c.dueAt())));
    }
    b.add("history", history);
    return b.build();
  }

  /** What a work list shows of a dossier. */
  static JsonObjectBuilder summary(Dossier d, Locale locale, Instant now) {
    return JSON.createObjectBuilder()
        .add("code", d.code().toString())
        .add("status", status(d.status(), locale))
        .add(
            "procedure",
            JSON.createObjectBuilder()
                .add("code", d.procedure().code())
                .add("name", d.procedure().name()))
        .add(
            "agency",
            JSON.createObjectBuilder()
                .add("code", d.agency().code())
                .add("name", d.agency().name()))
        .add("applicantName", d.applicant().fullName())
        .add("receivedAt", time(d.receivedAt()))
        .add("dueAt", time(d.dueAt().orElse(null)))
        .add("finishedAt", time(d.finishedAt().orElse(null)))
        .add("timeliness", timeliness(d.timeliness(now)));
  }

  /** What the public sees with the right code and ID number: no personal data. */
  static JsonObject tracking(TrackingView d, Locale locale, Instant now) {
    Optional<Timeliness> timeliness = d.timeliness(now);
    JsonArrayBuilder history = JSON.createArrayBuilder();
    for (TrackingView.Step c : d.history()) {
      history.add(
          JSON.createObjectBuilder()
              .add("status", status(c.status(), locale))
              .add("at", time(c.at()))
              .add("unit", nullable(c.unit()))
              .add("unitName", nullable(c.unitName()))
              .add("action", c.action())
              .add("note", Messages.get(locale, c.labelKey())));
    }
    return JSON.createObjectBuilder()
        .add("code", d.code())
        .add(
            "procedure",
            JSON.createObjectBuilder()
                .add("code", d.procedureCode())
                .add("name", d.procedureName()))
        .add(
            "agency",
            JSON.createObjectBuilder().add("code", d.agencyCode()).add("name", d.agencyName()))
        .add("status", status(d.status(), locale))
        .add("receivedAt", time(d.receivedAt()))
        .add("dueAt", time(d.dueAt()))
        .add("finishedAt", time(d.finishedAt()))
        .add("timeliness", timeliness(timeliness))
        .add(
            "timelinessLabel",
            timeliness
                .map(
                    t ->
                        (JsonValue)
                            JSON.createValue(Messages.get(locale, "timeliness." + t.name())))
                .orElse(JsonValue.NULL))
        .add("history", history)
        .build();
  }

  /** What the dossier owes and the payments made or tried, newest first. */
  static JsonObject payment(
      Dossier d, java.util.List<org.opendvc.portal.payment.Payment> payments) {
    JsonArrayBuilder list = JSON.createArrayBuilder();
    payments.forEach(p -> list.add(payment(p)));
    boolean due = d.status() == DossierStatus.PAYING && d.paymentAmount().isPresent();
    return JSON.createObjectBuilder()
        .add("amountDue", due ? JSON.createValue(d.paymentAmount().get()) : JsonValue.NULL)
        .add("currency", "VND")
        .add(
            "payUrl",
            due ? JSON.createValue("/api/v1/dossiers/" + d.code() + "/payments") : JsonValue.NULL)
        .add("payments", list)
        .build();
  }

  /**
   * A payment, the one shape the API gives it: in a dossier's {@code payment.payments} and in
   * {@code /api/v1/dossiers/{code}/payments} alike.
   */
  public static JsonObject payment(org.opendvc.portal.payment.Payment p) {
    return JSON.createObjectBuilder()
        .add("paymentId", p.id())
        .add("amount", p.amount())
        .add("currency", p.currency())
        .add("status", p.status().name())
        .add("provider", p.provider())
        .add("reference", p.reference())
        .add("redirectUrl", p.redirectUrl())
        .add("createdAt", time(p.createdAt()))
        .add("completedAt", time(p.completedAt().orElse(null)))
        .build();
  }

  static JsonArrayBuilder actions(Iterable<DossierAction> actions) {
    JsonArrayBuilder out = JSON.createArrayBuilder();
    actions.forEach(a -> out.add(a.name()));
    return out;
  }

  /** The timeliness' name, or null where it does not apply (a withdrawn dossier). */
  private static JsonValue timeliness(Optional<Timeliness> t) {
    return t.map(v -> (JsonValue) JSON.createValue(v.name())).orElse(JsonValue.NULL);
  }

  private static JsonValue nullable(String s) {
    return s == null ? JsonValue.NULL : JSON.createValue(s);
  }

  private static JsonValue form(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectBuilder().build();
    }
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
