package org.opendvc.portal.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendvc.portal.testsupport.Http;
import org.opendvc.portal.testsupport.Multipart;
import org.opendvc.portal.testsupport.PortalIntegrationTest;
import org.opendvc.portal.testsupport.Submissions;
import org.opendvc.portal.testsupport.TestDatabase;

/**
 * Files of dossiers over the API, in a real Payara Micro on the real database with the demo
 * province: uploads by the owner and officers, the limits, who may read what, and result documents
 * on RESOLVE. Files land under {@code target/it-data/files} (arquillian.xml).
 */
class AttachmentApiIT extends PortalIntegrationTest {

  static final String COMMUNE = "000.01.31.H91";
  static final String PROCEDURE = "9.001001";
  static final String PASSWORD = "Demo@2026";

  private final URL base = portal.url();
  private Http http;

  @BeforeEach
  void client() {
    http = Http.at(base);
  }

  static JsonObject json(Http.Response r) {
    return r.json();
  }

  String token(String user) {
    return http.tokenFor(user, PASSWORD);
  }

  String submitOnline(String applicantToken) {
    Http.Response r =
        http.withBearer(applicantToken)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\"},"
                    + "\"form\":{\"tenTre\":\"Nguyễn Văn Bình\","
                    + Submissions.BIRTH
                    + "},"
                    + Submissions.PROMISED_BIRTH
                    + "}");
    assertEquals(201, r.status(), r.toString());
    return json(r).getString("code");
  }

  Http.Response act(String token, String code, String body) {
    return http.withBearer(token).postJson("/api/v1/dossiers/" + code + "/actions", body);
  }

  Http.Response upload(String token, String code, Multipart m) {
    Http client = token == null ? http : http.withBearer(token);
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

  static Multipart component(int number, String fileName, String type, byte[] bytes) {
    return new Multipart()
        .field("component", String.valueOf(number))
        .file("file", fileName, type, bytes);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Every file under the portal's files folder (temporary uploads included). */
  static List<Path> storedFiles() throws IOException {
    Path dir = Path.of(System.getProperty("portal.build.dir", "target"), "it-data", "files");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  static int rows(String code) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM dossier_file f"
                    + " JOIN dossier d ON d.id = f.dossier_id WHERE d.code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  void theEFormListsTheProceduresComponents() {
    Http.Response r = http.getJson("/api/v1/procedures/" + PROCEDURE + "/eform");
    assertEquals(200, r.status(), r.toString());
    JsonObject form = json(r);
    JsonArray components = form.getJsonArray("components");
    assertFalse(components.isEmpty(), r.toString());
    for (int i = 0; i < components.size(); i++) {
      JsonObject c = components.getJsonObject(i);
      assertEquals(i + 1, c.getInt("number"));
      assertFalse(c.getString("name").isBlank());
      assertTrue(
          c.containsKey("formName")
              && c.containsKey("formUrl")
              && c.containsKey("originals")
              && c.containsKey("copies")
              && c.containsKey("fileExpected"),
          c.toString());
    }
    assertTrue(
        form.getJsonArray("applicantFields").stream()
            .anyMatch(f -> f.asJsonObject().getString("name").equals("applicant.idNumber")));
    assertEquals(404, http.getJson("/api/v1/procedures/9.999999/eform").status());

    // the form answers are bounded: a key that is not a plain name is refused
    String applicant = token("congdan");
    Http.Response bad =
        http.withBearer(applicant)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\"},"
                    + "\"form\":{\"<script>\":\"x\"}}");
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(
        json(bad).getJsonArray("errors").getJsonObject(0).getString("field").startsWith("form"),
        bad.toString());
  }

  @Test
  void theOwnerUploadsListsAndDownloadsTheSameBytes() throws Exception {
    String applicant = token("congdan");
    String code = submitOnline(applicant);
    int before = storedFiles().size();
    byte[] bytes = Multipart.pdf("Tờ khai đăng ký khai sinh");
    Http.Response up =
        upload(
            applicant,
            code,
            component(1, "../../etc/Tờ khai \"khai sinh\".pdf", "application/pdf", bytes));
    assertEquals(201, up.status(), up.toString());
    JsonObject file = json(up);
    assertEquals("COMPONENT", file.getString("kind"));
    assertEquals(1, file.getJsonObject("component").getInt("number"));
    assertFalse(file.getJsonObject("component").getString("name").isBlank());
    assertEquals("application/pdf", file.getString("contentType"));
    assertEquals(bytes.length, file.getInt("size"));
    assertEquals(sha256(bytes), file.getString("sha256"));
    assertEquals("congdan", file.getString("uploadedBy"));
    String name = file.getString("fileName");
    assertFalse(name.contains("/") || name.contains("\"") || name.contains(".."), name);
    assertTrue(name.endsWith(".pdf") && name.contains("Tờ khai"), name);
    assertEquals(before + 1, storedFiles().size(), "one file stored");
    assertTrue(
        storedFiles().stream().noneMatch(p -> p.getFileName().toString().contains("khai")),
        "stored by a random key, not by the sender's name");

    JsonArray list =
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code + "/attachments"))
            .getJsonArray("items");
    assertEquals(1, list.size());
    JsonObject dossier = json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code));
    assertEquals(1, dossier.getJsonArray("attachments").size());

    Http.Response down = http.withBearer(applicant).get(file.getString("url"));
    assertEquals(200, down.status(), down.toString());
    assertArrayEquals(bytes, down.bytes());
    assertEquals(sha256(bytes), sha256(down.bytes()));
    assertEquals("application/pdf", down.mediaType());
    assertEquals("nosniff", down.header("X-Content-Type-Options").orElse(""));
    assertEquals("\"" + sha256(bytes) + "\"", down.header("ETag").orElse(""));
    assertEquals(
        "SHA-256="
            + Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)),
        down.header("Digest").orElse(""));
    String disposition = down.header("Content-Disposition").orElse("");
    assertTrue(
        disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''"),
        disposition);

    // the agency's officer reads it too
    String officer = token("canbo.xa");
    assertEquals(200, http.withBearer(officer).get(file.getString("url")).status());
  }

  @Test
  void refusedFilesLeaveNothingBehind() throws Exception {
    String applicant = token("congdan");
    String code = submitOnline(applicant);
    int before = storedFiles().size();

    Http.Response text =
        upload(
            applicant,
            code,
            component(1, "ghi chu.pdf", "application/pdf", "just text, no PDF".getBytes()));
    assertEquals(415, text.status(), text.toString());
    assertEquals("application/problem+json", text.mediaType());
    assertTrue(json(text).getString("detail").contains("PDF"), text.toString());

    Http.Response lying =
        upload(applicant, code, component(1, "scan.pdf", "application/pdf", Multipart.png()));
    assertEquals(422, lying.status(), lying.toString());
    assertTrue(json(lying).getString("detail").contains("PNG"), lying.toString());

    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(Multipart.pdf("x"), 0, big, 0, 8);
    Http.Response tooBig = upload(applicant, code, component(1, "big.pdf", "application/pdf", big));
    assertEquals(413, tooBig.status(), tooBig.toString());
    assertTrue(json(tooBig).getString("detail").contains("10 MB"), tooBig.toString());

    Http.Response unknown =
        upload(applicant, code, component(99, "a.pdf", "application/pdf", Multipart.pdf("x")));
    assertEquals(422, unknown.status(), unknown.toString());
    assertTrue(json(unknown).getString("detail").contains("/eform"), unknown.toString());
    assertEquals(
        422,
        upload(applicant, code, component(0, "a.pdf", "application/pdf", Multipart.pdf("x")))
            .status());

    Http.Response both =
        upload(
            applicant,
            code,
            component(1, "a.pdf", "application/pdf", Multipart.pdf("x")).field("kind", "RESULT"));
    assertEquals(400, both.status(), both.toString());
    Http.Response noFile = upload(applicant, code, new Multipart().field("component", "1"));
    assertEquals(400, noFile.status(), noFile.toString());
    Http.Response notMultipart =
        http.withBearer(applicant).postJson("/api/v1/dossiers/" + code + "/attachments", "{}");
    assertEquals(415, notMultipart.status(), notMultipart.toString());

    assertEquals(before, storedFiles().size(), "no file left in the folder: " + storedFiles());
    assertEquals(0, rows(code), "no row");
  }

  @Test
  void onlyThoseWhoMayMayUploadAndRead() throws Exception {
    String applicant = token("congdan");
    String otherApplicant = token("doanhnghiep");
    String officer = token("canbo.xa");
    String otherOfficer = token("canbo.tuphap");
    String code = submitOnline(applicant);
    String path = "/api/v1/dossiers/" + code + "/attachments";
    int before = storedFiles().size();

    assertEquals(
        401,
        upload(null, code, component(1, "a.pdf", "application/pdf", Multipart.pdf("x"))).status());
    assertEquals(
        404,
        upload(otherApplicant, code, component(1, "a.pdf", "application/pdf", Multipart.pdf("x")))
            .status());
    assertEquals(
        404,
        upload(otherOfficer, code, component(1, "a.pdf", "application/pdf", Multipart.pdf("x")))
            .status());
    Http.Response resultByApplicant =
        upload(
            applicant,
            code,
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "kq.pdf", "application/pdf", Multipart.pdf("x")));
    assertEquals(403, resultByApplicant.status(), resultByApplicant.toString());
    assertEquals(before, storedFiles().size());

    Http.Response mine =
        upload(applicant, code, component(1, "a.pdf", "application/pdf", Multipart.pdf("mine")));
    assertEquals(201, mine.status(), mine.toString());
    String url = json(mine).getString("url");
    assertEquals(401, http.get(path).status());
    assertEquals(404, http.withBearer(otherApplicant).getJson(path).status());
    assertEquals(404, http.withBearer(otherOfficer).getJson(path).status());
    assertEquals(404, http.withBearer(otherOfficer).get(url).status());
    assertEquals(404, http.withBearer(otherApplicant).get(url).status());
    assertEquals(404, http.withBearer(applicant).get(path + "/999999999").status());
    assertEquals(404, http.withBearer(applicant).get(path + "/abc").status());

    // once accepted, the owner adds files only when asked for a supplement; officers still can
    assertEquals(200, act(officer, code, "{\"action\":\"ACCEPT\"}").status());
    Http.Response late =
        upload(applicant, code, component(1, "b.pdf", "application/pdf", Multipart.pdf("late")));
    assertEquals(409, late.status(), late.toString());
    assertEquals(
        201,
        upload(officer, code, component(2, "scan.png", "image/png", Multipart.png())).status());
    assertEquals(
        200,
        act(officer, code, "{\"action\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu bản sao\"}")
            .status());
    assertEquals(
        201,
        upload(applicant, code, component(1, "bo sung.pdf", null, Multipart.pdf("supplement")))
            .status());
    assertEquals(3, rows(code));
  }

  @Test
  void anOnlineDossierIsResolvedWithItsResultWhichTheOwnerThenDownloads() throws Exception {
    String applicant = token("congdan");
    String officer = token("canbo.xa");
    String code = submitOnline(applicant);
    assertEquals(200, act(officer, code, "{\"action\":\"ACCEPT\"}").status());
    assertEquals(200, act(officer, code, "{\"action\":\"START_PROCESSING\"}").status());

    // (RESOLVE no longer waits for a result file: OfficerDayIT resolves with a paper result)

    byte[] result = Multipart.pdf("Giấy khai sinh số 123");
    Http.Response up =
        upload(
            officer,
            code,
            new Multipart()
                .field("kind", "RESULT")
                .file("file", "Giấy khai sinh.pdf", "application/pdf", result));
    assertEquals(201, up.status(), up.toString());
    JsonObject file = json(up);
    assertEquals("RESULT", file.getString("kind"));
    assertTrue(file.isNull("component"));
    assertTrue(file.isNull("linkedAt"));
    String url = file.getString("url");

    // not the owner's to see before the dossier is resolved
    assertEquals(404, http.withBearer(applicant).get(url).status());
    assertEquals(
        0,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code))
            .getJsonArray("attachments")
            .size());

    Http.Response resolved = act(officer, code, "{\"action\":\"RESOLVE\",\"note\":\"Đã cấp\"}");
    assertEquals(200, resolved.status(), resolved.toString());
    JsonObject dossier = json(resolved);
    assertEquals(9, dossier.getJsonObject("status").getInt("code"));
    JsonObject linked = dossier.getJsonArray("attachments").getJsonObject(0);
    assertFalse(linked.isNull("linkedAt"), "RESOLVE links the result: " + linked);

    Http.Response down = http.withBearer(applicant).get(url);
    assertEquals(200, down.status(), down.toString());
    assertEquals(sha256(result), sha256(down.bytes()));
    assertEquals(
        1,
        json(http.withBearer(applicant).getJson("/api/v1/dossiers/" + code + "/attachments"))
            .getJsonArray("items")
            .size());

    // finished: no more files
    assertEquals(
        409,
        upload(
                officer,
                code,
                new Multipart()
                    .field("kind", "RESULT")
                    .file("file", "kq2.pdf", "application/pdf", result))
            .status());

    // counter dossiers are resolved as before (their result is handed over at the desk)
    Http.Response counter =
        http.withBearer(officer)
            .postJson(
                "/api/v1/dossiers",
                "{\"procedureCode\":\""
                    + PROCEDURE
                    + "\",\"agencyCode\":\""
                    + COMMUNE
                    + "\","
                    + "\"channel\":\"COUNTER\",\"applicant\":{\"type\":\"CITIZEN\","
                    + "\"fullName\":\"Trần Thị Mai\",\"idNumber\":\"091190004218\"}}");
    String counterCode = json(counter).getString("code");
    assertEquals(200, act(officer, counterCode, "{\"action\":\"START_PROCESSING\"}").status());
    assertEquals(200, act(officer, counterCode, "{\"action\":\"RESOLVE\"}").status());
  }

  @Test
  void openApiDescribesFilesEFormsAndPayments() {
    Http.Response a = http.get("/openapi", "Accept", "application/json");
    assertEquals(200, a.status());
    for (String path :
        List.of(
            "/api/v1/dossiers/{code}/attachments",
            "/api/v1/dossiers/{code}/attachments/{id}",
            "/api/v1/procedures/{code}/eform",
            "/api/v1/dossiers/{code}/payments",
            "/api/v1/payments/callback/{provider}",
            "/api/v1/payments/sandbox/{reference}")) {
      assertTrue(a.body().contains("\"" + path + "\""), "OpenAPI describes " + path);
    }
  }
}
