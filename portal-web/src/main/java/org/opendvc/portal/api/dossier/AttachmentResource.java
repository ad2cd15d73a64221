package org.opendvc.portal.api.dossier;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.attachment.Attachment;
import org.opendvc.portal.dossier.attachment.AttachmentRefusedException;
import org.opendvc.portal.dossier.attachment.AttachmentService;
import org.opendvc.portal.dossier.attachment.FileStore;
import org.opendvc.portal.dossier.attachment.NewAttachment;
import org.opendvc.portal.http.AttachmentDownload;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.InvalidInputException;

/**
 * Files of a dossier: upload (multipart, streamed to disk within the configured limits), list and
 * download. Who may do what is decided by {@link AttachmentService}.
 */
@RequestScoped
@Path("/v1/dossiers/{code}/attachments")
@Tag(name = "Dossiers")
@SecurityRequirement(name = "bearer")
public class AttachmentResource {

  @Inject private AttachmentService attachments;
  @Inject private FileStore store;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a file to a dossier",
      description =
          "multipart/form-data with a part 'file' and either 'component' (the number of"
              + " a dossier component, see GET /api/v1/procedures/{code}/eform) or 'kind'=RESULT (a"
              + " result document, officers only). The owner adds files while the dossier is in"
              + " status 1 or 5, officers of the handling agency while it is in 1, 2, 4, 5 or 6. The"
              + " type is judged by the content (portal.upload.types), the size is limited"
              + " (portal.upload.max.bytes): 413 too large, 415 type not accepted, 422 content that"
              + " differs from its declared type or an unknown component, 409 wrong status.")
  public Response upload(@PathParam("code") String code, InputStream body) {
    Caller caller = caller();
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    MultipartForm.requireFormData(contentType);
    attachments.checkVisible(code, caller);
    try (MultipartForm form =
        MultipartForm.read(
            body,
            contentType,
            request.getContentLengthLong(),
            Set.of("file"),
            attachments.limits().maxBytes(),
            store,
            fields -> true)) {
      MultipartForm.Upload file =
          form.file("file")
              .orElseThrow(() -> new InvalidInputException("file", "attachment.fileMissing"));
      if (file.refused() != null) {
        throw file.refused();
      }
      Attachment a =
          attachments.add(
              code,
              new NewAttachment(
                  file.file(),
                  form.field("component").map(String::strip).orElse(null),
                  form.field("kind").map(String::strip).orElse(null)),
              caller);
      return Response.created(URI.create(url(code, a)))
          .entity(json(code, a))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (AttachmentRefusedException | InvalidInputException e) {
      MultipartForm.drain(body);
      throw e;
    } catch (IOException e) {
      throw new InvalidInputException("file", "attachment.malformed", e.getMessage());
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The files of a dossier",
      description =
          "Owner, the handling agency's officers and admins; the owner sees result"
              + " documents once the dossier is finished (status 8, 9 or 10).")
  public JsonObject list(@PathParam("code") String code) {
    Caller caller = caller();
    JsonArrayBuilder items = JSON.createArrayBuilder();
    attachments.list(code, caller).forEach(a -> items.add(json(code, a)));
    return JSON.createObjectBuilder().add("items", items).build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "The bytes of one file of a dossier",
      description =
          "Sent as an attachment, with ETag, Digest and Repr-Digest from its SHA-256"
              + " and X-Content-Type-Options: nosniff.")
  public Response download(@PathParam("code") String code, @PathParam("id") String id) {
    AttachmentService.Download d = attachments.download(code, id, caller());
    StreamingOutput bytes =
        out -> {
          try (InputStream in = d.bytes().open()) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder r = Response.ok(bytes, d.contentType());
    AttachmentDownload.headers(d).forEach(r::header);
    return r.build();
  }

  static String url(String code, Attachment a) {
    return "/api/v1/dossiers/" + code + "/attachments/" + a.id();
  }

  static JsonObject json(String code, Attachment a) {
    return JSON.createObjectBuilder()
        .add("id", a.id())
        .add("kind", a.kind().name())
        .add(
            "component",
            a.componentNumber().isPresent()
                ? JSON.createObjectBuilder()
                    .add("number", a.componentNumber().get())
                    .add("name", a.componentName().orElse(""))
                    .build()
                : jakarta.json.JsonValue.NULL)
        .add("fileName", a.fileName())
        .add("contentType", a.contentType())
        .add("size", a.size())
        .add("sha256", a.sha256())
        .add("uploadedAt", DossierJson.time(a.uploadedAt()))
        .add("uploadedBy", a.uploadedBy())
        .add("linkedAt", DossierJson.time(a.linkedAt().orElse(null)))
        .add("url", url(code, a))
        .build();
  }

  private Caller caller() {
    TokenClaims c = Access.require(request, headers, Role.people());
    return new Caller(c.username(), c.role(), c.agencyCode());
  }
}
