package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.Test;

/** What {@code serve --demo} starts: the demo directory as source {@code demo}, synced at start. */
class DemoTest {
  @Test
  void theDemoDirectorysUsersAppearOverScim() throws Exception {
    try (DemoDirectory directory = DemoDirectory.start();
        TestServer server =
            TestServer.start(Db.H2, c -> c.withLdap(directory.withSource(c.ldap())))) {
      ScimClient scim = server.client();
      JsonNode users = awaitUsers(scim);
      assertThat(users.get("totalResults").asInt()).isEqualTo(12);
      JsonNode charles =
          scim.get("/Users?filter=" + ScimClient.encode("userName eq \"charles\"")).json();
      assertThat(charles.at("/Resources/0/active").asBoolean())
          .as("the disabled demo account")
          .isFalse();
      JsonNode staff =
          scim.get("/Groups?filter=" + ScimClient.encode("displayName eq \"staff\"")).json();
      assertThat(staff.at("/Resources/0/members")).as("nested: the teams' members").hasSize(11);
    }
  }

  private static JsonNode awaitUsers(ScimClient scim) throws InterruptedException {
    JsonNode users = null;
    for (int i = 0; i < 100; i++) {
      users = scim.get("/Users?count=0").json();
      if (users.get("totalResults").asInt() > 0) {
        Thread.sleep(300);
        return scim.get("/Users?count=0").json();
      }
      Thread.sleep(100);
    }
    return users;
  }
}
