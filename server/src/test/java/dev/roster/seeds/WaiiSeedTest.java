package dev.roster.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WAII user module (shared/seeds/003_b487a5bdfe7a4d1e.txt) walked through Roster: access keys
 * created, listed and deleted by name ({@code /admin/tokens}); users created with roles, read as
 * user info, updated, listed and deleted.
 *
 * <p>Not walked here: update_config (per-user config keys, the Roster extension's userProperties),
 * organizations and tenants ({@code /admin/organizations}, {@code /admin/tenants}) and
 * impersonation.
 */
@ParameterizedClass
@EnumSource(Db.class)
class WaiiSeedTest {
  @Parameter Db db;
  private TestServer server;
  private ScimClient scim;
  private String run;

  @BeforeEach
  void connect() {
    server = TestServer.shared(db);
    scim = server.client();
    run = "waii" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Reply admin(String method, String path, String json) {
    return scim.send(method, server.baseUrl() + "/admin/tokens" + path, json, java.util.Map.of());
  }

  private List<String> keyNames() {
    List<String> names = new ArrayList<>();
    admin("GET", "", null)
        .expectStatus(200)
        .json()
        .get("tokens")
        .forEach(t -> names.add(t.get("name").asText()));
    return names.stream().filter(name -> name.endsWith(run)).toList();
  }

  /**
   * create_access_key(name="test-key") → access_key, user_id, name, created_at; list_access_keys;
   * delete_access_key(names=["test2"]).
   */
  @Test
  void accessKeysAreCreatedListedAndDeletedByName() {
    String userId = scim.createUser("{\"userName\":\"user1-%s\"}".formatted(run));
    JsonNode key =
        admin(
                "POST",
                "",
                "{\"name\":\"test-key-%s\",\"scope\":\"write\",\"userName\":\"user1-%s\"}"
                    .formatted(run, run))
            .expectStatus(201)
            .json();
    String accessKey = key.get("token").asText();
    assertThat(key.get("name").asText()).isEqualTo("test-key-" + run);
    assertThat(key.get("userId").asText()).isEqualTo(userId);
    assertThat(key.get("created").asText()).isNotBlank();
    assertThat(server.client(accessKey).get("/Me").expectStatus(200).json().get("id").asText())
        .isEqualTo(userId);
    admin("POST", "", "{\"name\":\"test2-%s\"}".formatted(run)).expectStatus(201);

    assertThat(keyNames()).containsExactlyInAnyOrder("test-key-" + run, "test2-" + run);
    assertThat(admin("GET", "", null).body()).doesNotContain(accessKey);

    admin("DELETE", "/test2-" + run, null).expectStatus(204);
    assertThat(keyNames()).containsExactly("test-key-" + run);
    admin("DELETE", "/test2-" + run, null).expectError(404, null);
    admin("DELETE", "/test-key-" + run, null).expectStatus(204);
    server.client(accessKey).get("/Me").expectError(401, null);
  }

  /** Key names are unique, scopes are known, and only an admin manages keys. */
  @Test
  void aDuplicateKeyNameIs409AndABadScope400AndAWriteToken403() {
    admin("POST", "", "{\"name\":\"k-%s\"}".formatted(run)).expectStatus(201);
    admin("POST", "", "{\"name\":\"K-%s\"}".formatted(run)).expectError(409, "uniqueness");
    admin("POST", "", "{\"name\":\"s-%s\",\"scope\":\"root\"}".formatted(run))
        .expectError(400, "invalidValue");
    admin("POST", "", "{\"name\":\"u-%s\",\"userName\":\"nobody-%s\"}".formatted(run, run))
        .expectError(400, "invalidValue");
    admin("POST", "", "{\"scope\":\"read\"}").expectError(400, "invalidValue");
    assertThat(admin("POST", "", "{\"name\":7}").expectError(400, "invalidValue").detail())
        .contains("name")
        .contains("expiresInDays");
    String writer =
        admin("POST", "", "{\"name\":\"w-%s\",\"scope\":\"write\"}".formatted(run))
            .json()
            .get("token")
            .asText();
    server.client(writer).get(server.baseUrl() + "/admin/tokens").expectError(403, null);
  }

  /**
   * create_user(id, name, roles) → get_user_info (id, name, email, roles, permissions) →
   * update_user(name="Pravin") → list_users → delete_user.
   */
  @Test
  void aUserWithRolesIsCreatedReadUpdatedListedAndDeleted() {
    String id =
        scim.createUser(
            """
            {"userName":"user1-%s","displayName":"John Doe",
             "emails":[{"value":"john@example.org"}],
             "roles":[{"value":"waii-api-user"}],
             "entitlements":[{"value":"run-query"}]}"""
                .formatted(run));
    JsonNode info =
        scim.get("/Users/" + id + "?attributes=displayName,emails,roles,entitlements")
            .expectStatus(200)
            .json();
    assertThat(info.get("id").asText()).isEqualTo(id);
    assertThat(info.get("displayName").asText()).isEqualTo("John Doe");
    assertThat(info.at("/emails/0/value").asText()).isEqualTo("john@example.org");
    assertThat(info.at("/roles/0/value").asText()).isEqualTo("waii-api-user");
    assertThat(info.at("/entitlements/0/value").asText()).isEqualTo("run-query");
    assertThat(info.has("userName")).isFalse();

    scim.patch(
            "/Users/" + id,
            ScimClient.patchOps(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Pravin\"}"))
        .expectStatus(200);
    JsonNode listed =
        scim.get("/Users?filter=" + ScimClient.encode("userName sw \"user1-" + run + "\"")).json();
    assertThat(listed.get("totalResults").asInt()).isEqualTo(1);
    assertThat(listed.at("/Resources/0/displayName").asText()).isEqualTo("Pravin");
    assertThat(listed.at("/Resources/0/roles/0/value").asText()).isEqualTo("waii-api-user");

    scim.delete("/Users/" + id).expectStatus(204);
    scim.get("/Users/" + id).expectError(404, null);
  }
}
