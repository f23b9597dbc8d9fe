package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stop and start on the same data: users, groups and memberships are all still there. */
class RestartTest {

  @ParameterizedTest
  @EnumSource(Db.class)
  void aRestartKeepsUsersGroupsAndMemberships(Db db) {
    try (TestServer server = TestServer.start(db)) {
      ScimClient scim = server.client();
      String userId =
          scim.createUser(
              """
          {"userName":"kept","password":"a long password","emails":[{"value":"kept@example.com","type":"work"}]}""");
      String groupId =
          scim.createGroup(
              """
          {"displayName":"Keepers","members":[{"value":"%s"}]}"""
                  .formatted(userId));
      JsonNode userBefore = scim.get("/Users/" + userId).json();
      JsonNode groupBefore = scim.get("/Groups/" + groupId).json();

      server.restart();

      ScimClient after = server.client();
      JsonNode user = after.get("/Users/" + userId).expectStatus(200).json();
      JsonNode group = after.get("/Groups/" + groupId).expectStatus(200).json();
      assertThat(without(user, "meta.location", "groups"))
          .isEqualTo(without(userBefore, "meta.location", "groups"));
      assertThat(user.at("/groups/0/value").asText()).isEqualTo(groupId);
      assertThat(group.get("displayName").asText()).isEqualTo("Keepers");
      assertThat(group.at("/members/0/value").asText()).isEqualTo(userId);
      assertThat(group.at("/meta/version").asText())
          .isEqualTo(groupBefore.at("/meta/version").asText());
      after.post("/Users", "{\"userName\":\"KEPT\"}").expectError(409, "uniqueness");
      assertThat(storedPasswordHash(server, userId))
          .startsWith("$argon2id$")
          .doesNotContain("a long password");
    }
  }

  private static String storedPasswordHash(TestServer server, String userId) {
    var config = server.config();
    try (var connection =
            java.sql.DriverManager.getConnection(
                config.jdbcUrl(), config.db().user(), config.db().password());
        var query =
            connection.prepareStatement("select password_hash from user_account where id = ?")) {
      query.setObject(1, java.util.UUID.fromString(userId));
      try (var rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The resource without the named parts, which legitimately differ (the port is new). */
  private static JsonNode without(JsonNode resource, String... parts) {
    var copy = resource.deepCopy();
    for (String part : parts) {
      if (part.equals("meta.location")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("meta")).remove("location");
      } else {
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(part);
      }
    }
    return copy;
  }
}
