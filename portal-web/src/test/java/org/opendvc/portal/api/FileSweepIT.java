package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.Portal;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * What a crash leaves (a stored file whose row never committed, a half-written upload) is swept
 * once it is old enough; files with their row, and recent ones, stay.
 */
class FileSweepIT extends PortalIntegrationTest {

  private static Path files() {
    return Path.of(System.getProperty("portal.build.dir", "target"), "it-data", "files");
  }

  private static Path plant(Path file, Duration age) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, "%PDF-1.4 left by a crash".getBytes());
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }

  private static String key() {
    byte[] b = new byte[16];
    new java.security.SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Test
  void oldFilesWithoutARowGoAndEverythingElseStays() throws Exception {
    String orphan = key();
    String recent = key();
    Path oldOrphan =
        plant(files().resolve(orphan.substring(0, 2)).resolve(orphan), Duration.ofHours(3));
    Path newOrphan =
        plant(files().resolve(recent.substring(0, 2)).resolve(recent), Duration.ofMinutes(1));
    Path oldPart = plant(files().resolve("tmp").resolve("upload-crash.part"), Duration.ofHours(3));
    Path newPart = plant(files().resolve("tmp").resolve("upload-live.part"), Duration.ofMinutes(1));
    // a file of this run with its row, made to look as old as the orphan
    Portal.Account applicant = portal.newAccount("APPLICANT", null);
    Http.Response submitted =
        applicant
            .http()
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"9.001001\",\"agencyCode\":\"000.01.31.H91\","
                    + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Võ Văn Sơn\",\"idNumber\":\"001099044321\"},"
                    + "\"form\":{"
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, submitted.status(), submitted.toString());
    String code = submitted.json().getString("code");
    Multipart m =
        new Multipart()
            .field("component", "1")
            .file("file", "giay.pdf", "application/pdf", Multipart.pdf("Giấy chứng sinh"));
    Http.Response uploaded =
        applicant
            .http()
            .send(
                applicant
                    .http()
                    .request(
                        "/api/v1/dossiers/" + code + "/attachments",
                        "Content-Type",
                        m.contentType())
                    .POST(m.publisher()));
    assertEquals(201, uploaded.status(), uploaded.toString());
    String ownedKey;
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT f.storage_key FROM dossier_file f"
                    + " JOIN dossier d ON d.id = f.dossier_id WHERE d.code = ?")) {
      q.setString(1, code);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        ownedKey = rs.getString(1);
      }
    }
    Path owned = files().resolve(ownedKey.substring(0, 2)).resolve(ownedKey);
    Files.setLastModifiedTime(owned, FileTime.from(Instant.now().minus(Duration.ofHours(3))));

    Http.Response r = portal.admin().post("/api/v1/admin/files/sweep", "application/json", "");
    assertEquals(200, r.status(), r.toString());
    JsonObject result = r.json();
    assertTrue(result.getInt("orphanFiles") >= 1, result.toString());
    assertTrue(result.getInt("tempFiles") >= 1, result.toString());
    assertFalse(Files.exists(oldOrphan), "an hour-old file without a row is swept");
    assertFalse(Files.exists(oldPart), "a left-over upload is swept");
    assertTrue(Files.exists(newOrphan), "a recent file may be an upload about to commit");
    assertTrue(Files.exists(newPart), "an upload in progress is left alone");
    assertTrue(Files.exists(owned), "a file with its row stays, however old");
    assertEquals(
        200,
        applicant
            .http()
            .get("/api/v1/dossiers/" + code + "/attachments/" + uploaded.json().getJsonNumber("id"))
            .status(),
        "and can still be downloaded");
    assertEquals(
        400,
        portal
            .admin()
            .post("/api/v1/admin/files/sweep?olderThanMinutes=1", "application/json", "")
            .status());
    assertEquals(
        401, portal.http().post("/api/v1/admin/files/sweep", "application/json", "").status());
  }
}
