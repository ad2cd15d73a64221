package org.opendvc.portal.dossier;

import java.time.Instant;
import java.util.Objects;
import org.opendvc.portal.catalogue.Agency;

/**
 * A status change that an agency's own case software reported (docs/domain.md §4, "Dossiers
 * published by agency systems"): the status the dossier reached and when, with the due moment and
 * the handling agency after it when the change moved them, and a note. External systems report
 * states, not actions, so any status may follow any other that is not final.
 *
 * @param seq the reporting system's own number for the change, from 1 per dossier
 * @param status the status reached
 * @param at when it was reached
 * @param dueAt the due moment after the change (an apology's new date, say); null: unchanged
 * @param agency the agency handling the dossier after the change (a transfer); null: unchanged
 * @param note the note shown in the history, or null
 */
public record ReportedChange(
    int seq, DossierStatus status, Instant at, Instant dueAt, Agency agency, String note) {

  public ReportedChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
  }
}
