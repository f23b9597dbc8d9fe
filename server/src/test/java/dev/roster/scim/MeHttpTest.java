package dev.roster.scim;

import static dev.roster.testing.ScimClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.domain.Scope;
import dev.roster.domain.Tenant;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** /Me (RFC 7644 §3.11) acts on the user a token was issued for, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class MeHttpTest {
  private final TestServer server;
  private final ScimClient admin;

  MeHttpTest(Db db) {
    this.server = TestServer.shared(db);
    this.admin = server.client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A user and a client whose token was issued for it. */
  private record Me(String id, String userName, ScimClient client) {}

  private Me newMe(Scope scope) {
    String userName = unique("me");
    String id =
        admin.createUser(
            "{\"userName\":\""
                + userName
                + "\",\"displayName\":\"Me\",\"password\":\"pass-word-1\"}");
    String token =
        server
            .roster()
            .tokens()
            .create(Tenant.DEFAULT_ID, unique("token"), scope, UUID.fromString(id), null)
            .secret();
    return new Me(id, userName, server.client(token));
  }

  @Test
  void getAnswersTheTokensUserWithItsPermanentLocation() {
    Me me = newMe(Scope.READ);
    Reply reply = me.client().get("/Me").expectStatus(200);
    JsonNode user = reply.json();
    assertThat(user.get("id").asText()).isEqualTo(me.id());
    assertThat(user.get("userName").asText()).isEqualTo(me.userName());
    assertThat(reply.header("Location")).endsWith("/scim/v2/Users/" + me.id());
    assertThat(reply.header("ETag")).isEqualTo(user.at("/meta/version").asText());
    assertThat(reply.body()).doesNotContain("pass-word-1");
    Reply notModified = me.client().get("/Me", Map.of("If-None-Match", reply.header("ETag")));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.header("Location")).endsWith("/scim/v2/Users/" + me.id());
  }

  /**
   * The endpoints are singletons that read the caller through JAX-RS's proxy of the request's
   * security context: requests at once, each with its own token, each get their own user.
   */
  @Test
  void concurrentRequestsEachSeeTheirOwnCaller() throws Exception {
    List<Me> users = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      users.add(newMe(Scope.READ));
    }
    List<java.util.concurrent.Callable<List<String>>> requests = new java.util.ArrayList<>();
    for (Me me : users) {
      requests.add(
          () -> {
            List<String> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
              seen.add(me.client().get("/Me").expectStatus(200).json().get("id").asText());
            }
            return seen;
          });
    }

    List<List<String>> seen = dev.roster.testing.Together.run(requests);

    for (int i = 0; i < users.size(); i++) {
      assertThat(seen.get(i)).hasSize(25).containsOnly(users.get(i).id());
    }
  }

  @Test
  void patchAndPutChangeTheTokensUserOnly() {
    Me me = newMe(Scope.WRITE);
    JsonNode patched =
        me.client()
            .patch(
                "/Me", patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Mine\"}"))
            .expectStatus(200)
            .json();
    assertThat(patched.get("displayName").asText()).isEqualTo("Mine");
    assertThat(admin.get("/Users/" + me.id()).json().get("displayName").asText()).isEqualTo("Mine");
    String etag = me.client().get("/Me").header("ETag");
    Reply put =
        me.client()
            .send(
                "PUT",
                "/Me",
                "{\"userName\":\"" + me.userName() + "\",\"title\":\"Replaced\"}",
                Map.of("If-Match", etag))
            .expectStatus(200);
    assertThat(put.json().get("title").asText()).isEqualTo("Replaced");
    assertThat(put.json().has("displayName")).as("PUT replaces").isFalse();
    me.client()
        .send(
            "PATCH",
            "/Me",
            patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"stale\"}"),
            Map.of("If-Match", etag))
        .expectError(412, null);
  }

  @Test
  void aTokenIssuedForNoUserHasNoMe() {
    String detail = admin.get("/Me").expectError(404, null).detail();
    assertThat(detail).contains("issued for none");
    admin
        .patch("/Me", patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"))
        .expectError(404, null);
  }

  @Test
  void aReadTokenCannotWriteItsMeAndDeleteIsNotOffered() {
    Me reader = newMe(Scope.READ);
    reader
        .client()
        .patch("/Me", patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"))
        .expectError(403, null);
    newMe(Scope.WRITE).client().delete("/Me").expectError(405, null);
  }
}
