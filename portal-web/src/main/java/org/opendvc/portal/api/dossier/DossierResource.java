package org.opendvc.portal.api.dossier;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.problem.JsonBodies;
import org.opendvc.portal.api.problem.RequestLocale;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.dossier.Dossier;
import org.opendvc.portal.dossier.DossierAction;
import org.opendvc.portal.dossier.DossierService;
import org.opendvc.portal.dossier.DossierStatus;
import org.opendvc.portal.dossier.WorkListQuery;
import org.opendvc.portal.http.MultipartForm;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.NotFoundException;
import org.opendvc.portal.shared.Page;

/** Dossiers: submission, one dossier, the work list, and the lifecycle actions. */
@RequestScoped
@Path("/v1/dossiers")
@Tag(name = "Dossiers", description = "Submission, lifecycle and work lists")
@SecurityRequirement(name = "bearer")
public class DossierResource {

  @Inject private DossierService dossiers;
  @Inject private org.opendvc.portal.dossier.attachment.AttachmentService attachments;
  @Inject private org.opendvc.portal.payment.PaymentService payments;
  @Inject private org.opendvc.portal.dossier.attachment.FileStore store;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a dossier",
      description =
          "APPLICANT online (levels 3 and 4), OFFICER at the counter or by post."
              + " Answers 201 with {code, status, receivedAt, dueAt, trackingUrl}.")
  public Response submit(@NotNull(message = "request.bodyRequired") SubmissionRequest body) {
    Caller caller = caller(Role.APPLICANT, Role.OFFICER, Role.AGENCY_ADMIN);
    return created(dossiers.submit(body.command(), caller));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit a dossier with the files of its components",
      description =
          "multipart/form-data: a part 'dossier' with the JSON of the plain submission,"
              + " and a part 'file_<n>' per dossier component n (numbers of GET"
              + " /api/v1/procedures/{code}/eform). All or nothing: a refused file refuses the"
              + " submission (413, 415, 422) and a refused submission keeps no file.")
  public Response submitWithFiles(InputStream body) {
    Caller caller = caller(Role.APPLICANT, Role.OFFICER, Role.AGENCY_ADMIN);
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    MultipartForm.requireFormData(contentType);
    java.util.Set<String> fileFields = new java.util.HashSet<>();
    for (int n = 1; n <= 200; n++) {
      fileFields.add("file_" + n);
    }
    try (MultipartForm form =
        MultipartForm.read(
            body,
            contentType,
            request.getContentLengthLong(),
            fileFields,
            attachments.limits().maxBytes(),
            store,
            fields -> true)) {
      String json =
          form.field("dossier")
              .orElseThrow(() -> new InvalidInputException("dossier", "dossier.formInvalid"));
      SubmissionRequest parsed;
      try {
        parsed = JsonBodies.bind(json, SubmissionRequest.class);
      } catch (InvalidInputException
          | jakarta.json.JsonException
          | jakarta.json.bind.JsonbException e) {
        throw new InvalidInputException("dossier", "dossier.formInvalid");
      }
      java.util.Map<Integer, org.opendvc.portal.dossier.attachment.ReceivedFile> files =
          new java.util.HashMap<>();
      for (int n = 1; n <= 200; n++) {
        java.util.Optional<MultipartForm.Upload> upload =
            form.file("file_" + n).filter(MultipartForm.Upload::chosen);
        if (upload.isPresent()) {
          if (upload.get().refused() != null) {
            throw upload.get().refused();
          }
          files.put(n, upload.get().file());
        }
      }
      return created(attachments.submitWithFiles(parsed.command(), files, caller));
    } catch (org.opendvc.portal.dossier.attachment.AttachmentRefusedException
        | InvalidInputException e) {
      MultipartForm.drain(body);
      throw e;
    } catch (java.io.IOException e) {
      throw new InvalidInputException("dossier", "attachment.malformed", e.getMessage());
    }
  }

  private Response created(Dossier d) {
    String code = d.code().toString();
    JsonObject answer =
        JSON.createObjectBuilder()
            .add("code", code)
            .add("status", DossierJson.status(d.status(), locale()))
            .add("receivedAt", DossierJson.time(d.receivedAt()))
            .add("dueAt", DossierJson.time(d.dueAt().orElse(null)))
            .add("trackingUrl", "/tracking/" + code)
            .add("receiptUrl", "/api/v1/dossiers/" + code + "/receipt.pdf")
            .add("version", d.version())
            .build();
    return Response.created(URI.create("/api/v1/dossiers/" + code))
        .entity(answer)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One dossier with its history (owner, the agency's officers, admins)")
  public JsonObject dossier(@PathParam("code") String code) {
    Caller caller = caller(Role.people());
    Dossier d = dossiers.get(code, caller);
    return withActions(d, caller);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Work list: an officer's agency's dossiers, or an applicant's own",
      description =
          "scope (open: not finished, the default; finished; all), status (1-10 or"
              + " key; a status asked for is listed whatever the scope), overdue=true, dueSoon=true"
              + " (due within the next portal.worklist.dueSoon.hours office hours, default 16),"
              + " procedure (a procedure code), q (dossier code, ID number or name), page, size;"
              + " open dossiers most urgent first (overdue, due soon, awaiting acceptance, then by"
              + " due moment), finished ones most recently finished first")
  public JsonObject list(
      @QueryParam("agency") String agency,
      @QueryParam("status") String status,
      @QueryParam("overdue") String overdue,
      @QueryParam("q") String q,
      @QueryParam("dueSoon") String dueSoon,
      @QueryParam("procedure") String procedure,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("scope") String scope) {
    Caller caller = caller(Role.people());
    Params p = new Params();
    WorkListQuery.Scope sc = WorkListQuery.Scope.OPEN;
    if (scope != null && !scope.isBlank()) {
      Optional<WorkListQuery.Scope> asked = WorkListQuery.Scope.ofKey(scope);
      if (asked.isEmpty()) {
        p.add(
            new FieldProblem(
                "scope", "dossier.valueInvalid", "scope", scope, "open, finished, all"));
      } else {
        sc = asked.get();
      }
    }
    Optional<DossierStatus> s = Optional.empty();
    if (status != null && !status.isBlank()) {
      s =
          status.strip().matches("\\d{1,2}")
              ? DossierStatus.ofCode(Integer.parseInt(status.strip()))
              : DossierStatus.ofKey(status.strip());
      if (s.isEmpty()) {
        p.add(
            new FieldProblem(
                "status",
                "dossier.valueInvalid",
                "status",
                status,
                "1-10, receiving, new, denied, processing, waiting, paying, cancelled, unresolved,"
                    + " releasing, done"));
      }
    }
    boolean overdueOnly = "true".equalsIgnoreCase(overdue);
    if (overdue != null
        && !overdue.isBlank()
        && !overdueOnly
        && !"false".equalsIgnoreCase(overdue)) {
      p.add(new FieldProblem("overdue", "dossier.valueInvalid", "overdue", overdue, "true, false"));
    }
    boolean dueSoonOnly = "true".equalsIgnoreCase(dueSoon);
    if (dueSoon != null
        && !dueSoon.isBlank()
        && !dueSoonOnly
        && !"false".equalsIgnoreCase(dueSoon)) {
      p.add(new FieldProblem("dueSoon", "dossier.valueInvalid", "dueSoon", dueSoon, "true, false"));
    }
    String procedureCode = p.text("procedure", procedure, 40);
    int pg = p.page(page);
    int sz = p.size(size, 20, 100);
    String text = p.text("q", q, 200);
    p.check();
    if (!org.opendvc.portal.dossier.AccessPolicy.mayListAgency(caller, agency)) {
      throw new org.opendvc.portal.dossier.ForbiddenException("dossier.officerOnly");
    }
    Page<Dossier> result =
        dossiers.workList(
            caller,
            new WorkListQuery(sc, s, overdueOnly, dueSoonOnly, procedureCode, text, pg, sz));
    Instant now = Instant.now();
    JsonArrayBuilder items = JSON.createArrayBuilder();
    result.items().forEach(d -> items.add(DossierJson.summary(d, locale(), now)));
    return JSON.createObjectBuilder()
        .add("total", result.total())
        .add("page", result.page())
        .add("size", result.size())
        .add("items", items)
        .build();
  }

  @POST
  @Path("{code}/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Act on a dossier",
      description =
          "{action, note?, reason?, targetAgencyCode?, newDueAt?, expectedVersion?,"
              + " amount?}; 409 when the action is not allowed in the current status or"
              + " expectedVersion is stale. REQUEST_PAYMENT needs amount (VND, a positive integer)"
              + " and a level-4 offering; PAY is refused here (409): the owner pays through"
              + " POST /api/v1/dossiers/{code}/payments and the provider's callback applies PAY."
              + " RESOLVE needs no result file: an online dossier resolved without one (a paper"
              + " result at the desk or posted) counts as without electronic result.")
  public JsonObject act(
      @PathParam("code") String code,
      @NotNull(message = "request.bodyRequired") ActionRequest body) {
    Caller caller = caller(Role.people());
    return withActions(dossiers.act(code, body.command(), caller), caller);
  }

  private JsonObject withActions(Dossier d, Caller caller) {
    JsonObject full =
        DossierJson.full(
            d, locale(), Instant.now(), "/tracking/" + d.code(), dossiers.unitNames(d));
    String code = d.code().toString();
    JsonArrayBuilder files = JSON.createArrayBuilder();
    java.util.List<org.opendvc.portal.payment.Payment> paid = java.util.List.of();
    try {
      attachments.list(code, caller).forEach(a -> files.add(AttachmentResource.json(code, a)));
      paid = payments.list(code, caller);
    } catch (NotFoundException e) {
      // the caller's own action (a transfer) just handed the dossier to another agency: answer
      // its new state without the files and payments that are no longer theirs to see
    }
    return JSON.createObjectBuilder(full)
        .add("allowedActions", DossierJson.actions(DossierAction.allowedFor(d, caller)))
        .add("attachments", files)
        .add("payment", DossierJson.payment(d, paid))
        .build();
  }

  private Caller caller(Role... roles) {
    TokenClaims c = Access.require(request, headers, roles);
    return new Caller(c.username(), c.role(), c.agencyCode());
  }

  private Locale locale() {
    return RequestLocale.of(headers);
  }
}
