package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalDeployment;

/**
 * The receipt (form 01) over the API, in a real Payara Micro with the demo province: the PDF, its
 * QR code read back from the embedded image, and who may have it.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiptIT {

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final String PASSWORD = "Demo@2026";

  @ArquillianResource private URL deploymentUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return PortalDeployment.portal();
  }

  private Http http() {
    return Http.at(deploymentUrl);
  }

  private String token(String user) {
    Http.Response r = http().postJson("/api/v1/auth/token",
        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    assertEquals(200, r.status(), r.toString());
    return json(r).getString("accessToken");
  }

  private String submit(String token, String channel) {
    Http.Response r = http().withBearer(token).postJson("/api/v1/dossiers",
        "{\"procedureCode\":\"" + PROCEDURE + "\",\"agencyCode\":\"" + COMMUNE + "\","
            + "\"channel\":\"" + channel + "\",\"applicant\":{\"type\":\"CITIZEN\","
            + "\"fullName\":\"Lê Thị Ngọc Ánh\",\"idNumber\":\"001199012345\","
            + "\"phone\":\"0987 654 321\",\"address\":\"Thôn Đoài, xã Đức Tú\"}}");
    assertEquals(201, r.status(), r.toString());
    return json(r).getString("code");
  }

  @Test
  void theOfficerAtTheCounterPrintsTheReceiptAndItsQrCodeLeadsToTracking() throws Exception {
    String officer = token("canbo.xa");
    String code = submit(officer, "COUNTER");
    String receipt = "/api/v1/dossiers/" + code + "/receipt.pdf";

    Http.Response r = http().withBearer(officer).get(receipt);
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/pdf", r.mediaType());
    assertEquals("inline; filename=\"" + code + ".pdf\"",
        r.header("Content-Disposition").orElse(""));
    assertEquals("%PDF-", new String(r.bytes(), 0, 5, StandardCharsets.US_ASCII));
    // kept for a look by eye: target/receipt-it.pdf
    Files.write(Path.of(System.getProperty("portal.build.dir", "target"), "receipt-it.pdf"),
        r.bytes());

    String text = text(r.bytes());
    assertTrue(text.contains(code), text);
    assertTrue(squeeze(text).contains(squeeze("Lê Thị Ngọc Ánh")), text);
    assertTrue(squeeze(text).contains(squeeze("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")), text);

    String base = PortalDeployment.baseUri(deploymentUrl).toString().replaceAll("/+$", "");
    assertEquals(List.of(base + "/tracking/" + code), qrCodes(r.bytes()));
    // the address under the QR code is the same one
    assertTrue(squeeze(text).contains(base + "/tracking/" + code), text);
  }

  @Test
  void onlyThoseWhoMaySeeTheDossierGetItsReceipt() throws Exception {
    String officer = token("canbo.xa");
    String code = submit(officer, "COUNTER");
    String receipt = "/api/v1/dossiers/" + code + "/receipt.pdf";

    Http.Response otherAgency = http().withBearer(token("canbo.tuphap")).get(receipt);
    assertEquals(404, otherAgency.status(), otherAgency.toString());
    assertEquals("application/problem+json", otherAgency.mediaType());

    Http.Response nobody = http().get(receipt);
    assertEquals(401, nobody.status(), nobody.toString());

    Http.Response unknown = http().withBearer(officer)
        .get("/api/v1/dossiers/" + COMMUNE + "-200101-9999/receipt.pdf");
    assertEquals(404, unknown.status(), unknown.toString());
  }

  @Test
  void anApplicantGetsTheReceiptOfTheirOnlineDossierBeforeItIsAccepted() throws Exception {
    String applicant = token("congdan");
    String code = submit(applicant, "ONLINE");

    Http.Response r = http().withBearer(applicant).get("/api/v1/dossiers/" + code + "/receipt.pdf");
    assertEquals(200, r.status(), r.toString());
    String text = text(r.bytes());
    assertTrue(squeeze(text).contains(squeeze("Ngày hẹn trả kết quả: chờ tiếp nhận")), text);
  }

  // --- reading the PDF back ---

  private static JsonObject json(Http.Response r) {
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(extractor.getTextFromPage(page)).append('\n');
    }
    return Normalizer.normalize(all.toString(), Normalizer.Form.NFC);
  }

  static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  /** Every image embedded in the PDF (the receipt's QR code is 8-bit grey), decoded with ZXing. */
  static List<String> qrCodes(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    List<String> found = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      PdfObject o = reader.getPdfObject(i);
      if (o instanceof PRStream s && PdfName.IMAGE.equals(s.get(PdfName.SUBTYPE))) {
        int w = ((PdfNumber) s.get(PdfName.WIDTH)).intValue();
        int h = ((PdfNumber) s.get(PdfName.HEIGHT)).intValue();
        assertEquals(8, ((PdfNumber) s.get(PdfName.BITSPERCOMPONENT)).intValue());
        byte[] pixels = PdfReader.getStreamBytes(s);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, w, h, pixels);
        found.add(new QRCodeReader().decode(
            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
            Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText());
      }
    }
    return found;
  }
}
