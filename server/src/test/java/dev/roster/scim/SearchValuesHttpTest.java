package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.config.LdapConfig;
import dev.roster.config.LdapSourceConfig;
import dev.roster.config.RosterConfig;
import dev.roster.testing.Db;
import dev.roster.testing.DemoLdap;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The searchable values follow every way a user is written: users stored before the values existed
 * get them at start, and the directory sync writes them. On H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class SearchValuesHttpTest {
  private final Db db;

  SearchValuesHttpTest(Db db) {
    this.db = db;
  }

  private static JsonNode find(ScimClient scim, String filter) {
    return scim.get("/Users?filter=" + ScimClient.encode(filter)).expectStatus(200).json();
  }

  @Test
  void usersWithoutValuesGetThemAtStartWithoutANewVersion() throws Exception {
    try (TestServer server = TestServer.start(db)) {
      ScimClient scim = server.client();
      String mail = "old-" + UUID.randomUUID() + "@example.com";
      String id =
          scim.createUser("{\"userName\":\"old-timer\",\"emails\":[{\"value\":\"" + mail + "\"}]}");
      String etag = scim.get("/Users/" + id).header("ETag");
      // As a user written before search values existed: none, and an older layout version.
      sql(
          server.config(),
          "delete from user_value where user_id = ?",
          "update user_account set search_version = 0 where id = ?",
          UUID.fromString(id));
      assertThat(find(scim, "emails.value eq \"" + mail + "\"").get("totalResults").asInt())
          .isZero();
      server.restart();
      ScimClient restarted = server.client();
      JsonNode found = find(restarted, "emails.value eq \"" + mail + "\"");
      assertThat(found.at("/Resources/0/id").asText()).isEqualTo(id);
      assertThat(restarted.get("/Users/" + id).header("ETag")).isEqualTo(etag);
    }
  }

  @Test
  void directoryUsersAreSearchableByTheirValues() throws Exception {
    try (DemoLdap ldap = DemoLdap.start();
        TestServer server =
            TestServer.start(
                db,
                c ->
                    c.withLdap(
                        new LdapConfig(
                            List.of(
                                ldap.source(
                                    new LdapSourceConfig.Policy(
                                        "disable", 2, 10, "skip", 3600, 3600),
                                    "DATA_SCIENTIST")))))) {
      ScimClient admin = new ScimClient(server.baseUrl() + "/admin", TestServer.BOOTSTRAP_TOKEN);
      DemoLdap.awaitStartupRun(admin);
      JsonNode ada = find(server.client(), "emails.value eq \"ADA@demo.roster.dev\"");
      assertThat(ada.get("totalResults").asInt()).isEqualTo(1);
      assertThat(ada.at("/Resources/0/userName").asText()).isEqualTo("ada");
      assertThat(
              find(server.client(), "name.familyName eq \"lovelace\" and groups pr")
                  .get("totalResults")
                  .asInt())
          .isEqualTo(1);
    }
  }

  private static void sql(RosterConfig config, String first, String second, UUID id)
      throws Exception {
    try (Connection connection =
        DriverManager.getConnection(config.jdbcUrl(), config.db().user(), config.db().password())) {
      for (String statement : List.of(first, second)) {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
          prepared.setObject(1, id);
          prepared.executeUpdate();
        }
      }
    }
  }
}
