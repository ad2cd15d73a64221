package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;

/**
 * Limits on what is uploaded, on the real server: a dossier holds at most {@code
 * portal.upload.dossier.max.files} files (40), and an applicant's account sends at most {@code
 * portal.upload.rate.max.failures} files in {@code portal.upload.rate.window.seconds} (the shipped
 * 60 in 600 s, which the test server keeps: no other test's account comes near it). What is refused
 * is answered with a problem and not kept. Each test sends from accounts of its own, so the order
 * of the tests does not matter.
 */
class UploadQuotaIT extends PortalIntegrationTest {

  private static final String COMMUNE = "000.01.31.H91";

  /** Files one applicant's account may send in the window, as shipped. */
  private static final int RATE = 60;

  /** Files one dossier holds, as shipped. */
  private static final int DOSSIER_FILES = 40;

  /** A dossier of the commune's birth registration, online (an applicant) or at the counter. */
  private static String submit(Http client, String channel) {
    Http.Response r =
        client.postJson(
            "/api/v1/dossiers",
            "{\"procedureCode\":\"9.001001\",\"agencyCode\":\""
                + COMMUNE
                + "\","
                + "\"channel\":\""
                + channel
                + "\",\"applicant\":{\"type\":\"CITIZEN\","
                + "\"fullName\":\"Phan Văn Tú\",\"idNumber\":\"001099066321\"},"
                + "\"form\":{"
                + Submissions.BIRTH
                + "},"
                + Submissions.PROMISED_BIRTH
                + "}");
    assertEquals(201, r.status(), r.toString());
    return r.json().getString("code");
  }

  private static Http.Response upload(Http client, String code, int n) {
    Multipart m =
        new Multipart()
            .field("component", "1")
            .file("file", "giay-" + n + ".pdf", "application/pdf", Multipart.pdf("Giấy " + n));
    return client.send(
        client
            .request(
                "/api/v1/dossiers/" + code + "/attachments",
                "Content-Type",
                m.contentType(),
                "Accept",
                "application/json")
            .POST(m.publisher()));
  }

  private static int files(Http applicant, String code) {
    return applicant
        .get("/api/v1/dossiers/" + code + "/attachments")
        .json()
        .getJsonArray("items")
        .size();
  }

  @Test
  void aDossierTakesFortyFilesAndNoMore() {
    Portal.Account account = portal.newAccount("APPLICANT", null);
    Http applicant = account.http();
    String first = submit(applicant, "ONLINE");
    for (int i = 1; i <= DOSSIER_FILES; i++) {
      assertEquals(201, upload(applicant, first, i).status(), "file " + i);
    }
    Http.Response full = upload(applicant, first, 41);
    assertEquals(422, full.status(), full.toString());
    assertEquals("application/problem+json", full.mediaType());
    assertTrue(full.body().contains("40"), full.body());
    assertEquals(40, files(applicant, first), "the refused file was not kept");
  }

  @Test
  void anApplicantsAccountSendsSixtyFilesInTenMinutesThenWaitsWhileOthersGoOn() throws Exception {
    Http applicant = portal.newAccount("APPLICANT", null).http();
    String first = submit(applicant, "ONLINE");
    String second = submit(applicant, "ONLINE");
    for (int i = 1; i <= RATE; i++) {
      int n = i;
      Http.Response r = upload(applicant, i <= DOSSIER_FILES ? first : second, i);
      assertEquals(201, r.status(), () -> "file " + n + ": " + r);
    }
    int stored = AttachmentApiIT.storedFiles().size();

    Http.Response tooFast = upload(applicant, second, RATE + 1);
    assertEquals(429, tooFast.status(), tooFast.toString());
    assertEquals("application/problem+json", tooFast.mediaType(), tooFast.toString());
    String retryAfter = tooFast.header("Retry-After").orElse("");
    assertTrue(retryAfter.matches("\\d+"), () -> "Retry-After: " + tooFast);
    long wait = Long.parseLong(retryAfter);
    assertTrue(wait > 0 && wait <= 600, () -> "a wait within the window: " + tooFast);
    JsonObject problem = tooFast.json();
    assertEquals(429, problem.getInt("status"), tooFast.toString());
    assertTrue(problem.getString("type").endsWith("/too-many-requests"), tooFast.toString());
    assertTrue(problem.getString("detail").contains(retryAfter), tooFast.toString());
    // the refused file is neither a row nor bytes on disk
    assertEquals(RATE - DOSSIER_FILES, AttachmentApiIT.rows(second), "rows of " + second);
    assertEquals(RATE - DOSSIER_FILES, files(applicant, second), "listed files of " + second);
    assertEquals(stored, AttachmentApiIT.storedFiles().size(), "files on disk");
    // and the account goes on waiting
    assertEquals(429, upload(applicant, second, RATE + 2).status());

    // another applicant's account is not held up by it
    Http other = portal.newAccount("APPLICANT", null).http();
    Http.Response others = upload(other, submit(other, "ONLINE"), 1);
    assertEquals(201, others.status(), others.toString());

    // an officer is not limited: more than an applicant may send, in dossiers taken at the counter
    Http officer = portal.newAccount("OFFICER", COMMUNE).http();
    String counter = submit(officer, "COUNTER");
    String another = submit(officer, "COUNTER");
    for (int i = 1; i <= RATE + 1; i++) {
      int n = i;
      Http.Response r = upload(officer, i <= DOSSIER_FILES ? counter : another, i);
      assertEquals(201, r.status(), () -> "the officer's file " + n + ": " + r);
    }
  }
}
