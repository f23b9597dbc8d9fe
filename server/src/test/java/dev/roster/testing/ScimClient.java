package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP client speaking raw JSON to the server, as an identity provider would. */
public final class ScimClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;

  public ScimClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path).GET();
    headers.forEach(request::header);
    return send(request);
  }

  public Reply post(String path, String json) {
    return send(request(path).header("Content-Type", "application/scim+json").POST(body(json)));
  }

  public Reply post(String path, String json, String contentType) {
    return send(request(path).header("Content-Type", contentType).POST(body(json)));
  }

  public Reply put(String path, String json) {
    return send(request(path).header("Content-Type", "application/scim+json").PUT(body(json)));
  }

  public Reply patch(String path, String json) {
    return method("PATCH", path, json);
  }

  /** A PATCH body (RFC 7644 §3.5.2) with these operations, each a JSON object. */
  public static String patchOps(String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + String.join(",", operations)
        + "]}";
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply method(String method, String path, String json) {
    return send(
        request(path).header("Content-Type", "application/scim+json").method(method, body(json)));
  }

  public Reply send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = request(path).method(method, body(json));
    if (json != null) {
      request.header("Content-Type", "application/scim+json");
    }
    headers.forEach(request::header);
    return send(request);
  }

  /** Creates a user from JSON and returns its id; fails the test unless 201. */
  public String createUser(String json) {
    Reply reply = post("/Users", json);
    reply.expectStatus(201);
    return reply.json().get("id").asText();
  }

  public String createGroup(String json) {
    Reply reply = post("/Groups", json);
    reply.expectStatus(201);
    return reply.json().get("id").asText();
  }

  public static String encode(String queryValue) {
    return URLEncoder.encode(queryValue, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return json == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json);
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("response is not JSON: " + body, e);
    }
  }
}
