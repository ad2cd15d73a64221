package org.opendvc.portal.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.identity.Role;

class WorkListQueryTest {

  @Test
  void blankTextsMeanAnyAndPagesStayInRange() {
    WorkListQuery q = new WorkListQuery(null, false, true, "  ", " ", -3, 1000);
    assertEquals(Optional.empty(), q.status());
    assertNull(q.procedureCode());
    assertNull(q.text());
    assertEquals(0, q.page());
    assertEquals(100, q.size());
    assertEquals("9.001001", new WorkListQuery(Optional.empty(), false, false, " 9.001001 ",
        null, 0, 0).procedureCode());
  }

  @Test
  void onlyTheHandlingAgencysOfficersGetOfficerActions() {
    Caller officer = new Caller("canbo.xa", Role.OFFICER, "000.01.31.H91");
    assertTrue(DossierAction.allowedIn(DossierStatus.NEW, DossierAction.Actor.OFFICER)
        .contains(DossierAction.START_PROCESSING));
    assertTrue(!DossierAction.allowedIn(DossierStatus.NEW, DossierAction.Actor.OFFICER)
        .contains(DossierAction.ACCEPT));
    assertTrue(officer.isOfficerOf("000.01.31.H91"));
  }
}
