package dev.roster.scim;

import static dev.roster.scim.RosterExtensionHttpTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import dev.roster.testing.Together;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tenant's last two administrators demoted at the same moment, round after round: one of the
 * two requests wins and the other is a 409, never both, so the tenant always keeps one. Runs on a
 * server of its own, so these two are the tenant's only administrators.
 */
@ParameterizedClass
@EnumSource(Db.class)
class LastAdministratorRaceHttpTest {
  private static final String REMOVE_ADMIN =
      ScimClient.patchOps("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"admin\\\"]\"}");
  private static final String ADD_ADMIN =
      ScimClient.patchOps("{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"admin\"}]}");

  private static TestServer server;
  private final ScimClient scim;

  LastAdministratorRaceHttpTest(Db db) {
    this.scim = server.client();
  }

  @BeforeParameterizedClassInvocation
  static void start(Db db) {
    server = TestServer.start(db);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  @Test
  void twoAdministratorsDemotedAtOnceLeaveOne() throws Exception {
    String first = admin();
    String second = admin();
    for (int round = 0; round < 10; round++) {
      List<Integer> statuses =
          Together.run(
              List.of(
                  () -> scim.patch("/Users/" + first, REMOVE_ADMIN).status(),
                  () -> scim.patch("/Users/" + second, REMOVE_ADMIN).status()));

      assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
      assertThat(activeAdministrators()).as("round %d", round).isEqualTo(1);
      // Whoever lost the role gets it back for the next round.
      for (String id : List.of(first, second)) {
        if (!scim.get("/Users/" + id).json().path("roles").toString().contains("admin")) {
          scim.patch("/Users/" + id, ADD_ADMIN).expectStatus(200);
        }
      }
    }
  }

  private String admin() {
    return scim.createUser(
        "{\"userName\":\"%s\",\"roles\":[{\"value\":\"admin\"}]}".formatted(unique("boss")));
  }

  private int activeAdministrators() {
    String filter =
        URLEncoder.encode("roles.value eq \"admin\" and active eq true", StandardCharsets.UTF_8);
    return scim.get("/Users?count=0&filter=" + filter).json().get("totalResults").asInt();
  }
}
