package org.opendvc.portal.dossier.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** A sender's file name is only ever shown, and made safe before it is. */
class FileNamesTest {

  @Test
  void keepsVietnameseAndTakesTheRealTypesExtension() {
    assertEquals(
        "Tờ khai đăng ký khai sinh.pdf",
        FileNames.sanitise("Tờ khai đăng ký khai sinh.pdf", FileType.PDF));
    assertEquals("giay chung sinh.jpg", FileNames.sanitise("giay chung sinh.png", FileType.JPEG));
    assertEquals("scan.pdf", FileNames.sanitise("scan", FileType.PDF));
    assertEquals("v1.2 bản sao.pdf", FileNames.sanitise("v1.2 bản sao", FileType.PDF));
  }

  @Test
  void dropsFoldersControlAndReservedCharacters() {
    assertEquals("passwd.pdf", FileNames.sanitise("../../etc/passwd", FileType.PDF));
    assertEquals("evil.pdf", FileNames.sanitise("C:\\Windows\\evil.pdf", FileType.PDF));
    String s = FileNames.sanitise("a\u0000b\r\nc\u202Efdp.exe\"<>|*?.pdf", FileType.PDF);
    assertFalse(s.matches(".*[\\x00-\\x1f\"<>|*?\u202E].*"), s);
    assertTrue(s.endsWith(".pdf"), s);
    assertEquals("tep.png", FileNames.sanitise("", FileType.PNG));
    assertEquals("tep.png", FileNames.sanitise(null, FileType.PNG));
    assertEquals("tep.pdf", FileNames.sanitise("...", FileType.PDF));
    assertEquals("_con.pdf", FileNames.sanitise("con.pdf", FileType.PDF));
    assertEquals("_CON.pdf", FileNames.sanitise("CON.pdf", FileType.PDF));
  }

  @Test
  void boundsTheLengthAndNormalises() {
    String long300 = "đ".repeat(300) + ".pdf";
    String s = FileNames.sanitise(long300, FileType.PDF);
    assertEquals(FileNames.MAX_LENGTH, s.codePointCount(0, s.length()));
    assertTrue(s.endsWith(".pdf"));
    String decomposed = Normalizer.normalize("Hồ sơ.pdf", Normalizer.Form.NFD);
    assertEquals("Hồ sơ.pdf", FileNames.sanitise(decomposed, FileType.PDF));
  }

  @Test
  void asciiFallbackForOldClients() {
    assertEquals("To khai dang ky.pdf", FileNames.ascii("Tờ khai đăng ký.pdf"));
    assertEquals("a_b.pdf", FileNames.ascii("a\"b.pdf"));
  }
}
