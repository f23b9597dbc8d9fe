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
 * The Opendatasoft automation API's users operations (shared/seeds/002_a5986a0c68677ec4.txt),
 * walked through Roster as the design's "Seed coverage" maps them. Each test names the operation
 * and says what the document promises.
 *
 * <p>Not walked here, as they need the Roster extension: {@code all_permissions} (permissions
 * through a group) and the last domain administrator's protection.
 */
@ParameterizedClass
@EnumSource(Db.class)
class OpendatasoftSeedTest {
  @Parameter Db db;
  private TestServer server;
  private ScimClient scim;

  /** Ends every userName of one test, so searches see only that test's users on a shared server. */
  private String run;

  @BeforeEach
  void connect() {
    server = TestServer.shared(db);
    scim = server.client();
    run = ".ods" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String user(String userName, String given, String family, String email) {
    return scim.createUser(
        """
        {"userName":"%s%s","name":{"givenName":"%s","familyName":"%s"},
         "emails":[{"value":"%s","primary":true}]}"""
            .formatted(userName, run, given, family, email));
  }

  private JsonNode list(String filter, String more) {
    String mine = "userName ew \"" + run + "\"";
    String all = filter == null ? mine : "(" + filter + ") and " + mine;
    return scim.get("/Users?filter=" + ScimClient.encode(all) + more).expectStatus(200).json();
  }

  private static List<String> userNames(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("Resources").forEach(r -> names.add(r.get("userName").asText()));
    return names;
  }

  /**
   * get_users(search='alice'): "full-text search among username, first name, last name and email".
   */
  @Test
  void searchFindsAliceInTheUserNameFirstNameLastNameOrEmail() {
    user("alice", "A", "One", "a1@example.org");
    user("bob", "Alice", "Two", "b@example.org");
    user("carol", "C", "Malice", "c@example.org");
    user("dave", "D", "Four", "ALICE.w@example.org");
    user("erin", "E", "Five", "e@example.org");
    String search =
        "userName co \"alice\" or name.givenName co \"alice\" or name.familyName co \"alice\""
            + " or emails.value co \"alice\"";
    assertThat(userNames(list(search, "&sortBy=userName")))
        .containsExactly("alice" + run, "bob" + run, "carol" + run, "dave" + run);
  }

  /** get_users(sort=…): "sort results according to username, first name or last_name". */
  @Test
  void sortOrdersByUserNameFirstNameOrLastName() {
    user("u1", "Charlie", "Adams", "u1@example.org");
    user("u2", "alpha", "Brown", "u2@example.org");
    user("u3", "Bravo", "Clark", "u3@example.org");
    assertThat(userNames(list(null, "&sortBy=userName")))
        .containsExactly("u1" + run, "u2" + run, "u3" + run);
    assertThat(userNames(list(null, "&sortBy=name.givenName")))
        .containsExactly("u2" + run, "u3" + run, "u1" + run);
    assertThat(userNames(list(null, "&sortBy=name.familyName&sortOrder=descending")))
        .containsExactly("u3" + run, "u2" + run, "u1" + run);
  }

  /**
   * get_users(limit, offset): limit defaults to 20, offset skips; "limit set to 0 to get only the
   * metadata (results property will contain an empty array)". SCIM's count is the limit and
   * startIndex is offset + 1.
   */
  @Test
  void limitAndOffsetPageAndLimitZeroGivesTheCountOnly() {
    for (int i = 0; i < 25; i++) {
      user("p%02d".formatted(i), "P", "Page", "p" + i + "@example.org");
    }
    JsonNode first = list(null, "&sortBy=userName&count=20&startIndex=1");
    assertThat(first.get("totalResults").asInt()).isEqualTo(25);
    assertThat(userNames(first)).hasSize(20).startsWith("p00" + run);
    JsonNode second = list(null, "&sortBy=userName&count=20&startIndex=21");
    assertThat(userNames(second)).hasSize(5).startsWith("p20" + run);
    JsonNode countOnly = list(null, "&count=0");
    assertThat(countOnly.get("totalResults").asInt()).isEqualTo(25);
    assertThat(countOnly.get("Resources")).isEmpty();
  }

  /** get_users(permissions=[…]): "filter according to permissions granted directly". */
  @Test
  void permissionsGrantedDirectlyAreAFilterOnEntitlements() {
    scim.createUser(
        "{\"userName\":\"editor%s\",\"entitlements\":[{\"value\":\"edit_dataset\"}]}"
            .formatted(run));
    user("reader", "R", "Reader", "r@example.org");
    assertThat(userNames(list("entitlements.value eq \"edit_dataset\"", "")))
        .containsExactly("editor" + run);
  }

  /**
   * get_users(permissions=[…], include_inherited): permissions from any source, those of the user's
   * groups (nested ones too) with those granted directly.
   */
  @Test
  void permissionsFromGroupsAreEffectivePermissions() {
    String permission = "explore_restricted_dataset" + run;
    scim.createUser(
        "{\"userName\":\"granted%s\",\"entitlements\":[{\"value\":\"%s\"}]}"
            .formatted(run, permission));
    String member = user("member", "M", "Member", "m@example.org");
    scim.createGroup(
        "{\"displayName\":\"Explorers%s\",\"members\":[{\"value\":\"%s\"}],\"%s\":{\"permissions\":[\"%s\"]}}"
            .formatted(run, member, "urn:roster:scim:extension:2.0:Group", permission));

    String effective =
        "urn:roster:scim:extension:2.0:User:effectivePermissions eq \"" + permission + "\"";
    assertThat(userNames(list(effective, "")))
        .containsExactlyInAnyOrder("granted" + run, "member" + run);
    assertThat(userNames(list("entitlements.value eq \"" + permission + "\"", "")))
        .containsExactly("granted" + run);
  }

  /** get_user('louise.data', expand='groups'): 200 with the groups; 404 when not found. */
  @Test
  void getUserShowsItsGroupsAnd404WhenThereIsNone() {
    String louise = user("louise.data", "Louise", "Data", "louise@example.org");
    scim.createGroup(
        "{\"displayName\":\"Data team%s\",\"members\":[{\"value\":\"%s\"}]}"
            .formatted(run, louise));
    JsonNode found = list("userName eq \"louise.data" + run + "\"", "").at("/Resources/0");
    assertThat(found.at("/groups/0/display").asText()).isEqualTo("Data team" + run);
    scim.get("/Users/" + UUID.randomUUID()).expectError(404, null);
  }

  /** update_user (200, 404) and delete_user (204, then 404). */
  @Test
  void updateAndDeleteAUser() {
    String id = user("louise.data", "Louise", "Data", "louise@example.org");
    Reply updated =
        scim.put(
            "/Users/" + id,
            "{\"userName\":\"louise.data%s\",\"name\":{\"familyName\":\"Dataset\"}}"
                .formatted(run));
    assertThat(updated.expectStatus(200).json().at("/name/familyName").asText())
        .isEqualTo("Dataset");
    scim.put("/Users/" + UUID.randomUUID(), "{\"userName\":\"x\"}").expectError(404, null);
    scim.delete("/Users/" + id).expectStatus(204);
    scim.delete("/Users/" + id).expectError(404, null);
  }

  /**
   * provision_users: one account per item, and "each key is the number of the requested user in the
   * payload … value contains a status_code … and either data … or error". In SCIM: /Bulk, one
   * result per operation in order, each with its status and the user or the error.
   */
  @Test
  void bulkProvisioningAnswersEveryItemWithItsOwnStatus() {
    user("taken", "T", "Taken", "t@example.org");
    String body =
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
         {"method":"POST","path":"/Users","bulkId":"0","data":{"userName":"new1%1$s",
          "emails":[{"value":"new1@example.org"}]}},
         {"method":"POST","path":"/Users","bulkId":"1","data":{"userName":"TAKEN%1$s"}},
         {"method":"POST","path":"/Users","bulkId":"2","data":{"userName":"new2%1$s"}}]}"""
            .formatted(run);
    JsonNode results = scim.post("/Bulk", body).expectStatus(200).json().get("Operations");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("status").asText()).isEqualTo("201");
    assertThat(results.get(0).at("/response/userName").asText()).isEqualTo("new1" + run);
    assertThat(results.get(1).get("status").asText()).isEqualTo("409");
    assertThat(results.get(1).at("/response/detail").asText()).contains("already taken");
    assertThat(results.get(2).get("status").asText()).isEqualTo("201");
    assertThat(userNames(list(null, "&sortBy=userName")))
        .containsExactly("new1" + run, "new2" + run, "taken" + run);
  }

  /** users_export(delimiter=','): a CSV of the users, the field separator chosen by the caller. */
  @Test
  void exportIsCsvWithTheChosenDelimiter() {
    user("louise.data", "Louise", "Data; Science", "louise@example.org");
    user("marc", "Marc", "Export", "marc@example.org");
    String filter = ScimClient.encode("userName ew \"" + run + "\"");
    String csv =
        scim.get(server.baseUrl() + "/admin/export/users.csv?delimiter=%3B&filter=" + filter)
            .expectStatus(200)
            .body();
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("id;userName;");
    assertThat(lines.get(1)).contains(";louise.data" + run + ";").contains(";\"Data; Science\";");
    assertThat(lines.get(2)).contains(";marc" + run + ";");
  }
}
