package org.opendvc.portal.http;

import static org.opendvc.portal.shared.JsonProviders.JSON;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.opendvc.portal.shared.DatabaseUnavailable;
import org.opendvc.portal.shared.Messages;

/**
 * Problem answers ({@code application/problem+json}) written on the servlet response itself, for
 * the pieces that answer before JAX-RS is reached (filters, the bearer-token check), in the
 * language of {@code Accept-Language}: Vietnamese unless it asks for English.
 */
public final class PlainProblems {

  private PlainProblems() {}

  /** The caller's language for an API answer. */
  public static Locale language(HttpServletRequest request) {
    String accept = request.getHeader("Accept-Language");
    return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")
        ? Locale.ENGLISH
        : Messages.VIETNAMESE;
  }

  /** 503 with {@code Retry-After}: the database is out of reach, try again shortly. */
  public static void databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
    Locale locale = language(request);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    write(
        response,
        "unavailable",
        Messages.get(locale, "problem.unavailable"),
        503,
        Messages.get(
            locale, "problem.databaseUnavailable", DatabaseUnavailable.RETRY_AFTER_SECONDS));
  }

  /** 401: the bearer token is invalid, expired or its account no longer admitted. */
  public static void invalidToken(HttpServletRequest request, HttpServletResponse response) {
    Locale locale = language(request);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    write(
        response,
        "invalid-token",
        Messages.get(locale, "problem.unauthorized"),
        401,
        Messages.get(locale, "auth.tokenInvalid"));
  }

  /** 405: the address does not take this method; {@code Allow} is set by the caller. */
  public static void methodNotAllowed(
      HttpServletRequest request, HttpServletResponse response, String allow) {
    Locale locale = language(request);
    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    write(
        response,
        "method-not-allowed",
        Messages.get(locale, "problem.methodNotAllowed"),
        405,
        Messages.get(locale, "problem.methodAccepted", allow));
  }

  private static void write(
      HttpServletResponse response, String type, String title, int status, String detail) {
    response.setContentType("application/problem+json;charset=UTF-8");
    String body =
        JSON.createObjectBuilder()
            .add("type", "https://opendvc.org/problems/" + type)
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .build()
            .toString();
    try {
      response.getWriter().write(body);
    } catch (IOException e) {
      // the client went away; nothing more to do
    }
  }
}
