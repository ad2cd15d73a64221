package org.opendvc.portal.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.dossier.ApplicantType;

/** The public form of applicants' names, on hand-written cases. */
class NameMaskTest {

  private static String citizen(String name) {
    return NameMask.mask(ApplicantType.CITIZEN, name);
  }

  @Test
  void aCitizenIsShownByFamilyNameAndInitials() {
    assertEquals("Nguyễn V. A.", citizen("Nguyễn Văn An"));
    assertEquals("Trần T. M.", citizen("Trần Thị Mai"));
    assertEquals("Lê H. N.", citizen("Lê Hoàng Nam"));
    assertEquals("Phạm T. D. H.", citizen("Phạm Thị Diệu Hương"));
    assertEquals("Đinh T. H.", citizen("Đinh Thị Hoa"));
  }

  @Test
  void twoWordsKeepTheFamilyNameAndOneInitial() {
    assertEquals("Lý Đ.", citizen("Lý Đức"));
  }

  @Test
  void extraSpacesAndCaseDoNotChangeTheMask() {
    assertEquals("Nguyễn V. A.", citizen("  nguyễn   văn \t an  "));
    assertEquals("Nguyễn V. A.", citizen("NGUYỄN VĂN AN"));
    assertEquals("Đặng V. Đ.", citizen("đặng văn đức"));
  }

  @Test
  void combiningToneMarksGiveTheSameMaskAsPrecomposedLetters() {
    String decomposed = Normalizer.normalize("Nguyễn Ánh Ôn", Normalizer.Form.NFD);
    assertEquals("Nguyễn Á. Ô.", citizen(decomposed));
  }

  @Test
  void aOneWordNameBecomesItsInitialAlone() {
    assertEquals("A.", citizen("An"));
    assertEquals("Đ.", citizen("  đông "));
  }

  @Test
  void digitsAndPunctuationNeverShow() {
    assertEquals("Nguyễn A.", citizen("Nguyễn 0912345678 An"));
    assertEquals("Nguyễn A.", citizen("Nguyễn, An (001099012345)"));
    String masked = citizen("Nguyễn Văn An 001099012345");
    assertFalse(masked.matches(".*\\d.*"), masked);
    assertEquals("Lê T.", citizen("Lê-3 Tâm"));
  }

  @Test
  void nothingToShowIsTheEmptyText() {
    assertEquals("", citizen(null));
    assertEquals("", citizen(""));
    assertEquals("", citizen("   "));
    assertEquals("", citizen("001099012345"));
  }

  @Test
  void aBusinessIsShownByItsNameInFull() {
    assertEquals(
        "Công ty TNHH Thương mại Lam Giang",
        NameMask.mask(ApplicantType.BUSINESS, "  Công ty TNHH  Thương mại Lam Giang "));
  }

  @Test
  void aMissingTypeIsMaskedLikeACitizen() {
    assertEquals("Nguyễn V. A.", NameMask.mask(null, "Nguyễn Văn An"));
  }
}
