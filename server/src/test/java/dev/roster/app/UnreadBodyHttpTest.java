package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Db;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that sends a body after its headers (Java's HttpClient can) keeps its connection when
 * the request is refused before anything read the body: its next request on that connection is
 * answered. Jetty closes a connection left with an unread body, without a word to the client.
 */
class UnreadBodyHttpTest {
  private static final String NO_SUCH_GROUP =
      "/scim/v2/Groups/00000000-0000-0000-0000-000000000000";

  private final TestServer server = TestServer.shared(Db.H2);

  @ParameterizedTest(name = "{0} {1} ({2}, token: {3}) → {4}, then the next request is answered")
  @CsvSource({
    "PUT, " + NO_SUCH_GROUP + ", application/scim+json, false, 401",
    "POST, /scim/v2/NoSuchEndpoint, application/scim+json, true, 404",
    "PUT, /scim/v2/Users, application/scim+json, true, 405",
    "POST, /scim/v2/Users, text/plain, true, 415"
  })
  void aRefusedRequestWhoseBodyComesLateKeepsItsConnection(
      String method, String path, String contentType, boolean withToken, int status)
      throws Exception {
    URI base = URI.create(server.baseUrl());
    String authorization =
        withToken ? "Authorization: Bearer " + TestServer.BOOTSTRAP_TOKEN + "\r\n" : "";
    String next =
        "GET /scim/v2/ServiceProviderConfig HTTP/1.1\r\nHost: x\r\n" + authorization + "\r\n";
    String nextStatus = withToken ? "HTTP/1.1 200" : "HTTP/1.1 401";
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      // A first request on the connection, so that the refusal below comes well before the body
      // even on a server that has not answered anything yet.
      send(out, next);
      assertThat(response(in)).startsWith(nextStatus);

      send(
          out,
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: x\r\n"
              + authorization
              + "Content-Type: "
              + contentType
              + "\r\nContent-Length: 2\r\n\r\n");
      Thread.sleep(300);
      send(out, "{}");
      assertThat(response(in)).startsWith("HTTP/1.1 " + status);

      send(out, next);
      assertThat(response(in)).startsWith(nextStatus);
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * One response read off the connection: its head, then the body its Content-Length declares,
   * which is dropped. Roster's answers here are all sized; a chunked one would leave its body to be
   * read as the next head, and the next assertion would fail.
   */
  private static String response(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        return head.length() == 0 ? "(connection closed)" : head.toString();
      }
      head.append((char) c);
    }
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    }
    return head.toString();
  }
}
