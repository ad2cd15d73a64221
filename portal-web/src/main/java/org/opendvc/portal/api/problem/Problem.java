package org.opendvc.portal.api.problem;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.opendvc.portal.shared.FieldProblem;
import org.opendvc.portal.shared.Messages;

/** Builds {@code application/problem+json} responses with text from the message bundle. */
public final class Problem {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
  public static final String TYPE_BASE = "https://opendvc.org/problems/";

  private Problem() {}

  /** 429: the caller must wait this many seconds before trying again (also in Retry-After). */
  public static Response tooManyRequests(Locale locale, String detail, Object retryAfterSeconds) {
    return Response.fromResponse(
            of(429, "too-many-requests", "problem.tooManyRequests", locale, detail))
        .header("Retry-After", retryAfterSeconds)
        .build();
  }

  public static Response of(
      int status, String type, String titleKey, Locale locale, String detail) {
    return of(status, type, titleKey, locale, detail, List.of());
  }

  public static Response of(
      int status,
      String type,
      String titleKey,
      Locale locale,
      String detail,
      List<FieldProblem> errors) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("type", TYPE_BASE + type)
            .add("title", Messages.get(locale, titleKey))
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      for (FieldProblem p : errors) {
        list.add(
            JSON.createObjectBuilder()
                .add("field", p.field())
                .add("message", Messages.get(locale, p.messageKey(), p.args())));
      }
      body.add("errors", list);
    }
    return Response.status(status)
        .type(MEDIA_TYPE.withCharset("UTF-8"))
        .entity(body.build().toString())
        .build();
  }

  /** 401: nobody signed in where a sign-in is needed. */
  public static Response unauthorized(Locale locale) {
    return of(
        401, "unauthorized", "problem.unauthorized", locale, Messages.get(locale, "auth.required"));
  }

  /** 403: signed in, but the role does not allow it. */
  public static Response forbidden(Locale locale) {
    return of(
        403, "forbidden", "problem.forbidden", locale, Messages.get(locale, "auth.forbidden"));
  }

  /** A 400 with every problem of the input. */
  public static Response invalid(Locale locale, List<FieldProblem> errors) {
    String detail =
        errors.isEmpty()
            ? null
            : Messages.get(locale, errors.get(0).messageKey(), errors.get(0).args());
    return of(400, "invalid-input", "problem.invalidInput", locale, detail, errors);
  }
}
