package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every /scim/v2 request needs a bearer token; what is refused, and how. */
class AuthHttpTest {
  private final TestServer server = TestServer.shared(Db.H2);

  @ParameterizedTest(name = "{0} {1} without a token → 401")
  @CsvSource({
    "GET, /Users",
    "GET, /Users/00000000-0000-0000-0000-000000000000",
    "POST, /Users",
    "PUT, /Groups/00000000-0000-0000-0000-000000000000",
    "DELETE, /Groups/00000000-0000-0000-0000-000000000000",
    "PATCH, /Users/00000000-0000-0000-0000-000000000000",
    "POST, /Bulk",
    "GET, /Me",
    "GET, /ServiceProviderConfig",
    "GET, /Schemas",
    "GET, /ResourceTypes",
    "GET, /NoSuchEndpoint"
  })
  void withoutATokenEveryRequestIs401WithWwwAuthenticate(String method, String path) {
    Reply reply =
        server
            .client(null)
            .method(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");
    reply.expectError(401, null);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @ParameterizedTest(name = "Authorization: {0} → 401")
  @CsvSource({"wrong-token-0123456789", "rst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "''"})
  void anUnknownTokenIs401(String token) {
    Reply reply = server.client(token).get("/Users");
    reply.expectError(401, null);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Basic dXNlcjpwYXNz", "Bearer", "token test-bootstrap-token-0123456789"})
  void otherAuthorizationSchemesAre401(String header) {
    Reply reply = server.client(null).get("/Users", java.util.Map.of("Authorization", header));
    reply.expectError(401, null);
  }

  @org.junit.jupiter.api.Test
  void theBootstrapTokenIsAnAdminTokenOfTheDefaultTenant() {
    server.client().get("/Users").expectStatus(200);
    server.client().post("/Users", "{\"userName\":\"made-with-bootstrap\"}").expectStatus(201);
  }

  /**
   * An issued token is looked up read-only; its last use is written in a transaction of its own.
   */
  @org.junit.jupiter.api.Test
  void anIssuedTokenWorksAndItsLastUseIsRecorded() {
    String name = "last-use-" + java.util.UUID.randomUUID();
    String token =
        server
            .client()
            .send(
                "POST",
                server.baseUrl() + "/admin/tokens",
                "{\"name\":\"" + name + "\",\"scope\":\"read\"}",
                java.util.Map.of())
            .expectStatus(201)
            .json()
            .get("token")
            .asText();
    assertThat(lastUsed(name)).isNull();

    server.client(token).get("/Users").expectStatus(200);
    server.client(token).post("/Users", "{\"userName\":\"" + name + "\"}").expectError(403, null);

    assertThat(lastUsed(name)).isNotNull();
  }

  private String lastUsed(String name) {
    for (com.fasterxml.jackson.databind.JsonNode token :
        server
            .client()
            .send("GET", server.baseUrl() + "/admin/tokens", null, java.util.Map.of())
            .expectStatus(200)
            .json()
            .get("tokens")) {
      if (token.get("name").asText().equals(name)) {
        return token.get("lastUsed").isNull() ? null : token.get("lastUsed").asText();
      }
    }
    throw new AssertionError("no token named " + name);
  }
}
