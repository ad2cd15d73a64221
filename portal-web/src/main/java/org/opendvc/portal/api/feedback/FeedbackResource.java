package org.opendvc.portal.api.feedback;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opendvc.portal.api.Params;
import org.opendvc.portal.api.security.Access;
import org.opendvc.portal.api.security.BearerTokenMechanism;
import org.opendvc.portal.dossier.Caller;
import org.opendvc.portal.feedback.Feedback;
import org.opendvc.portal.feedback.FeedbackService;
import org.opendvc.portal.feedback.FeedbackStatus;
import org.opendvc.portal.identity.Role;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.Page;

/** Feedback and complaints (phản ánh, kiến nghị): docs/feedback.md. */
@RequestScoped
@Path("/v1/feedback")
@Tag(name = "Feedback", description = "Feedback and complaints, and the agencies' answers")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  @Inject private FeedbackService feedback;
  @Context private HttpHeaders headers;
  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send feedback about a procedure, an agency or a dossier (public)",
      description =
          "{subject: PROCEDURE|AGENCY|DOSSIER, procedureCode?, agencyCode?,"
              + " dossierCode?, idNumber?, title, content, name?, email, phone?}: PROCEDURE needs"
              + " procedureCode and agencyCode, AGENCY agencyCode, DOSSIER dossierCode and the"
              + " applicant's idNumber. Answers 201 with the feedback's code and deadlines; the"
              + " answer is sent to email. Signed in or not.")
  public Response send(FeedbackRequest body) {
    FeedbackRequest b =
        body == null
            ? new FeedbackRequest(null, null, null, null, null, null, null, null, null, null)
            : body;
    Optional<String> account =
        request.getAttribute(BearerTokenMechanism.CLAIMS_ATTRIBUTE) instanceof TokenClaims c
            ? Optional.of(c.username())
            : Optional.empty();
    Feedback f = feedback.submit(b.command(), account);
    return Response.created(URI.create("/api/v1/feedback/" + f.code()))
        .entity(FeedbackView.of(f, Instant.now()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("{code}")
  @Operation(
      summary = "Follow a feedback by its code (public)",
      description = "Status, deadlines and the answer; never the sender's details")
  public FeedbackView get(@PathParam("code") String code) {
    return FeedbackView.of(feedback.get(code), Instant.now());
  }

  @GET
  @Operation(
      summary = "Published feedback and answers, newest first (public)",
      description = "agency (a code), page, size")
  public FeedbackView.Listing published(
      @QueryParam("agency") String agency,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Params p = new Params();
    int pg = p.page(page);
    int sz = p.size(size, 20, 100);
    p.check();
    Page<Feedback> result =
        feedback.published(
            agency == null || agency.isBlank() ? Optional.empty() : Optional.of(agency.strip()),
            pg,
            sz);
    Instant now = Instant.now();
    return new FeedbackView.Listing(
        result.total(),
        result.page(),
        result.size(),
        result.items().stream().map(f -> FeedbackView.of(f, now)).toList());
  }

  @GET
  @Path("inbox")
  @Operation(
      summary = "The feedback the caller's agency must handle (OFFICER, AGENCY_ADMIN)",
      description =
          "status (RECEIVED, REFUSED, ANSWERED, PUBLISHED), page, size; oldest"
              + " deadline first, with the sender's details to answer")
  public FeedbackView.Inbox inbox(
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    TokenClaims c = Access.require(request, headers, Role.OFFICER, Role.AGENCY_ADMIN);
    Params p = new Params();
    Optional<FeedbackStatus> s = Optional.empty();
    if (status != null && !status.isBlank()) {
      try {
        s = Optional.of(FeedbackStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        p.add(
            new FieldProblem(
                "status",
                "dossier.valueInvalid",
                "status",
                status,
                "RECEIVED, REFUSED, ANSWERED, PUBLISHED"));
      }
    }
    int pg = p.page(page);
    int sz = p.size(size, 20, 100);
    p.check();
    Page<Feedback> result =
        feedback.inbox(new Caller(c.username(), c.role(), c.agencyCode()), s, pg, sz);
    Instant now = Instant.now();
    return new FeedbackView.Inbox(
        result.total(),
        result.page(),
        result.size(),
        result.items().stream().map(f -> FeedbackView.WithSender.of(f, now)).toList());
  }

  @POST
  @Path("{code}/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The agency handles a feedback (OFFICER, AGENCY_ADMIN of its agency; ADMIN)",
      description =
          "{action: REFUSE|ANSWER|PUBLISH, text}: REFUSE with the reason (due within"
              + " 2 working days), ANSWER with the answer (within 15), PUBLISH the answer (within 2"
              + " of answering). 409 when the status does not allow it; late actions are recorded"
              + " as late.")
  public FeedbackView act(@PathParam("code") String code, FeedbackAction body) {
    TokenClaims c = Access.require(request, headers, Role.OFFICER, Role.AGENCY_ADMIN, Role.ADMIN);
    FeedbackAction b = body == null ? new FeedbackAction(null, null) : body;
    return FeedbackView.of(
        feedback.act(
            code, b.action(), b.text(), new Caller(c.username(), c.role(), c.agencyCode())),
        Instant.now());
  }
}
