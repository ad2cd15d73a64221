package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.DossierAction.ACCEPT;
import static org.opendvc.portal.dossier.DossierAction.APOLOGIZE;
import static org.opendvc.portal.dossier.DossierAction.PAY;
import static org.opendvc.portal.dossier.DossierAction.REFUSE;
import static org.opendvc.portal.dossier.DossierAction.REQUEST_PAYMENT;
import static org.opendvc.portal.dossier.DossierAction.REQUEST_SUPPLEMENT;
import static org.opendvc.portal.dossier.DossierAction.RESOLVE;
import static org.opendvc.portal.dossier.DossierAction.RETURN;
import static org.opendvc.portal.dossier.DossierAction.START_PROCESSING;
import static org.opendvc.portal.dossier.DossierAction.STOP;
import static org.opendvc.portal.dossier.DossierAction.SUPPLEMENT;
import static org.opendvc.portal.dossier.DossierAction.TRANSFER;
import static org.opendvc.portal.dossier.DossierAction.WITHDRAW;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.calendar.TimeLimitUnit;
import org.opendvc.portal.calendar.WorkingCalendar;
import org.opendvc.portal.catalogue.Agency;
import org.opendvc.portal.catalogue.Procedure;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.catalogue.Tier;
import org.opendvc.portal.identity.Account;
import org.opendvc.portal.identity.Role;

/**
 * The access policy on hand-made dossiers and callers: the owner and another applicant, the
 * handling agency's officer and agency admin, the staff of the unit above it and of a unit under
 * it, another agency's officer, the admin and an agency system; every status with the actions each
 * may take in it, written out by hand.
 */
class AccessPolicyTest {

  private static final Agency DISTRICT =
      new Agency("000.00.31.H91", "UBND huyện Lam Giang", Tier.DISTRICT, null);
  private static final Agency COMMUNE =
      new Agency("000.01.31.H91", "UBND xã Lam Sơn", Tier.COMMUNE, DISTRICT);
  private static final Agency HAMLET_UNIT =
      new Agency("000.01.31.H91.01", "Bộ phận một cửa thôn Lam", Tier.COMMUNE, COMMUNE);
  private static final Agency OTHER_COMMUNE =
      new Agency("000.02.31.H91", "UBND xã Lam Thủy", Tier.COMMUNE, DISTRICT);
  private static final Procedure BIRTH =
      new Procedure("9.001001", "Đăng ký khai sinh", ProcedureDetails.empty());
  private static final Account OWNER_ACCOUNT =
      new Account(
          "congdan",
          null,
          Role.APPLICANT,
          null,
          "Nguyễn Văn An",
          Instant.parse("2026-01-05T01:00:00Z"));
  private static final WorkingCalendar PLAIN = new WorkingCalendar(Set.of(), Set.of());

  private static final Caller OWNER = new Caller("congdan", Role.APPLICANT, null);
  private static final Caller OTHER_APPLICANT = new Caller("doanhnghiep", Role.APPLICANT, null);
  private static final Caller OFFICER = new Caller("canbo.xa", Role.OFFICER, COMMUNE.code());
  private static final Caller AGENCY_ADMIN =
      new Caller("quantri.xa", Role.AGENCY_ADMIN, COMMUNE.code());
  private static final Caller PARENT_OFFICER =
      new Caller("canbo.huyen", Role.OFFICER, DISTRICT.code());
  private static final Caller SUB_UNIT_OFFICER =
      new Caller("canbo.thon", Role.OFFICER, HAMLET_UNIT.code());
  private static final Caller OTHER_OFFICER =
      new Caller("canbo.xa2", Role.OFFICER, OTHER_COMMUNE.code());
  private static final Caller OTHER_AGENCY_ADMIN =
      new Caller("quantri.xa2", Role.AGENCY_ADMIN, OTHER_COMMUNE.code());
  private static final Caller ADMIN = new Caller("admin", Role.ADMIN, null);
  private static final Caller AGENCY_SYSTEM =
      new Caller("he-thong.xa", Role.AGENCY_SYSTEM, COMMUNE.code());

  /** An officer whose name is the owner's: the role decides, not the name. */
  private static final Caller OFFICER_NAMED_LIKE_OWNER =
      new Caller("congdan", Role.OFFICER, OTHER_COMMUNE.code());

  private static final Caller OFFICER_WITHOUT_AGENCY = new Caller("canbo.moi", Role.OFFICER, null);

