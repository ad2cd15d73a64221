package org.opendvc.portal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.shared.Page;

/**
 * Where dossiers are kept: the finders, the work list and the daily counter of dossier codes. The
 * implementation lives in {@code infrastructure.persistence}; the rules of who may see what are not
 * here but in {@link AccessPolicy}, applied by the services before and after asking.
 */
public interface DossierRepository {

  /** The dossier with this code; empty for an unknown code or text that is no dossier code. */
  Optional<Dossier> find(String code);

  /**
   * The dossier with this code, its row locked for the rest of the transaction: one writer at a
   * time (the agency sync, which may create or update it).
   */
  Optional<Dossier> findLocked(DossierCode code);

  /** Keeps a new dossier; its id and first history row are given out at once. */
  void add(Dossier dossier);

  /**
   * Writes the dossier's changes at once; false when another transaction changed it since it was
   * read (its version moved on), in which case nothing of this transaction may be kept.
   */
  boolean store(Dossier dossier);

  /**
   * The next sequence of a unit's dossier codes for a day, from a counter row incremented under its
   * row lock in the caller's transaction: two dossiers received at once never get the same one. The
   * caller refuses a sequence beyond {@link DossierCode#MAX_SEQUENCE}.
   */
  int nextSequence(String unitCode, LocalDate day);

  /**
   * Marks a code that an agency's own system issued as used: the counter of its unit and day moves
   * to at least its sequence, so the portal never issues the same code afterwards.
   */
  void claim(DossierCode code);

  /** An applicant's own dossiers, newest first (receipt, then id), one page. */
  Page<Dossier> ofOwner(String username, int page, int size);

  /**
   * The work list (see {@link WorkListQuery}) among the dossiers of {@code among}, open ones most
   * urgent first by {@link WorkListQuery#rank} at {@code now} with "due soon" up to {@code
   * horizon}, a list of finished ones only most recently finished first.
   */
  Page<Dossier> workList(Among among, WorkListQuery query, Instant now, Instant horizon);

  /** How many dossiers an agency has in each status (statuses with none left out). */
  Map<DossierStatus, Long> statusCounts(Agency agency);

  /** Makes the result documents uploaded so far the dossier's result, at this moment. */
  void linkResults(Dossier dossier, Instant at);

  /** How many result documents a dossier has. */
  long countResults(Dossier dossier);

  /**
   * Whose dossiers a list looks at, and the procedure it is limited to: an applicant's own (by
   * account name), an agency's, or every dossier ({@code owner} and {@code agency} both null);
   * {@code procedure} null for any.
   */
  record Among(String owner, Agency agency, Procedure procedure) {

    public static Among ownedBy(String username) {
      return new Among(username, null, null);
    }

    public static Among handledBy(Agency agency) {
      return new Among(null, agency, null);
    }

    public static Among everyone() {
      return new Among(null, null, null);
    }

    /** The same dossiers, only those of this procedure. */
    public Among of(Procedure p) {
      return new Among(owner, agency, p);
    }
  }
}
