package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;

/**
 * A dossier holds at most {@code portal.upload.dossier.max.files} files (40): one more is refused
 * with a problem and not kept. (The per-account rate is set out of reach on the test server,
 * whose demo accounts every test class shares.)
 */
class UploadQuotaIT extends PortalIntegrationTest {

  private static final String COMMUNE = "000.01.31.H91";

  private static String submit(Http applicant) {
    Http.Response r = applicant.postJson("/api/v1/dossiers",
        "{\"procedureCode\":\"9.001001\",\"agencyCode\":\"" + COMMUNE + "\","
            + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
            + "\"fullName\":\"Phan Văn Tú\",\"idNumber\":\"001099066321\"},"
            + "\"form\":{" + Submissions.BIRTH + "}," + Submissions.PROMISED_BIRTH + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static Http.Response upload(Http applicant, String code, int n) {
    Multipart m = new Multipart().field("component", "1")
        .file("file", "giay-" + n + ".pdf", "application/pdf", Multipart.pdf("Giấy " + n));
    return applicant.send(applicant.request("/api/v1/dossiers/" + code + "/attachments",
        "Content-Type", m.contentType(), "Accept", "application/json").POST(m.publisher()));
  }

  private static int files(Http applicant, String code) {
    return applicant.get("/api/v1/dossiers/" + code + "/attachments").json()
        .getJsonArray("items").size();
  }

  @Test
  void aDossierTakesFortyFilesAndNoMore() {
    Portal.Account account = portal.newAccount("APPLICANT", null);
    Http applicant = account.http();
    String first = submit(applicant);
    for (int i = 1; i <= 40; i++) {
      assertEquals(201, upload(applicant, first, i).status(), "file " + i);
    }
    Http.Response full = upload(applicant, first, 41);
    assertEquals(422, full.status(), full.toString());
    assertEquals("application/problem+json", full.mediaType());
    assertTrue(full.body().contains("40"), full.body());
    assertEquals(40, files(applicant, first), "the refused file was not kept");
  }
}
