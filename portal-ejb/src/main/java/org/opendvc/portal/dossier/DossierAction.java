package org.opendvc.portal.dossier;

import static org.opendvc.portal.dossier.DossierStatus.DONE;
import static org.opendvc.portal.dossier.DossierStatus.NEW;
import static org.opendvc.portal.dossier.DossierStatus.PAYING;
import static org.opendvc.portal.dossier.DossierStatus.PROCESSING;
import static org.opendvc.portal.dossier.DossierStatus.RECEIVING;
import static org.opendvc.portal.dossier.DossierStatus.RELEASING;
import static org.opendvc.portal.dossier.DossierStatus.WAITING;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What can be done to a dossier, from which statuses, by whom, and where it leads (docs/domain.md
 * §4). Any action not listed for a status is refused.
 */
public enum DossierAction {
  ACCEPT(Actor.OFFICER, EnumSet.of(RECEIVING), Target.to(NEW), false),
  REFUSE(Actor.OFFICER, EnumSet.of(RECEIVING, NEW), Target.to(DossierStatus.DENIED), true),
  START_PROCESSING(Actor.OFFICER, EnumSet.of(NEW), Target.to(PROCESSING), false),
  TRANSFER(Actor.OFFICER, EnumSet.of(NEW, PROCESSING), Target.to(PROCESSING), false),
  REQUEST_SUPPLEMENT(
      Actor.OFFICER, EnumSet.of(RECEIVING, NEW, PROCESSING), Target.to(WAITING), true),
  SUPPLEMENT(Actor.APPLICANT, EnumSet.of(WAITING), Target.previous(), false),
  REQUEST_PAYMENT(Actor.OFFICER, EnumSet.of(NEW, PROCESSING), Target.to(PAYING), false),
  PAY(Actor.APPLICANT, EnumSet.of(PAYING), Target.previous(), false),
  WITHDRAW(
      Actor.APPLICANT,
      EnumSet.of(RECEIVING, NEW, PROCESSING, WAITING, PAYING),
      Target.to(DossierStatus.CANCELLED),
      false),
  STOP(
      Actor.OFFICER,
      EnumSet.of(NEW, PROCESSING, WAITING, PAYING),
      Target.to(DossierStatus.UNRESOLVED),
      true),
  RESOLVE(Actor.OFFICER, EnumSet.of(PROCESSING), Target.to(RELEASING), false),
  RETURN(Actor.OFFICER, EnumSet.of(RELEASING), Target.to(DONE), false),
  APOLOGIZE(Actor.OFFICER, EnumSet.of(NEW, PROCESSING, WAITING, PAYING), Target.unchanged(), true);

  /** Who may take an action. */
  public enum Actor {
    OFFICER,
    APPLICANT
  }

  /** Where an action leads: a fixed status, back to the status before a request, or nowhere. */
  record Target(DossierStatus status, boolean backToPrevious) {
    static Target to(DossierStatus s) {
      return new Target(s, false);
    }

    static Target previous() {
      return new Target(null, true);
    }

    static Target unchanged() {
      return new Target(null, false);
    }
  }

  private final Actor actor;
  private final Set<DossierStatus> from;
  private final Target target;
  private final boolean reasonRequired;

  DossierAction(Actor actor, Set<DossierStatus> from, Target target, boolean reasonRequired) {
    this.actor = actor;
    this.from = from;
    this.target = target;
    this.reasonRequired = reasonRequired;
  }

  public Actor actor() {
    return actor;
  }

  public Set<DossierStatus> allowedFrom() {
    return EnumSet.copyOf(from);
  }

  public boolean allowedIn(DossierStatus status) {
    return from.contains(status);
  }

  /**
   * Whether the action needs a reason (refusal form 03, stop, supplement request, apology form 04).
   */
  public boolean requiresReason() {
    return reasonRequired;
  }

  /**
   * The status after the action, given the current status and the status the dossier had before its
   * pending request (for SUPPLEMENT and PAY); empty when the action is not allowed now.
   */
  public Optional<DossierStatus> next(DossierStatus current, DossierStatus beforeRequest) {
    if (!allowedIn(current)) {
      return Optional.empty();
    }
    if (target.backToPrevious()) {
      return Optional.ofNullable(beforeRequest);
    }
    return Optional.of(target.status() == null ? current : target.status());
  }

  /** The actions allowed in a status, in declaration order: what a page may offer. */
  public static Set<DossierAction> allowedIn(DossierStatus status, Actor actor) {
    Set<DossierAction> out = EnumSet.noneOf(DossierAction.class);
    for (DossierAction a : values()) {
      if (a.actor == actor && a.allowedIn(status)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The actions this caller may take on this dossier now: {@link AccessPolicy#allowedActions}. */
  public static Set<DossierAction> allowedFor(Dossier d, Caller caller) {
    return AccessPolicy.allowedActions(d, caller);
  }
}
