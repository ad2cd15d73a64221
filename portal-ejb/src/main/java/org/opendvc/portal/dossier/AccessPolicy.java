package org.opendvc.portal.dossier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.opendvc.portal.identity.Role;

/**
 * Who may see and do what with dossiers (quyền truy cập hồ sơ): the one policy that the dossier
 * services, the REST resources and the pages all ask, so that a rule is written once.
 *
 * <ul>
 *   <li>An applicant sees and acts on the dossiers their own account submitted, and no other.
 *   <li>An officer or an agency admin sees and acts on the dossiers their own agency handles: the
 *       unit itself, not the units under it nor the one above it. A dossier transferred away is no
 *       longer theirs.
 *   <li>The admin sees every dossier and takes no action on any.
 *   <li>An agency's case software ({@link Role#AGENCY_SYSTEM}) publishes through the agency sync
 *       and sees no dossier here.
 * </ul>
 *
 * <p>A dossier the caller may not see is answered as unknown (404), so that its existence is not
 * told; a dossier the caller sees but may not act on that way is refused (403); an action the
 * caller may take but not in the dossier's status is the state machine's refusal (409), decided by
 * {@link Dossier} and the table of {@link DossierAction}.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** Whose dossiers a caller's lists hold. */
  public enum Reach {
    /** The applicant's own dossiers. */
    OWN,
    /** The dossiers of the caller's agency. */
    AGENCY,
    /** Every dossier (the admin). */
    ALL,
    /** None (an agency system). */
    NONE
  }

  /** Whether an entry point open to these roles admits the caller's role (the API's gate). */
  public static boolean admits(Role role, Role... roles) {
    return role != null && Arrays.stream(roles).anyMatch(r -> r == role);
  }

  /**
   * Whether the caller is an officer or an agency admin of exactly this agency (the staff who
   * receive and handle its dossiers); the units under it and above it are other agencies.
   */
  public static boolean isStaffOf(Caller caller, String agencyCode) {
    return (caller.role() == Role.OFFICER || caller.role() == Role.AGENCY_ADMIN)
        && agencyCode != null
        && agencyCode.equals(caller.agencyCode());
  }

  /** Whether the caller is the applicant whose account submitted the dossier. */
  public static boolean isOwner(Dossier d, Caller caller) {
    return caller.role() == Role.APPLICANT
        && d.owner().map(o -> o.username().equals(caller.username())).orElse(false);
  }

  /** Whether the caller handles the dossier: staff of the agency that has it now. */
  public static boolean handles(Dossier d, Caller caller) {
    return isStaffOf(caller, d.agency().code());
  }

  /** Whether the caller may see the dossier at all: its owner, its agency's staff, the admin. */
  public static boolean maySee(Dossier d, Caller caller) {
    return caller.role() == Role.ADMIN || isOwner(d, caller) || handles(d, caller);
  }

  /**
   * Whether the caller is the one who takes this action on this dossier, whatever its status: the
   * owner for an applicant's action, the handling agency's staff for an officer's.
   */
  public static boolean mayTake(DossierAction action, Dossier d, Caller caller) {
    return action.actor() == DossierAction.Actor.APPLICANT
        ? isOwner(d, caller)
        : handles(d, caller);
  }

  /**
   * Refuses (403) an action the caller does not take on this dossier, with the reason: only the
   * applicant, or only the agency's officers, may take it.
   */
  public static void requireMayTake(DossierAction action, Dossier d, Caller caller) {
    if (!mayTake(action, d, caller)) {
      throw new ForbiddenException(
          action.actor() == DossierAction.Actor.APPLICANT
              ? "dossier.applicantOnly"
              : "dossier.officerOnly");
    }
  }

  /**
   * The actions this caller may take on this dossier now: the officer actions of its status for the
   * handling agency's staff, the applicant actions for its owner, nothing for anyone else. The
   * API's {@code allowedActions} and the pages use it. PAY is never offered as an action: the owner
   * pays through the payment provider, whose confirmed callback applies it.
   */
  public static Set<DossierAction> allowedActions(Dossier d, Caller caller) {
    if (caller.role() == Role.APPLICANT) {
      Set<DossierAction> allowed =
          isOwner(d, caller)
              ? DossierAction.allowedIn(d.status(), DossierAction.Actor.APPLICANT)
              : EnumSet.noneOf(DossierAction.class);
      allowed.remove(DossierAction.PAY);
      return allowed;
    }
    return handles(d, caller)
        ? DossierAction.allowedIn(d.status(), DossierAction.Actor.OFFICER)
        : EnumSet.noneOf(DossierAction.class);
  }

  /**
   * Refuses (403) a submission the caller may not make: online only by an applicant, at the counter
   * or by post only by the receiving agency's staff.
   */
  public static void requireMayReceive(Channel channel, String agencyCode, Caller caller) {
    if (channel == Channel.ONLINE) {
      if (caller.role() != Role.APPLICANT) {
        throw new ForbiddenException("dossier.onlineByApplicant");
      }
    } else if (!isStaffOf(caller, agencyCode)) {
      throw new ForbiddenException("dossier.counterByOfficer");
    }
  }

  /**
   * Whether the caller may read the evaluation of a dossier's handling (Circular 01/2018): the
   * staff of the agency that has it and the admin, not its applicant.
   */
  public static boolean mayEvaluate(Dossier d, Caller caller) {
    return caller.role() == Role.ADMIN || handles(d, caller);
  }

  /** Whose dossiers the caller's work list holds. */
  public static Reach reach(Caller caller) {
    return switch (caller.role()) {
      case APPLICANT -> Reach.OWN;
      case OFFICER, AGENCY_ADMIN -> Reach.AGENCY;
      case ADMIN -> Reach.ALL;
      case AGENCY_SYSTEM -> Reach.NONE;
    };
  }

  /**
   * Whether the caller may ask for the list of this agency's dossiers (none named: the caller's own
   * list): any caller without an agency, whose list is their own or everyone's whatever they name,
   * and staff only for their own agency.
   */
  public static boolean mayListAgency(Caller caller, String agencyCode) {
    return agencyCode == null
        || agencyCode.isBlank()
        || caller.agencyCode() == null
        || agencyCode.strip().equals(caller.agencyCode());
  }
}
