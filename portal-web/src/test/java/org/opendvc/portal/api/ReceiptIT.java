package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendvc.portal.dossier.receipt.PdfReading.qrCodes;
import static org.opendvc.portal.dossier.receipt.PdfReading.squeeze;
import static org.opendvc.portal.dossier.receipt.PdfReading.text;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.PortalDeployment;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;

/**
 * The receipt (form 01) over the API, in a real Payara Micro with the demo province: the PDF, its
 * QR code read back from the embedded image, and who may have it.
 */
class ReceiptIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final String PASSWORD = "Demo@2026";

  private final URL deploymentUrl = portal.url();

  private Http http() {
    return Http.at(deploymentUrl);
  }

  private String token(String user) {
    return http().tokenFor(user, PASSWORD);
  }

  private String submit(String token, String channel) {
    Http.Response r =
        http()
            .withBearer(token)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\""
                    + channel
                    + "\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Lê Thị Ngọc Ánh\",\"idNumber\":\"001199012345\","
                    + "\"phone\":\"0987 654 321\",\"address\":\"Thôn Đoài, xã Đức Tú\"},"
                    + "\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
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
    assertEquals(
        "inline; filename=\"" + code + ".pdf\"", r.header("Content-Disposition").orElse(""));
    assertEquals("%PDF-", new String(r.bytes(), 0, 5, StandardCharsets.US_ASCII));
    // kept for a look by eye: target/receipt-it.pdf
    Files.write(
        Path.of(System.getProperty("portal.build.dir", "target"), "receipt-it.pdf"), r.bytes());

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

    Http.Response unknown =
        http().withBearer(officer).get("/api/v1/dossiers/" + COMMUNE + "-200101-9999/receipt.pdf");
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
}
