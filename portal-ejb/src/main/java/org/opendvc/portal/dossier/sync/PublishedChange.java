package org.opendvc.portal.dossier.sync;

import java.time.Instant;
import org.opendvc.portal.dossier.DossierStatus;

/**
 * One status change of a published record, as the agency's system numbered it.
 *
 * @param seq the system's number for the change, from 1 per dossier
 * @param status the status reached
 * @param at when
 * @param dueAt the due moment after the change, or null when unchanged
 * @param agencyCode the agency handling the dossier after the change, or null when unchanged
 * @param note a note for the history, or null
 */
public record PublishedChange(
    int seq, DossierStatus status, Instant at, Instant dueAt, String agencyCode, String note) {}
