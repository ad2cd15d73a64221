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
 * A dossier holds at most {@code portal.upload.dossier.max.files} files (40) and an account sends
 * at most {@code portal.upload.rate.max.failures} files in the window (120 on the test server,
 * see arquillian.xml): beyond either, the upload is refused with a problem and nothing is kept.
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
  void aDossierTakesFortyFilesAndAnAccountAHundredAndTwentyInTheWindow() {
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

    // the account goes on with other dossiers until its rate is spent: 41 counted so far
    int sent = 41;
    Http.Response last = null;
    while (sent < 130) {
      String next = submit(applicant);
      for (int i = 0; i < 40 && sent < 130; i++) {
        last = upload(applicant, next, i);
        sent++;
        if (last.status() != 201) {
          break;
        }
      }
      if (last.status() != 201) {
        break;
      }
    }
    assertEquals(429, last.status(), "after " + sent + " files: " + last);
    assertEquals(121, sent, "the 121st file of the window is the first refused");
    assertTrue(last.header("Retry-After").map(Long::parseLong).orElse(0L) > 0);
  }
}
