package dev.roster.scim;

import static dev.roster.testing.ScimClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** PATCH /Users/{id} (RFC 7644 §3.5.2) against the real server, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class UsersPatchHttpTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private final ScimClient scim;

  UsersPatchHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A user with a work email (primary) and a home email; returns its id. */
  private String newUser() {
    String userName = unique("patch");
    return scim.createUser(
        """
        {"userName":"%1$s","displayName":"Before","nickName":"nick",
         "name":{"givenName":"Barbara","familyName":"Jensen"},
         "emails":[{"value":"%1$s@work.example","type":"work","primary":true},
                   {"value":"%1$s@home.example","type":"home"}]}"""
            .formatted(userName));
  }

  private JsonNode patch(String id, String... operations) {
    return scim.patch("/Users/" + id, patchOps(operations)).expectStatus(200).json();
  }

  private static JsonNode email(JsonNode user, String type) {
    for (JsonNode email : user.path("emails")) {
      if (email.path("type").asText().equals(type)) {
        return email;
      }
    }
    return null;
  }

  @Test
  void theAnswerHonoursAttributesAndExcludedAttributes() {
    String id = newUser();
    JsonNode only =
        scim.patch(
                "/Users/" + id + "?attributes=nickName",
                patchOps("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Babs\"}"))
            .expectStatus(200)
            .json();
    assertThat(only.get("nickName").asText()).isEqualTo("Babs");
    assertThat(only.has("id")).as("returned: always").isTrue();
    assertThat(only.has("emails")).isFalse();
    assertThat(only.has("displayName")).isFalse();

    JsonNode without =
        scim.patch(
                "/Users/" + id + "?excludedAttributes=emails,name",
                patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"After\"}"))
            .expectStatus(200)
            .json();
    assertThat(without.get("displayName").asText()).isEqualTo("After");
    assertThat(without.has("emails")).isFalse();
    assertThat(without.has("name")).isFalse();
    assertThat(without.get("userName").asText()).startsWith("patch-");
  }

  @Test
  void aPathlessReplaceDeactivatesAndAnswersTheWholeUserWithANewEtag() {
    String id = newUser();
    String before = scim.get("/Users/" + id).header("ETag");
    Reply reply =
        scim.patch("/Users/" + id, patchOps("{\"op\":\"replace\",\"value\":{\"active\":false}}"))
            .expectStatus(200);
    JsonNode user = reply.json();
    assertThat(user.get("active").asBoolean()).isFalse();
    assertThat(user.get("displayName").asText()).isEqualTo("Before");
    assertThat(user.get("emails")).hasSize(2);
    assertThat(reply.header("ETag"))
        .isEqualTo(user.at("/meta/version").asText())
        .isNotEqualTo(before);
    assertThat(reply.header("Content-Location")).endsWith("/Users/" + id);
    assertThat(
            patch(id, "{\"op\":\"replace\",\"value\":{\"active\":true}}").get("active").asBoolean())
        .isTrue();
  }

  @Test
  void addReplaceAndRemoveWithPaths() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"After\"}",
            "{\"op\":\"add\",\"path\":\"title\",\"value\":\"Tour Guide\"}",
            "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"analyst\"}]}",
            "{\"op\":\"remove\",\"path\":\"nickName\"}");
    assertThat(user.get("displayName").asText()).isEqualTo("After");
    assertThat(user.get("title").asText()).isEqualTo("Tour Guide");
    assertThat(user.at("/roles/0/value").asText()).isEqualTo("analyst");
    assertThat(user.has("nickName")).isFalse();
    assertThat(scim.get("/Users/" + id).json()).isEqualTo(user);
  }

  @Test
  void subAttributesAndNamesInAnyCase() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"replace\",\"path\":\"Name.GivenName\",\"value\":\"Babs\"}",
            "{\"op\":\"replace\",\"path\":\"name\",\"value\":{\"MiddleName\":\"Jane\"}}");
    assertThat(user.at("/name/givenName").asText()).isEqualTo("Babs");
    assertThat(user.at("/name/middleName").asText()).isEqualTo("Jane");
    assertThat(user.at("/name/familyName").asText()).as("left alone").isEqualTo("Jensen");
    assertThat(user.get("name").has("GivenName")).isFalse();
  }

  @Test
  void valuePathsSelectValuesByFilter() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].value\",\"value\":\"new@home.example\"}");
    assertThat(email(user, "home").get("value").asText()).isEqualTo("new@home.example");
    assertThat(email(user, "work").get("value").asText()).endsWith("@work.example");
    user = patch(id, "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}");
    assertThat(user.get("emails")).hasSize(1);
    assertThat(email(user, "work")).isNotNull();
  }

  @Test
  void anAddToAFilteredValueThatMatchesNothingCreatesItAndLeavesTheOthersAlone() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"Add\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"x@other.example\"}");
    assertThat(user.get("emails")).hasSize(3);
    assertThat(email(user, "other").get("value").asText()).isEqualTo("x@other.example");
    assertThat(email(user, "work").get("primary").asBoolean()).isTrue();
  }

  @Test
  void aReplaceWhoseFilterMatchesNothingIs400NoTargetAndChangesNothing() {
    String id = newUser();
    JsonNode before = scim.get("/Users/" + id).json();
    String detail =
        scim.patch(
                "/Users/" + id,
                patchOps(
                    "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}",
                    "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"fax\\\"].value\",\"value\":\"x\"}"))
            .expectError(400, "noTarget")
            .detail();
    assertThat(detail).startsWith("Operations[1]");
    assertThat(scim.get("/Users/" + id).json()).as("all or nothing").isEqualTo(before);
  }

  @Test
  void extensionAttributesByUrnPathAndAManagerSentAsABareId() {
    String id = newUser();
    String manager = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Sales\"}",
            "{\"op\":\"Replace\",\"path\":\""
                + ENTERPRISE
                + ":manager\",\"value\":\""
                + manager
                + "\"}",
            "{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + ":costCenter\":\"4130\"}}");
    JsonNode extension = user.get(ENTERPRISE);
    assertThat(extension.get("department").asText()).isEqualTo("Sales");
    assertThat(extension.get("costCenter").asText()).isEqualTo("4130");
    assertThat(extension.at("/manager/value").asText()).isEqualTo(manager);
    assertThat(user.get("schemas").toString()).contains(ENTERPRISE);
    user =
        patch(
            id,
            "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":department\"}",
            "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager\"}",
            "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":costCenter\"}");
    assertThat(user.has(ENTERPRISE)).isFalse();
    assertThat(user.get("schemas").toString()).doesNotContain(ENTERPRISE);
    patch(
        id, "{\"op\":\"add\",\"path\":\"" + ENTERPRISE + "\",\"value\":{\"Division\":\"Parks\"}}");
    user = patch(id, "{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}");
    assertThat(user.has(ENTERPRISE)).as("a whole extension removed by its URN").isFalse();
    patch(id, "{\"op\":\"add\",\"value\":{\"" + ENTERPRISE + "\":{\"division\":\"Parks\"}}}");
    user = patch(id, "{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + "\":null}}");
    assertThat(user.has(ENTERPRISE)).as("a whole extension replaced by null").isFalse();
  }

  @Test
  void makingOneEmailPrimaryMakesTheOthersNotPrimary() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":true}");
    assertThat(email(user, "home").get("primary").asBoolean()).isTrue();
    assertThat(email(user, "work").get("primary").asBoolean()).isFalse();
    user =
        patch(
            id,
            "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"n@new.example\",\"type\":\"other\",\"primary\":true}]}");
    assertThat(user.get("emails")).filteredOn(e -> e.path("primary").asBoolean()).hasSize(1);
    assertThat(email(user, "other").get("primary").asBoolean()).isTrue();
    scim.patch(
            "/Users/" + id,
            patchOps(
                "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"a@x.example\",\"primary\":true},{\"value\":\"b@x.example\",\"primary\":true}]}"))
        .expectError(400, "invalidValue");
  }

  @Test
  void entraIdShapesAreAccepted() {
    String id = newUser();
    JsonNode user =
        patch(
            id,
            "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}",
            "{\"op\":\"Replace\",\"value\":{\"name.givenName\":\"Given2\",\"name.familyName\":\"Family2\",\"displayName\":null}}");
    assertThat(user.get("active").asBoolean()).isFalse();
    assertThat(user.at("/name/givenName").asText()).isEqualTo("Given2");
    assertThat(user.at("/name/familyName").asText()).isEqualTo("Family2");
    assertThat(user.has("displayName")).as("null means no value").isFalse();
  }

  @Test
  void readOnlyAttributesCanBeEchoedButNotChanged() {
    String id = newUser();
    patch(id, "{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Echo\"}}");
    scim.patch("/Users/" + id, patchOps("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}"))
        .expectError(400, "mutability");
    scim.patch(
            "/Users/" + id,
            patchOps(
                "{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2000-01-01T00:00:00Z\"}"))
        .expectError(400, "mutability");
    String groupId = scim.createGroup("{\"displayName\":\"" + unique("ro") + "\"}");
    scim.patch(
            "/Users/" + id,
            patchOps(
                "{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"" + groupId + "\"}]}"))
        .expectError(400, "mutability");
  }

  @Test
  void badRequestsAre400WithTheRightScimType() {
    String id = newUser();
    scim.patch(
            "/Users/" + id,
            patchOps("{\"op\":\"replace\",\"path\":\"favouriteColour\",\"value\":\"red\"}"))
        .expectError(400, "invalidPath");
    scim.patch(
            "/Users/" + id,
            patchOps("{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}"))
        .expectError(400, "invalidPath");
    scim.patch("/Users/" + id, patchOps("{\"op\":\"remove\"}")).expectError(400, "noTarget");
    scim.patch("/Users/" + id, patchOps("{\"op\":\"frob\",\"path\":\"title\",\"value\":\"x\"}"))
        .expectError(400, "invalidSyntax");
    assertThat(
            scim.patch(
                    "/Users/" + id,
                    patchOps("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}"))
                .expectError(400, "invalidValue")
                .detail())
        .contains("active");
    scim.patch("/Users/" + id, patchOps()).expectError(400, "invalidSyntax");
    scim.patch("/Users/" + id, "{\"Operations\": ").expectError(400, "invalidSyntax");
    scim.patch("/Users/" + UUID.randomUUID(), patchOps("{\"op\":\"remove\",\"path\":\"title\"}"))
        .expectError(404, null);
  }

  @Test
  void renamingToATakenUserNameIs409AndChangesNothing() {
    String taken = unique("taken");
    scim.createUser("{\"userName\":\"" + taken + "\"}");
    String id = newUser();
    JsonNode before = scim.get("/Users/" + id).json();
    scim.patch(
            "/Users/" + id,
            patchOps(
                "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}",
                "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\""
                    + taken.toUpperCase()
                    + "\"}"))
        .expectError(409, "uniqueness");
    assertThat(scim.get("/Users/" + id).json()).isEqualTo(before);
    scim.patch("/Users/" + id, patchOps("{\"op\":\"remove\",\"path\":\"userName\"}"))
        .expectError(400, "invalidValue");
  }

  @Test
  void aStaleIfMatchIs412AndTheCurrentOneApplies() {
    String id = newUser();
    String etag = scim.get("/Users/" + id).header("ETag");
    patch(id, "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"first\"}");
    String body = patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"second\"}");
    scim.send("PATCH", "/Users/" + id, body, Map.of("If-Match", etag)).expectError(412, null);
    assertThat(scim.get("/Users/" + id).json().get("title").asText()).isEqualTo("first");
    String current = scim.get("/Users/" + id).header("ETag");
    scim.send("PATCH", "/Users/" + id, body, Map.of("If-Match", current)).expectStatus(200);
  }

  @Test
  void aPatchThatChangesNothingKeepsTheVersion() {
    String id = newUser();
    String etag = scim.get("/Users/" + id).header("ETag");
    Reply reply =
        scim.patch(
                "/Users/" + id,
                patchOps("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Before\"}"))
            .expectStatus(200);
    assertThat(reply.header("ETag")).isEqualTo(etag);
  }

  @Test
  void aPasswordCanBeSetButIsNeverShown() {
    String userName = unique("pw");
    String id =
        scim.createUser("{\"userName\":\"" + userName + "\",\"password\":\"first-password-1\"}");
    Reply reply =
        scim.patch(
                "/Users/" + id,
                patchOps(
                    "{\"op\":\"replace\",\"path\":\"password\",\"value\":\"second-password-2\"}"))
            .expectStatus(200);
    assertThat(reply.body()).doesNotContain("password").doesNotContain("second-password-2");
    String sso = newUser();
    String detail =
        scim.patch(
                "/Users/" + sso,
                patchOps("{\"op\":\"replace\",\"value\":{\"password\":\"secret-3\"}}"))
            .expectError(400, "invalidValue")
            .detail();
    assertThat(detail).contains("LOCAL_NO_AUTH").doesNotContain("secret-3");
  }

  @Test
  void concurrentPatchesOfOneUserAreAllApplied() throws Exception {
    String id = newUser();
    int writers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<Integer>> patches = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String role = "role-" + i;
        patches.add(
            () ->
                scim.patch(
                        "/Users/" + id,
                        patchOps(
                            "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\""
                                + role
                                + "\"}]}"))
                    .status());
      }
      for (Future<Integer> status : pool.invokeAll(patches)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(scim.get("/Users/" + id).json().get("roles")).hasSize(writers);
  }
}