  private static final ActedBy BY_OFFICER = ActedBy.officer("canbo.xa", COMMUNE.code());
  private static final ActedBy BY_OWNER = ActedBy.applicant("congdan");
  private static final TimeLimitRule FIVE_DAYS = new TimeLimitRule(5, TimeLimitUnit.WORKING_DAYS);

  private static Instant at(int minutes) {
    return Instant.parse("2026-03-02T02:00:00Z").plusSeconds(60L * minutes);
  }

  private static Applicant applicant() {
    return new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "001099012345", null, null, null);
  }

  /** Submitted online by the owner's account to the commune: status 1. */
  private static Dossier online() {
    return Dossier.receive(
        new DossierCode(COMMUNE.code(), LocalDate.parse("2026-03-02"), 1),
        BIRTH,
        COMMUNE,
        Channel.ONLINE,
        applicant(),
        OWNER_ACCOUNT,
        "{}",
        at(0),
        FIVE_DAYS,
        PLAIN,
        "congdan");
  }

  /** Received at the commune's counter, no account behind it: status 2. */
  private static Dossier atCounter() {
    return Dossier.receive(
        new DossierCode(COMMUNE.code(), LocalDate.parse("2026-03-02"), 2),
        BIRTH,
        COMMUNE,
        Channel.COUNTER,
        applicant(),
        null,
        null,
        at(0),
        FIVE_DAYS,
        PLAIN,
        "canbo.xa");
  }

  private static Dossier accepted() {
    Dossier d = online();
    d.accept(BY_OFFICER, at(1), FIVE_DAYS, PLAIN, null);
    return d;
  }

  private static Dossier processing() {
    Dossier d = accepted();
    d.startProcessing(BY_OFFICER, at(2), null);
    return d;
  }

  /** The owner's online dossier in each of the ten statuses, reached by its own transitions. */
  private static Map<DossierStatus, Dossier> inEveryStatus() {
    Map<DossierStatus, Dossier> out = new EnumMap<>(DossierStatus.class);
    put(out, online());
    put(out, accepted());
    put(out, with(online(), d -> d.refuse(BY_OFFICER, at(1), "thiếu giấy tờ")));
    put(out, processing());
    put(out, with(processing(), d -> d.requestSupplement(BY_OFFICER, at(3), "bổ sung tờ khai")));
    put(out, with(processing(), d -> d.requestPayment(BY_OFFICER, at(3), 150_000, null)));
    put(out, with(online(), d -> d.withdraw(BY_OWNER, at(1), null)));
    put(out, with(accepted(), d -> d.stop(BY_OFFICER, at(2), "không đủ điều kiện")));
    Dossier releasing = with(processing(), d -> d.resolve(BY_OFFICER, at(3), null));
    put(out, releasing);
    put(
        out,
        with(
            with(processing(), d -> d.resolve(BY_OFFICER, at(3), null)),
            d -> d.returnResult(BY_OFFICER, at(4), null)));
    assertEquals(DossierStatus.values().length, out.size(), "every status is reached");
    return out;
  }

  private static void put(Map<DossierStatus, Dossier> out, Dossier d) {
    out.put(d.status(), d);
  }

  private static Dossier with(Dossier d, java.util.function.Consumer<Dossier> step) {
    step.accept(d);
    return d;
  }

  /** The officer actions of each status, as docs/domain.md §4 lists them. */
  private static final Map<DossierStatus, Set<DossierAction>> OFFICER_ACTIONS =
      Map.of(
          DossierStatus.RECEIVING, EnumSet.of(ACCEPT, REFUSE, REQUEST_SUPPLEMENT),
          DossierStatus.NEW,
              EnumSet.of(
                  REFUSE,
                  START_PROCESSING,
                  TRANSFER,
                  REQUEST_SUPPLEMENT,
                  REQUEST_PAYMENT,
                  STOP,
                  APOLOGIZE),
          DossierStatus.DENIED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.PROCESSING,
              EnumSet.of(TRANSFER, REQUEST_SUPPLEMENT, REQUEST_PAYMENT, STOP, RESOLVE, APOLOGIZE),
          DossierStatus.WAITING, EnumSet.of(STOP, APOLOGIZE),
          DossierStatus.PAYING, EnumSet.of(STOP, APOLOGIZE),
          DossierStatus.CANCELLED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.UNRESOLVED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.RELEASING, EnumSet.of(RETURN),
          DossierStatus.DONE, EnumSet.noneOf(DossierAction.class));

  /** The owner's actions of each status; PAY is never offered (the provider's callback pays). */
  private static final Map<DossierStatus, Set<DossierAction>> OWNER_ACTIONS =
      Map.of(
          DossierStatus.RECEIVING, EnumSet.of(WITHDRAW),
          DossierStatus.NEW, EnumSet.of(WITHDRAW),
          DossierStatus.DENIED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.PROCESSING, EnumSet.of(WITHDRAW),
          DossierStatus.WAITING, EnumSet.of(SUPPLEMENT, WITHDRAW),
          DossierStatus.PAYING, EnumSet.of(WITHDRAW),
          DossierStatus.CANCELLED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.UNRESOLVED, EnumSet.noneOf(DossierAction.class),
          DossierStatus.RELEASING, EnumSet.noneOf(DossierAction.class),
          DossierStatus.DONE, EnumSet.noneOf(DossierAction.class));

  @Test
  void theOwnerSeesTheirDossierAndTakesTheApplicantsActionsOfEachStatus() {
    inEveryStatus()
        .forEach(
            (status, d) -> {
              assertTrue(AccessPolicy.maySee(d, OWNER), status.name());
              assertTrue(AccessPolicy.isOwner(d, OWNER), status.name());
              assertFalse(AccessPolicy.handles(d, OWNER), status.name());
              assertEquals(
                  OWNER_ACTIONS.get(status), AccessPolicy.allowedActions(d, OWNER), status.name());
              assertFalse(AccessPolicy.mayEvaluate(d, OWNER), status.name());
            });
  }

  @Test
  void theHandlingAgencysOfficerAndAgencyAdminTakeTheOfficersActionsOfEachStatus() {
    inEveryStatus()
        .forEach(
            (status, d) -> {
              for (Caller staff : new Caller[] {OFFICER, AGENCY_ADMIN}) {
                String what = staff.role() + " in " + status;
                assertTrue(AccessPolicy.maySee(d, staff), what);
                assertTrue(AccessPolicy.handles(d, staff), what);
                assertFalse(AccessPolicy.isOwner(d, staff), what);
                assertEquals(
                    OFFICER_ACTIONS.get(status), AccessPolicy.allowedActions(d, staff), what);
                assertTrue(AccessPolicy.mayEvaluate(d, staff), what);
              }
            });
  }

  @Test
  void noOneElseSeesTheDossierOrTakesAnyAction() {
    Caller[] outsiders = {
      OTHER_APPLICANT,
      PARENT_OFFICER,
      SUB_UNIT_OFFICER,
      OTHER_OFFICER,
      OTHER_AGENCY_ADMIN,
      AGENCY_SYSTEM,
      OFFICER_NAMED_LIKE_OWNER,
      OFFICER_WITHOUT_AGENCY
    };
    inEveryStatus()
        .forEach(
            (status, d) -> {
              for (Caller c : outsiders) {
                String what =
                    c.username() + " (" + c.role() + ", " + c.agencyCode() + ") in " + status;
                assertFalse(AccessPolicy.maySee(d, c), what);
                assertFalse(AccessPolicy.isOwner(d, c), what);
                assertFalse(AccessPolicy.handles(d, c), what);
                assertEquals(Set.of(), AccessPolicy.allowedActions(d, c), what);
                assertFalse(AccessPolicy.mayEvaluate(d, c), what);
                for (DossierAction a : DossierAction.values()) {
                  assertFalse(AccessPolicy.mayTake(a, d, c), what + ": " + a);
                }
              }
            });
  }

  @Test
  void theAdminSeesEveryDossierButTakesNoAction() {
    inEveryStatus()
        .forEach(
            (status, d) -> {
              assertTrue(AccessPolicy.maySee(d, ADMIN), status.name());
              assertTrue(AccessPolicy.mayEvaluate(d, ADMIN), status.name());
              assertEquals(Set.of(), AccessPolicy.allowedActions(d, ADMIN), status.name());
              for (DossierAction a : DossierAction.values()) {
                assertFalse(AccessPolicy.mayTake(a, d, ADMIN), a.name());
              }
            });
    assertTrue(AccessPolicy.maySee(atCounter(), ADMIN));
  }

  @Test
  void eachActionIsTakenByItsActorOnlyWhateverTheStatus() {
    Dossier d = processing();
    for (DossierAction a : DossierAction.values()) {
      boolean applicants = a == SUPPLEMENT || a == PAY || a == WITHDRAW;
      assertEquals(applicants, AccessPolicy.mayTake(a, d, OWNER), a.name());
      assertEquals(!applicants, AccessPolicy.mayTake(a, d, OFFICER), a.name());
      assertEquals(!applicants, AccessPolicy.mayTake(a, d, AGENCY_ADMIN), a.name());
      ForbiddenException refused =
          assertThrows(
              ForbiddenException.class,
              () -> AccessPolicy.requireMayTake(a, d, applicants ? OFFICER : OWNER));
      assertEquals(
          applicants ? "dossier.applicantOnly" : "dossier.officerOnly", refused.messageKey());
      ForbiddenException stranger =
          assertThrows(
              ForbiddenException.class, () -> AccessPolicy.requireMayTake(a, d, OTHER_APPLICANT));
      assertEquals(
          applicants ? "dossier.applicantOnly" : "dossier.officerOnly", stranger.messageKey());
    }
    assertDoesNotThrow(() -> AccessPolicy.requireMayTake(WITHDRAW, d, OWNER));
    assertDoesNotThrow(() -> AccessPolicy.requireMayTake(RESOLVE, d, OFFICER));
    // the actor may take an action the status does not allow: the state machine refuses it (409)
    assertDoesNotThrow(() -> AccessPolicy.requireMayTake(ACCEPT, d, OFFICER));
    assertFalse(AccessPolicy.allowedActions(d, OFFICER).contains(ACCEPT));
  }

  @Test
  void aDossierReceivedAtTheCounterHasNoOwnerAmongApplicants() {
    Dossier d = atCounter();
    assertFalse(AccessPolicy.maySee(d, OWNER));
    assertEquals(Set.of(), AccessPolicy.allowedActions(d, OWNER));
    assertFalse(AccessPolicy.mayTake(WITHDRAW, d, OWNER));
    assertTrue(AccessPolicy.maySee(d, OFFICER));
    assertEquals(OFFICER_ACTIONS.get(DossierStatus.NEW), AccessPolicy.allowedActions(d, OFFICER));
  }

  @Test
  void aTransferredDossierBelongsToTheAgencyItWentTo() {
    Dossier d = processing();
    d.transfer(BY_OFFICER, at(3), DISTRICT, "liên thông");
    assertFalse(AccessPolicy.maySee(d, OFFICER));
    assertEquals(Set.of(), AccessPolicy.allowedActions(d, OFFICER));
    assertTrue(AccessPolicy.maySee(d, PARENT_OFFICER));
    assertEquals(
        OFFICER_ACTIONS.get(DossierStatus.PROCESSING),
        AccessPolicy.allowedActions(d, PARENT_OFFICER));
    // the owner keeps it whoever handles it
    assertTrue(AccessPolicy.maySee(d, OWNER));
    assertEquals(
        OWNER_ACTIONS.get(DossierStatus.PROCESSING), AccessPolicy.allowedActions(d, OWNER));
  }

  @Test
  void staffBelongToExactlyTheirOwnUnit() {
    assertTrue(AccessPolicy.isStaffOf(OFFICER, COMMUNE.code()));
    assertTrue(AccessPolicy.isStaffOf(AGENCY_ADMIN, COMMUNE.code()));
    assertFalse(AccessPolicy.isStaffOf(PARENT_OFFICER, COMMUNE.code()), "the unit above");
    assertFalse(AccessPolicy.isStaffOf(SUB_UNIT_OFFICER, COMMUNE.code()), "a unit under it");
    assertFalse(AccessPolicy.isStaffOf(OTHER_OFFICER, COMMUNE.code()));
    assertFalse(AccessPolicy.isStaffOf(AGENCY_SYSTEM, COMMUNE.code()), "machines are no staff");
    assertFalse(AccessPolicy.isStaffOf(ADMIN, COMMUNE.code()));
    assertFalse(AccessPolicy.isStaffOf(OWNER, COMMUNE.code()));
    assertFalse(AccessPolicy.isStaffOf(OFFICER_WITHOUT_AGENCY, COMMUNE.code()));
    assertFalse(AccessPolicy.isStaffOf(OFFICER, null));
    // the record's own question says the same
    assertTrue(OFFICER.isOfficerOf(COMMUNE.code()));
    assertFalse(PARENT_OFFICER.isOfficerOf(COMMUNE.code()));
  }

  @Test
  void theActionTableOfDossierActionIsThePolicys() {
    inEveryStatus()
        .forEach(
            (status, d) -> {
              for (Caller c :
                  new Caller[] {OWNER, OTHER_APPLICANT, OFFICER, OTHER_OFFICER, ADMIN}) {
                assertEquals(
                    AccessPolicy.allowedActions(d, c),
                    DossierAction.allowedFor(d, c),
                    c.username() + " in " + status);
              }
            });
  }

  @Test
  void onlineOnlyApplicantsSubmitAndAtTheCounterOnlyTheReceivingAgencysStaff() {
    assertDoesNotThrow(() -> AccessPolicy.requireMayReceive(Channel.ONLINE, COMMUNE.code(), OWNER));
    assertDoesNotThrow(
        () -> AccessPolicy.requireMayReceive(Channel.ONLINE, COMMUNE.code(), OTHER_APPLICANT));
    for (Caller c : new Caller[] {OFFICER, AGENCY_ADMIN, ADMIN, AGENCY_SYSTEM}) {
      assertEquals(
          "dossier.onlineByApplicant",
          assertThrows(
                  ForbiddenException.class,
                  () -> AccessPolicy.requireMayReceive(Channel.ONLINE, COMMUNE.code(), c))
              .messageKey(),
          c.role().name());
    }
    for (Channel ch : new Channel[] {Channel.COUNTER, Channel.POST}) {
      assertDoesNotThrow(() -> AccessPolicy.requireMayReceive(ch, COMMUNE.code(), OFFICER));
      assertDoesNotThrow(() -> AccessPolicy.requireMayReceive(ch, COMMUNE.code(), AGENCY_ADMIN));
      for (Caller c :
          new Caller[] {
            OWNER,
            PARENT_OFFICER,
            SUB_UNIT_OFFICER,
            OTHER_OFFICER,
            OTHER_AGENCY_ADMIN,
            ADMIN,
            AGENCY_SYSTEM
          }) {
        assertEquals(
            "dossier.counterByOfficer",
            assertThrows(
                    ForbiddenException.class,
                    () -> AccessPolicy.requireMayReceive(ch, COMMUNE.code(), c))
                .messageKey(),
            ch + " by " + c.username());
      }
    }
  }

  @Test
  void aWorkListHoldsTheOwnersTheAgencysOrEveryDossier() {
    assertEquals(AccessPolicy.Reach.OWN, AccessPolicy.reach(OWNER));
    assertEquals(AccessPolicy.Reach.AGENCY, AccessPolicy.reach(OFFICER));
    assertEquals(AccessPolicy.Reach.AGENCY, AccessPolicy.reach(AGENCY_ADMIN));
    assertEquals(AccessPolicy.Reach.ALL, AccessPolicy.reach(ADMIN));
    assertEquals(AccessPolicy.Reach.NONE, AccessPolicy.reach(AGENCY_SYSTEM));

    assertTrue(AccessPolicy.mayListAgency(OFFICER, null));
    assertTrue(AccessPolicy.mayListAgency(OFFICER, " "));
    assertTrue(AccessPolicy.mayListAgency(OFFICER, " " + COMMUNE.code() + " "));
    assertFalse(AccessPolicy.mayListAgency(OFFICER, OTHER_COMMUNE.code()));
    assertFalse(AccessPolicy.mayListAgency(OFFICER, DISTRICT.code()), "not the unit above");
    assertFalse(AccessPolicy.mayListAgency(AGENCY_ADMIN, HAMLET_UNIT.code()), "nor one under");
    // without an agency, the list is one's own or everyone's whatever is named
    assertTrue(AccessPolicy.mayListAgency(OWNER, OTHER_COMMUNE.code()));
    assertTrue(AccessPolicy.mayListAgency(ADMIN, OTHER_COMMUNE.code()));
  }

  @Test
  void anEntryPointAdmitsTheRolesItNames() {
    assertTrue(AccessPolicy.admits(Role.OFFICER, Role.APPLICANT, Role.OFFICER));
    assertFalse(AccessPolicy.admits(Role.ADMIN, Role.APPLICANT, Role.OFFICER));
    assertFalse(AccessPolicy.admits(Role.AGENCY_SYSTEM, Role.people()));
    for (Role r : Role.people()) {
      assertTrue(AccessPolicy.admits(r, Role.people()), r.name());
    }
    assertFalse(AccessPolicy.admits(Role.ADMIN));
    assertFalse(AccessPolicy.admits(null, Role.values()));
  }
}
