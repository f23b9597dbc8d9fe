package dev.roster.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Blocking SCIM calls over one Jetty {@link HttpClient} with keep-alive connections: the client of
 * every scenario. One call blocks its thread, so N threads keep N connections busy (a closed loop).
 */
final class Http implements AutoCloseable {
  static final String SCIM_JSON = "application/scim+json";

  /** Large enough for a page of 1,000 users or a Bulk answer; nothing measured is larger. */
  private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  private final HttpClient client;
  private final String base;
  private final String authorization;

  /**
   * @param base for example {@code http://127.0.0.1:8080}
   * @param connections the most connections kept open to the server at once
   */
  Http(String base, String token, int connections) {
    this.base = base;
    this.authorization = "Bearer " + token;
    this.client = new HttpClient();
    client.setMaxConnectionsPerDestination(connections);
    client.setMaxRequestsQueuedPerDestination(Math.max(1024, connections * 4));
    // Below Jetty's server default (30 s): the client closes an idle connection before the server
    // can close it under a request just sent on it.
    client.setIdleTimeout(20_000);
    client.setFollowRedirects(false);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client", e);
    }
  }

  Reply get(String pathAndQuery) {
    return send(request(HttpMethod.GET, pathAndQuery));
  }

  Reply post(String pathAndQuery, String json) {
    return send(request(HttpMethod.POST, pathAndQuery).body(content(json)));
  }

  Reply patch(String pathAndQuery, String json) {
    return send(request(HttpMethod.PATCH, pathAndQuery).body(content(json)));
  }

  private Request request(HttpMethod method, String pathAndQuery) {
    return client
        .newRequest(base + pathAndQuery)
        .method(method)
        .headers(h -> h.put(HttpHeader.AUTHORIZATION, authorization))
        // A sync run of 100,000 users is one synchronous call, silent until it answers.
        .idleTimeout(60, TimeUnit.MINUTES)
        .timeout(60, TimeUnit.MINUTES);
  }

  private static StringRequestContent content(String json) {
    return new StringRequestContent(SCIM_JSON, json);
  }

  private static Reply send(Request request) {
    try {
      ContentResponse response =
          new CompletableResponseListener(request, MAX_RESPONSE_BYTES).send().get();
      return new Reply(response.getStatus(), response.getContentAsString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          request.getMethod() + " " + request.getURI() + ": " + e.getCause(), e.getCause());
    }
  }

  /** Waits until {@code path} answers 200, or fails after {@code seconds}. */
  void awaitOk(String path, int seconds, ChildJvm process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("process exited at start; see " + process.log());
      }
      try {
        if (get(path).status() == 200) {
          return;
        }
      } catch (IllegalStateException notYetListening) {
        // connection refused until the server listens
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        new TimeoutException(path + " not ready after " + seconds + " s; see " + process.log()));
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
