package dev.roster.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops the body of a request refused before anything read it: no token (401), a path
 * that names nothing (404), a method or media type the path does not take (405, 415).
 *
 * <p>Jetty closes a connection whose request body has not all arrived when the answer is complete,
 * and the answer, already sent, cannot say so. A client that sends its body after its headers
 * (Java's HttpClient can) and its next request on the same connection then gets no answer to that
 * one. A body over {@value #LIMIT} bytes is left to Jetty, which closes the connection: reading all
 * of it would let anyone keep the server reading.
 */
final class UnreadBodyFilter implements ContainerResponseFilter {
  /** Body bytes a refused request may send and still keep its connection. */
  static final int LIMIT = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return;
    }
    try {
      if (!request.hasEntity()) {
        return;
      }
      InputStream body = request.getEntityStream();
      byte[] buffer = new byte[8192];
      int total = 0;
      int read;
      while (total < LIMIT && (read = body.read(buffer)) >= 0) {
        total += read;
      }
    } catch (IllegalStateException e) {
      // The endpoint read the body, and Jersey closed it after: nothing is left to drain.
    } catch (IOException e) {
      // The client went away or broke off its body: Jetty closes the connection, as it would.
    }
  }
}
