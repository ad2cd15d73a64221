package org.opendvc.portal.api.publication;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.publication.PublishedResult;
import org.opendvc.portal.publication.ResultPage;
import org.opendvc.portal.shared.Messages;

/**
 * The JSON shapes of the results board (docs/api.md, "Publication"), as records that JSON-B writes.
 * A value that is absent (the receiving agency of a dossier that was not transferred, the level of
 * a procedure the agency no longer offers) is left out of the object.
 */
final class ResultsJson {

  private ResultsJson() {}

  /** A page of the board. */
  @JsonbPropertyOrder({"total", "totalCapped", "page", "size", "items"})
  public record Answer(long total, boolean totalCapped, int page, int size, List<Item> items) {}

  /** A procedure or an agency: its code and name. */
  @JsonbPropertyOrder({"code", "name"})
  public record Ref(String code, String name) {}

  /** One finished dossier. */
  @JsonbPropertyOrder({
    "code",
    "procedure",
    "agency",
    "receivingAgency",
    "field",
    "level",
    "receivedAt",
    "dueAt",
    "finishedAt",
    "timeliness",
    "timelinessLabel",
    "applicant"
  })
  public record Item(
      String code,
      Ref procedure,
      Ref agency,
      Ref receivingAgency,
      String field,
      Integer level,
      OffsetDateTime receivedAt,
      OffsetDateTime dueAt,
      OffsetDateTime finishedAt,
      String timeliness,
      String timelinessLabel,
      String applicant) {}

  static Answer answer(ResultPage page, Locale locale) {
    return new Answer(
        page.total(),
        page.totalCapped(),
        page.page(),
        page.size(),
        page.items().stream().map(r -> item(r, locale)).toList());
  }

  static Item item(PublishedResult r, Locale locale) {
    return new Item(
        r.code(),
        new Ref(r.procedureCode(), r.procedureName()),
        new Ref(r.agencyCode(), r.agencyName()),
        r.transferred() ? new Ref(r.receivingAgencyCode(), r.receivingAgencyName()) : null,
        r.field(),
        r.level(),
        time(r.receivedAt()),
        time(r.dueAt()),
        time(r.finishedAt()),
        r.timeliness().name(),
        Messages.get(locale, "timeliness." + r.timeliness().name()),
        r.applicant());
  }

  static OffsetDateTime time(Instant t) {
    return t == null ? null : OffsetDateTime.ofInstant(t, WorkingCalendar.ZONE);
  }
}
