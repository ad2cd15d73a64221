package org.opendvc.portal.dossier;

/**
 * Fired (as a synchronous CDI event) inside the transaction that changes a dossier, after its new
 * history steps are flushed: observers that keep figures derived from the history (the statistics)
 * update them in the same transaction, so they commit or roll back with the change.
 *
 * @param dossier the dossier, managed, with its whole history
 * @param stepsBefore how many history steps it had before this change (0 for a new dossier)
 */
public record DossierChanged(Dossier dossier, int stepsBefore) {}
