package org.opendvc.portal.dossier.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.receipt.PdfReading.qrCodes;
import static org.opendvc.portal.dossier.receipt.PdfReading.squeeze;
import static org.opendvc.portal.dossier.receipt.PdfReading.text;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.catalogue.ProcedureDetails;
import org.opendvc.portal.dossier.ApplicantType;
import org.opendvc.portal.dossier.Channel;

/** The receipt as a PDF: its text, its embedded fonts and its QR code, read back. */
class ReceiptPdfTest {

  static final String CODE = "000.01.31.H91-261127-0007";
  static final URI TRACKING = URI.create("https://dichvucong.example.vn/tracking/" + CODE);

  static ReceiptData receipt(Instant dueAt, Channel channel) {
    List<ProcedureDetails.ComponentGroup> components =
        List.of(
            new ProcedureDetails.ComponentGroup(
                null,
                List.of(
                    new ProcedureDetails.Document(
                        "Tờ khai đăng ký khai sinh theo mẫu", "Mẫu TK", null, 1, 0),
                    new ProcedureDetails.Document("Giấy chứng sinh", null, null, 1, 0),
                    new ProcedureDetails.Document(
                        "Giấy tờ tùy thân của người đi đăng ký", null, null, 0, 1))));
    return new ReceiptData(
        CODE,
        "Ủy ban nhân dân huyện Đông Anh",
        "Ủy ban nhân dân xã Đức Tú",
        "9.001001",
        "Đăng ký khai sinh",
        ApplicantType.CITIZEN,
        // the family name typed with combining marks: the receipt composes it
        Normalizer.normalize("Nguyễn Thị Hương", Normalizer.Form.NFD),
        "001099012345",
        "0912 345 678",
        "huong@example.vn",
        "Thôn Đường Nhạn, xã Đức Tú",
        channel,
        Instant.parse("2026-11-27T02:05:00Z"),
        dueAt,
        components,
        "Trần Văn Lợi",
        TRACKING);
  }

  @Test
  void aReceiptIsAPdfWithTheCodeTheVietnameseTextAndTheAppointmentDate() throws Exception {
    // due 4 December 17:30 UTC is already 5 December in Vietnam
    byte[] pdf = ReceiptPdf.render(receipt(Instant.parse("2026-12-04T17:30:00Z"), Channel.COUNTER));

    assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    String text = text(pdf);
    assertTrue(text.contains(CODE), text);
    for (String expected :
        List.of(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "ỦY BAN NHÂN DÂN XÃ ĐỨC TÚ",
            "Nguyễn Thị Hương",
            "Đăng ký khai sinh",
            "9.001001",
            "Giấy chứng sinh",
            "09 giờ 05 phút, ngày 27 tháng 11 năm 2026",
            "ngày 05 tháng 12 năm 2026",
            "Trần Văn Lợi",
            TRACKING.toString())) {
      assertTrue(squeeze(text).contains(squeeze(expected)), expected + " in\n" + text);
    }
    assertFalse(text.contains("chờ tiếp nhận"), text);
  }

  @Test
  void aDossierNotYetAcceptedHasNoAppointmentYet() throws Exception {
    String text = text(ReceiptPdf.render(receipt(null, Channel.ONLINE)));
    assertTrue(squeeze(text).contains(squeeze("Ngày hẹn trả kết quả: chờ tiếp nhận")), text);
  }

  @Test
  void theQrCodeLeadsToTheTrackingPage() throws Exception {
    byte[] pdf = ReceiptPdf.render(receipt(Instant.parse("2026-12-04T09:00:00Z"), Channel.COUNTER));
    assertEquals(List.of(TRACKING.toString()), qrCodes(pdf));
  }

  @Test
  void everyFontIsEmbedded() throws Exception {
    PdfReader reader = new PdfReader(ReceiptPdf.render(receipt(null, Channel.POST)));
    List<String> fonts = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      if (reader.getPdfObject(i) instanceof PdfDictionary d) {
        if (PdfName.FONT.equals(d.get(PdfName.TYPE))) {
          fonts.add(String.valueOf(d.get(PdfName.BASEFONT)));
        }
        if (PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
          assertTrue(d.contains(PdfName.FONTFILE2), "not embedded: " + d.get(PdfName.FONTNAME));
        }
      }
    }
    // no standard font (Helvetica, Times) that the reader's machine would have to supply
    assertFalse(fonts.isEmpty());
    assertTrue(
        fonts.stream().allMatch(f -> f.matches("/[A-Z]{6}\\+LiberationSerif.*")), fonts.toString());
  }

  @Test
  void theTrackingAddressIgnoresATrailingSlashOfTheBase() {
    assertEquals(
        URI.create("http://10.0.0.5:8080/tracking/" + CODE),
        ReceiptData.trackingUrl("http://10.0.0.5:8080/", CODE));
    assertEquals(
        URI.create("https://dvc.example.vn/portal/tracking/" + CODE),
        ReceiptData.trackingUrl(" https://dvc.example.vn/portal ", CODE));
  }
}
