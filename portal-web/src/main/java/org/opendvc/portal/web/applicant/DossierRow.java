package org.opendvc.portal.web.applicant;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.Timeliness;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.web.shared.Formats;

/** One dossier as the applicant's list shows it: code and link, procedure, status, dates. */
public record DossierRow(
    String code,
    String url,
    String procedure,
    String agency,
    String status,
    String statusKey,
    int statusCode,
    String receivedAt,
    String dueAt,
    String timeliness,
    String timelinessKey) {

  static DossierRow of(Dossier d, String base, Locale locale, Instant now) {
    String code = d.code().toString();
    Optional<Timeliness> timeliness = d.timeliness(now);
    return new DossierRow(
        code,
        base + "/my/dossiers/" + code,
        d.procedure().name(),
        d.agency().name(),
        Messages.get(locale, d.status().messageKey()),
        d.status().key(),
        d.status().code(),
        Formats.when(d.receivedAt()),
        Formats.day(d.dueAt().orElse(null)),
        Timeliness.label(timeliness, locale),
        timeliness.map(Enum::name).orElse("NONE"));
  }
}
