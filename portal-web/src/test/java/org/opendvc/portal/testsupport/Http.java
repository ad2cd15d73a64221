package org.opendvc.portal.testsupport;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opendvc.portal.shared.JsonProviders;

/**
 * A small HTTP client for tests against the running portal: relative paths are resolved against the
 * base URI, bodies are UTF-8 text, and every call answers status, headers and body.
 *
 * <pre>
 * Http http = Http.at(deploymentUrl);
 * Http.Response r = http.postJson("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"...\"}");
 * Http authed = http.withBearer(token);
 * </pre>
 */
public final class Http {

  /** HTTP/1.1 as browsers and proxies speak it to the portal (no h2c upgrade on plain HTTP). */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final URI base;
  private final Map<String, String> defaultHeaders;
  private final Duration timeout;

  private Http(URI base, Map<String, String> defaultHeaders, Duration timeout) {
    this.base = base;
    this.defaultHeaders = Map.copyOf(defaultHeaders);
    this.timeout = timeout;
  }

  /** A client for the application at the URL Arquillian injects. */
  public static Http at(URL deploymentUrl) {
    return at(PortalDeployment.baseUri(deploymentUrl));
  }

  public static Http at(URI base) {
    return new Http(base, Map.of(), Duration.ofSeconds(60));
  }

  public URI base() {
    return base;
  }

  /** The same client sending this header on every request. */
  public Http withHeader(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
    headers.put(name, value);
    return new Http(base, headers, timeout);
  }

  public Http withBearer(String token) {
    return withHeader("Authorization", "Bearer " + token);
  }

  /**
   * The same client signed in as the user: asks {@code POST /api/v1/auth/token} and sends the token
   * it answers on every request. Fails the test when the sign-in is refused.
   */
  public Http signedInAs(String username, String password) {
    return withBearer(tokenFor(username, password));
  }

  /** A bearer token for the user, from {@code POST /api/v1/auth/token}; fails when refused. */
  public String tokenFor(String username, String password) {
    Response r =
        postJson(
            "/api/v1/auth/token",
            JsonProviders.JSON
                .createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString());
    if (r.status() != 200) {
      throw new AssertionError("sign-in of " + username + " refused: " + r);
    }
    return r.json().getString("accessToken");
  }

  public Http withTimeout(Duration requestTimeout) {
    return new Http(base, defaultHeaders, requestTimeout);
  }

  /** The absolute URI of a path ("/health/ready" or "health/ready": both relative to the base). */
  public URI uri(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return base.resolve(relative);
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response getJson(String path) {
    return get(path, "Accept", "application/json");
  }

  public Response postJson(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response putJson(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response post(String path, String contentType, String body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** Posts an HTML form ({@code application/x-www-form-urlencoded}), fields in the given order. */
  public Response postForm(String path, Map<String, String> fields, String... headers) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return post(path, "application/x-www-form-urlencoded", body.toString(), headers);
  }

  /** Posts a {@code multipart/form-data} body, as a file upload form sends it. */
  public Response postMultipart(String path, Multipart body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", body.contentType())
            .header("Accept", "application/json")
            .POST(body.publisher()));
  }

  public Response delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  /** Sends any request built on {@link #request}. */
  public Response send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          built.method(), built.uri(), response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
    }
  }

  /** A request builder for the path with the default headers and the given name/value pairs. */
  public HttpRequest.Builder request(String path, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name, value pairs");
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(timeout);
    defaultHeaders.forEach(builder::header);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** Status, headers and body of one exchange. */
  public record Response(String method, URI uri, int status, HttpHeaders headers, byte[] bytes) {

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public List<String> headerValues(String name) {
      return headers.allValues(name);
    }

    /** The body as a JSON object. */
    public JsonObject json() {
      try (JsonReader reader = JsonProviders.JSON.createReader(new StringReader(body()))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON object: " + this, e);
      }
    }

    /** The fields a problem+json answer names in its {@code errors}. */
    public Set<String> errorFields() {
      return json().getJsonArray("errors").stream()
          .map(e -> e.asJsonObject().getString("field"))
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value of a cookie this response sets, if it sets it. */
    public Optional<String> cookie(String name) {
      return headers.allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .map(c -> c.substring(name.length() + 1).split(";")[0])
          .findFirst();
    }

    /** The Content-Type without parameters, lower case ("" when absent). */
    public String mediaType() {
      return header("Content-Type")
          .map(v -> v.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT))
          .orElse("");
    }

    /** For assertion messages: "GET http://.../x -> 404: <first 500 characters of the body>". */
    @Override
    public String toString() {
      String text = body();
      return method
          + " "
          + uri
          + " -> "
          + status
          + ": "
          + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
    }
  }
}
