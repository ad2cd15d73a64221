package org.opendvc.portal.api.problem;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opendvc.portal.identity.TokenClaims;
import org.opendvc.portal.shared.DatabaseUnavailable;
import org.opendvc.portal.shared.InvalidInputException;
import org.opendvc.portal.shared.Messages;
import org.opendvc.portal.shared.NotFoundException;

/**
 * Every failure of the API as a problem response: input errors are 400 with each problem named,
 * unknown codes 404, the database out of reach 503 with {@code Retry-After}, and anything
 * unexpected a 500 that shows a reference to find in the log, but never a stack trace.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  static Response map(Throwable e, HttpHeaders headers, HttpServletRequest request) {
    Locale locale = RequestLocale.of(headers);
    Throwable t = unwrap(e);
    if (t instanceof InvalidInputException invalid) {
      return Problem.invalid(locale, invalid.problems());
    }
    if (t instanceof ConstraintViolationException invalid) {
      return Problem.invalid(locale, Violations.problems(invalid.getConstraintViolations()));
    }
    if (t instanceof NotFoundException notFound) {
      return Problem.of(
          404,
          "not-found",
          "problem.notFound",
          locale,
          Messages.get(locale, notFound.messageKey(), notFound.code()));
    }
    if (t instanceof org.opendvc.portal.dossier.ActionRefusedException refused) {
      return Problem.of(
          409,
          "conflict",
          "problem.conflict",
          locale,
          Messages.get(locale, refused.messageKey(), refused.args()));
    }
    if (t instanceof org.opendvc.portal.dossier.attachment.AttachmentRefusedException refused) {
      return attachmentRefused(refused, locale);
    }
    if (t instanceof org.opendvc.portal.dossier.ForbiddenException forbidden) {
      return Problem.of(
          403,
          "forbidden",
          "problem.forbidden",
          locale,
          Messages.get(locale, forbidden.messageKey()));
    }
    java.util.Optional<String> unbound =
        t instanceof JsonbException bound ? Violations.field(bound) : java.util.Optional.empty();
    if (unbound.isPresent()) {
      return Problem.invalid(
          locale,
          java.util.List.of(
              new org.opendvc.portal.shared.FieldProblem(
                  unbound.get(), "request.fieldType", unbound.get())));
    }
    if (t instanceof JsonException
        || t instanceof JsonbException
        || t instanceof ProcessingException) {
      return Problem.of(
          400,
          "malformed-json",
          "problem.badRequest",
          locale,
          Messages.get(locale, "problem.malformedJson", shortMessage(t)));
    }
    if (t instanceof jakarta.ws.rs.NotAuthorizedException
        || t instanceof jakarta.ws.rs.ForbiddenException && !signedIn(request)) {
      // @RolesAllowed refuses an anonymous caller: the same 401 problem as every missing sign-in
      return Problem.unauthorized(locale);
    }
    if (t instanceof jakarta.ws.rs.ForbiddenException) {
      return Problem.forbidden(locale);
    }
    if (t instanceof WebApplicationException web) {
      return web(web, locale);
    }
    if (DatabaseUnavailable.causedBy(t)) {
      LOG.warning(() -> "Database out of reach, answered 503: " + shortMessage(rootOf(t)));
      return Response.fromResponse(
              Problem.of(
                  503,
                  "unavailable",
                  "problem.unavailable",
                  locale,
                  Messages.get(
                      locale,
                      "problem.databaseUnavailable",
                      DatabaseUnavailable.RETRY_AFTER_SECONDS)))
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .build();
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, e);
    return Problem.of(
        500,
        "internal",
        "problem.internal",
        locale,
        Messages.get(locale, "problem.internalDetail", reference));
  }

  /** Too large 413, type not accepted 415, anything else about the file 422. */
  private static Response attachmentRefused(
      org.opendvc.portal.dossier.attachment.AttachmentRefusedException e, Locale locale) {
    String detail = Messages.get(locale, e.messageKey(), e.args());
    return switch (e.reason()) {
      case TOO_LARGE -> Problem.of(413, "too-large", "problem.tooLarge", locale, detail);
      case TYPE_NOT_ACCEPTED ->
          Problem.of(415, "unsupported-media-type", "problem.unsupportedMediaType", locale, detail);
      case TOO_FAST ->
          Problem.tooManyRequests(locale, detail, e.args().length > 0 ? e.args()[0] : 60);
      default ->
          Problem.of(
              422,
              "unprocessable",
              "problem.unprocessable",
              locale,
              detail,
              java.util.List.of(
                  new org.opendvc.portal.shared.FieldProblem(
                      e.reason()
                              == org.opendvc.portal.dossier.attachment.AttachmentRefusedException
                                  .Reason.UNKNOWN_COMPONENT
                          ? "component"
                          : "file",
                      e.messageKey(),
                      e.args())));
    };
  }

  private static Response web(WebApplicationException e, Locale locale) {
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (e instanceof jakarta.ws.rs.NotFoundException) {
      return Problem.of(
          404, "not-found", "problem.notFound", locale, Messages.get(locale, "resource.notFound"));
    }
    if (e instanceof NotAllowedException) {
      Response problem =
          Problem.of(405, "method-not-allowed", "problem.methodNotAllowed", locale, null);
      return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
    }
    if (e instanceof NotSupportedException) {
      return Problem.of(
          415, "unsupported-media-type", "problem.unsupportedMediaType", locale, null);
    }
    if (e instanceof NotAcceptableException) {
      return Problem.of(406, "not-acceptable", "problem.notAcceptable", locale, null);
    }
    if (status >= 500) {
      return map(new IllegalStateException(e), null, null);
    }
    return Problem.of(
        status,
        "http-" + status,
        status == 401
            ? "problem.unauthorized"
            : status == 403 ? "problem.forbidden" : "problem.badRequest",
        locale,
        null);
  }

  private static boolean signedIn(HttpServletRequest request) {
    return request != null && request.getAttribute(TokenClaims.class.getName()) != null;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof EJBException || t instanceof jakarta.transaction.RollbackException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static Throwable rootOf(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 32 && root.getCause() != null; i++) {
      root = root.getCause();
    }
    return root;
  }

  private static String shortMessage(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    // parser messages can quote the input; keep them short and on one line
    m = m.replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /** The one mapper registered for all failures. */
  @Provider
  public static class AnyFailure implements ExceptionMapper<Throwable> {
    @Context private HttpHeaders headers;
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
      return map(e, headers, request);
    }
  }

  /** JAX-RS prefers the most specific mapper; this keeps web exceptions out of other mappers. */
  @Provider
  public static class WebFailure implements ExceptionMapper<WebApplicationException> {
    @Context private HttpHeaders headers;
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
      return map(e, headers, request);
    }
  }

  /**
   * Bean Validation's refusals of a request body: the platform's own mapper answers them in plain
   * text, and is more specific than {@link AnyFailure}.
   */
  @Provider
  public static class InvalidBody implements ExceptionMapper<ConstraintViolationException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      return map(e, headers, null);
    }
  }
}
