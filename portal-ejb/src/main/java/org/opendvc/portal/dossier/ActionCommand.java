package org.opendvc.portal.dossier;

import java.time.Instant;

/** An action on a dossier as asked: its name, its note or reason, and what it may need. */
public record ActionCommand(
    String action, String note, String targetAgencyCode, Instant newDueAt, Integer expectedVersion) {}
