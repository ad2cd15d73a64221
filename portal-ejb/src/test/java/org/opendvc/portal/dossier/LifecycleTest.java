package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.DossierAction.*;
import static org.opendvc.portal.dossier.DossierStatus.*;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every status × action of the table in docs/domain.md §4. */
class LifecycleTest {

  /** The table as the domain brief writes it: action → (from status → to status). */
  private static Map<DossierAction, Map<DossierStatus, DossierStatus>> expected() {
    Map<DossierAction, Map<DossierStatus, DossierStatus>> t = new EnumMap<>(DossierAction.class);
    put(t, ACCEPT, RECEIVING, NEW);
    put(t, REFUSE, RECEIVING, DENIED);
    put(t, REFUSE, NEW, DENIED);
    put(t, START_PROCESSING, NEW, PROCESSING);
    put(t, TRANSFER, NEW, PROCESSING);
    put(t, TRANSFER, PROCESSING, PROCESSING);
    put(t, REQUEST_SUPPLEMENT, RECEIVING, WAITING);
    put(t, REQUEST_SUPPLEMENT, NEW, WAITING);
    put(t, REQUEST_SUPPLEMENT, PROCESSING, WAITING);
    put(t, SUPPLEMENT, WAITING, PROCESSING); // back to the status before the request (here 4)
    put(t, REQUEST_PAYMENT, NEW, PAYING);
    put(t, REQUEST_PAYMENT, PROCESSING, PAYING);
    put(t, PAY, PAYING, PROCESSING); // back to the status before the request (here 4)
    for (DossierStatus s : new DossierStatus[] {RECEIVING, NEW, PROCESSING, WAITING, PAYING}) {
      put(t, WITHDRAW, s, CANCELLED);
    }
    for (DossierStatus s : new DossierStatus[] {NEW, PROCESSING, WAITING, PAYING}) {
      put(t, STOP, s, UNRESOLVED);
      put(t, APOLOGIZE, s, s);
    }
    put(t, RESOLVE, PROCESSING, RELEASING);
    put(t, RETURN, RELEASING, DONE);
    return t;
  }

  private static void put(
      Map<DossierAction, Map<DossierStatus, DossierStatus>> t,
      DossierAction a,
      DossierStatus from,
      DossierStatus to) {
    t.computeIfAbsent(a, k -> new EnumMap<>(DossierStatus.class)).put(from, to);
  }

  @Test
  void everyStatusTimesEveryActionFollowsTheTable() {
    Map<DossierAction, Map<DossierStatus, DossierStatus>> table = expected();
    int allowed = 0;
    for (DossierAction action : DossierAction.values()) {
      for (DossierStatus status : DossierStatus.values()) {
        DossierStatus want = table.getOrDefault(action, Map.of()).get(status);
        Optional<DossierStatus> got = action.next(status, PROCESSING);
        assertEquals(Optional.ofNullable(want), got, action + " in " + status);
        if (want != null) {
          allowed++;
        }
      }
    }
    assertEquals(28, allowed, "the table has 28 allowed pairs; the other 102 are refused");
  }

  @Test
  void supplementAndPaymentReturnToTheStatusBeforeTheRequest() {
    assertEquals(Optional.of(NEW), SUPPLEMENT.next(WAITING, NEW));
    assertEquals(Optional.of(RECEIVING), SUPPLEMENT.next(WAITING, RECEIVING));
    assertEquals(Optional.of(NEW), PAY.next(PAYING, NEW));
  }

  @Test
  void finalStatusesAllowNothing() {
    for (DossierStatus s : DossierStatus.values()) {
      if (s.isFinal()) {
        for (DossierAction a : DossierAction.values()) {
          assertTrue(a.next(s, PROCESSING).isEmpty(), a + " in final " + s);
        }
      }
    }
  }

  @Test
  void actorsAndReasons() {
    assertEquals(
        java.util.Set.of(SUPPLEMENT, WITHDRAW),
        DossierAction.allowedIn(WAITING, DossierAction.Actor.APPLICANT));
    assertEquals(
        java.util.Set.of(ACCEPT, REFUSE, REQUEST_SUPPLEMENT),
        DossierAction.allowedIn(RECEIVING, DossierAction.Actor.OFFICER));
    assertTrue(REFUSE.requiresReason() && STOP.requiresReason() && APOLOGIZE.requiresReason());
  }

  @Test
  void nationalCodesAndKeys() {
    String[] keys = {
      "receiving",
      "new",
      "denied",
      "processing",
      "waiting",
      "paying",
      "cancelled",
      "unresolved",
      "releasing",
      "done"
    };
    for (int code = 1; code <= 10; code++) {
      DossierStatus s = DossierStatus.ofCode(code).orElseThrow();
      assertEquals(keys[code - 1], s.key());
      assertEquals(s, DossierStatus.ofKey(s.key()).orElseThrow());
    }
    assertTrue(DossierStatus.ofCode(11).isEmpty());
  }

  @Test
  void dossierCodesFollowCircular01() {
    DossierCode code = new DossierCode("000.00.12.H56", LocalDate.of(2020, 6, 26), 1);
    assertEquals("000.00.12.H56-200626-0001", code.toString());
    assertEquals(code, DossierCode.parse("000.00.12.H56-200626-0001").orElseThrow());
    assertTrue(DossierCode.parse("000.00.12.H56-201326-0001").isEmpty(), "month 13");
    assertTrue(DossierCode.parse("H56-200626").isEmpty());
    assertTrue(DossierCode.parse("' OR 1=1 --").isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> new DossierCode("000.00.12.H56", LocalDate.of(2020, 6, 26), 10000));
  }
}
