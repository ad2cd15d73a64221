package org.opendvc.portal.web.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.web.dossier.DossierView;

/** What the officer's dossier page makes of typed amounts, and how it shows sizes and money. */
class DossierPageTest {

  @Test
  void amountsAreWholeDongWithOptionalThousandsGrouping() {
    assertEquals(150000L, DossierPage.amount("150000"));
    assertEquals(150000L, DossierPage.amount(" 150.000 "));
    assertEquals(1500000L, DossierPage.amount("1,500,000"));
    assertEquals(1500000L, DossierPage.amount("1 500 000"));
    assertNull(DossierPage.amount("  "), "blank: the service asks for it");
    for (String wrong :
        new String[] {"một trăm", "150.5", "1.50", "-5", "12e3", "1234567890123456"}) {
      assertThrows(InvalidInputException.class, () -> DossierPage.amount(wrong), wrong);
    }
  }

  @Test
  void sizesAndMoneyReadLikePeopleWriteThem() {
    assertEquals("900 B", DossierView.size(900));
    assertEquals("1.5 KB", DossierView.size(1536));
    assertEquals("10.0 MB", DossierView.size(10L * 1024 * 1024));
    assertEquals("150.000 đ", DossierView.money(150000));
  }
}
