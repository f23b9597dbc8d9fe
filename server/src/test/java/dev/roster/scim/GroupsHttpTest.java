package dev.roster.scim;

import static dev.roster.testing.Json.memberIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** /Groups and memberships over HTTP against the real server, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class GroupsHttpTest {
  private final ScimClient scim;

  GroupsHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String newUser(String displayName) {
    return scim.createUser(
        "{\"userName\":\"" + unique("member") + "\",\"displayName\":\"" + displayName + "\"}");
  }

  private static String group(String displayName, String... memberIds) {
    List<String> members = new ArrayList<>();
    for (String id : memberIds) {
      members.add("{\"value\":\"" + id + "\"}");
    }
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}"""
        .formatted(displayName, String.join(",", members));
  }

  @Test
  void createAnswers201WithMembersFullyDescribed() {
    String userId = newUser("Ann Member");
    String name = unique("Engineering");
    Reply reply = scim.post("/Groups", group(name, userId)).expectStatus(201);
    JsonNode body = reply.json();
    String id = body.get("id").asText();
    assertThat(reply.header("Location")).endsWith("/scim/v2/Groups/" + id);
    assertThat(reply.header("Content-Location")).isEqualTo(reply.header("Location"));
    assertThat(reply.header("ETag")).isEqualTo(body.at("/meta/version").asText());
    assertThat(body.at("/meta/resourceType").asText()).isEqualTo("Group");
    assertThat(body.get("displayName").asText()).isEqualTo(name);
    JsonNode member = body.at("/members/0");
    assertThat(member.get("value").asText()).isEqualTo(userId);
    assertThat(member.get("$ref").asText()).endsWith("/scim/v2/Users/" + userId);
    assertThat(member.get("display").asText()).isEqualTo("Ann Member");
    assertThat(member.get("type").asText()).isEqualTo("User");
  }

  @Test
  void aMembershipIsVisibleFromTheUserSide() {
    String userId = newUser("Bob");
    String name = unique("Analysts");
    String groupId = scim.createGroup(group(name, userId));
    JsonNode user = scim.get("/Users/" + userId).expectStatus(200).json();
    JsonNode groups = user.get("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).get("value").asText()).isEqualTo(groupId);
    assertThat(groups.get(0).get("display").asText()).isEqualTo(name);
    assertThat(groups.get(0).get("$ref").asText()).endsWith("/scim/v2/Groups/" + groupId);
    assertThat(groups.get(0).get("type").asText()).isEqualTo("direct");
    JsonNode listed =
        scim.get("/Users?filter=" + ScimClient.encode("id eq \"" + userId + "\"")).json();
    assertThat(listed.at("/Resources/0/groups/0/value").asText()).isEqualTo(groupId);
  }

  /** GET and a search show a user's groups alike: each once, ordered by displayName. */
  @Test
  void aUsersGroupsAreShownOnceEachInDisplayNameOrder() {
    String userId = newUser("Cy");
    String zeta = unique("zeta");
    String alpha = unique("Alpha");
    String beta = unique("beta");
    for (String name : List.of(zeta, alpha, beta)) {
      scim.createGroup(group(name, userId));
    }
    JsonNode groups = scim.get("/Users/" + userId).expectStatus(200).json().get("groups");
    List<String> shown = new ArrayList<>();
    groups.forEach(g -> shown.add(g.get("display").asText()));
    assertThat(shown).containsExactly(alpha, beta, zeta);
    JsonNode listed =
        scim.get("/Users?filter=" + ScimClient.encode("id eq \"" + userId + "\"")).json();
    assertThat(listed.at("/Resources/0/groups")).isEqualTo(groups);
    assertThat(scim.get("/Users/" + userId + "?excludedAttributes=groups").json().has("groups"))
        .isFalse();
  }

  @Test
  void groupsCanContainGroups() {
    String inner = scim.createGroup(group(unique("inner")));
    JsonNode outer = scim.post("/Groups", group(unique("outer"), inner)).expectStatus(201).json();
    assertThat(outer.at("/members/0/type").asText()).isEqualTo("Group");
    assertThat(outer.at("/members/0/$ref").asText()).endsWith("/scim/v2/Groups/" + inner);
  }

  @Test
  void groupsOnAUserCannotBeWrittenThroughTheUser() {
    String groupId = scim.createGroup(group(unique("readonly")));
    Reply created =
        scim.post(
                "/Users",
                """
        {"userName":"%s","groups":[{"value":"%s"}]}"""
                    .formatted(unique("sneaky"), groupId))
            .expectStatus(201);
    assertThat(created.json().has("groups")).isFalse();
    assertThat(memberIds(scim.get("/Groups/" + groupId).json())).isEmpty();
  }

  @Test
  void duplicateDisplayNameIgnoringCaseIs409Uniqueness() {
    String name = unique("Finance");
    scim.createGroup(group(name));
    scim.post("/Groups", group(name.toLowerCase())).expectError(409, "uniqueness");
  }

  @Test
  void anUnknownMemberIs400AndNothingIsCreated() {
    String name = unique("ghosts");
    String detail =
        scim.post("/Groups", group(name, UUID.randomUUID().toString()))
            .expectError(400, "invalidValue")
            .detail();
    assertThat(detail).contains("members[0].value");
    assertThat(
            scim.get("/Groups?filter=" + ScimClient.encode("displayName eq \"" + name + "\""))
                .json()
                .get("totalResults")
                .asInt())
        .isZero();
    scim.post("/Groups", group(unique("bad"), "not-an-id")).expectError(400, "invalidValue");
  }

  @Test
  void aStatedMemberTypeMustBeWhatTheIdIs() {
    String userId = newUser("Typed");
    String name = unique("typed");
    String wrong =
        """
        {"displayName":"%s","members":[{"value":"%s","type":"Group"}]}"""
            .formatted(name, userId);
    assertThat(scim.post("/Groups", wrong).expectError(400, "invalidValue").detail())
        .contains("members[0].type")
        .contains("is a User");
    String id =
        scim.createGroup(
            """
            {"displayName":"%s","members":[{"value":"%s","type":"user"}]}"""
                .formatted(name, userId));
    scim.put("/Groups/" + id, wrong).expectError(400, "invalidValue");
    assertThat(memberIds(scim.get("/Groups/" + id).json())).containsExactly(userId);
  }

  @Test
  void aMissingDisplayNameIs400() {
    assertThat(scim.post("/Groups", "{\"members\":[]}").expectError(400, "invalidValue").detail())
        .contains("displayName");
  }

  @Test
  void replaceSetsExactlyTheGivenMembersAndMovesTheVersion() {
    String ann = newUser("Ann");
    String bob = newUser("Bob");
    String carl = newUser("Carl");
    String name = unique("Team");
    Reply created = scim.post("/Groups", group(name, ann, bob)).expectStatus(201);
    String id = created.json().get("id").asText();
    Reply replaced =
        scim.put("/Groups/" + id, group(name + "-renamed", bob, carl)).expectStatus(200);
    assertThat(replaced.json().get("displayName").asText()).isEqualTo(name + "-renamed");
    assertThat(memberIds(replaced.json())).containsExactlyInAnyOrder(bob, carl);
    assertThat(replaced.header("ETag")).isNotEqualTo(created.header("ETag"));
    assertThat(memberIds(scim.get("/Groups/" + id).json())).containsExactlyInAnyOrder(bob, carl);
    assertThat(scim.get("/Users/" + ann).json().has("groups")).isFalse();
  }

  @Test
  void deletingAUserRemovesItFromItsGroupsAndMovesTheirVersion() {
    String ann = newUser("Ann");
    String bob = newUser("Bob");
    Reply created = scim.post("/Groups", group(unique("Shrinking"), ann, bob)).expectStatus(201);
    String id = created.json().get("id").asText();
    scim.delete("/Users/" + ann).expectStatus(204);
    Reply read = scim.get("/Groups/" + id).expectStatus(200);
    assertThat(memberIds(read.json())).containsExactly(bob);
    assertThat(read.header("ETag")).isNotEqualTo(created.header("ETag"));
  }

  @Test
  void deletingAGroupRemovesItsMembershipsBothWays() {
    String ann = newUser("Ann");
    String child = scim.createGroup(group(unique("child"), ann));
    String parent = scim.createGroup(group(unique("parent"), child));
    scim.delete("/Groups/" + child).expectStatus(204);
    scim.get("/Groups/" + child).expectError(404, null);
    assertThat(scim.get("/Users/" + ann).json().has("groups")).isFalse();
    assertThat(memberIds(scim.get("/Groups/" + parent).json())).isEmpty();
  }

  @Test
  void aGroupCannotContainItself() {
    String name = unique("self");
    String id = scim.createGroup(group(name));
    scim.put("/Groups/" + id, group(name, id)).expectError(400, "invalidValue");
  }

  @Test
  void listFiltersByDisplayNameIgnoringCase() {
    String name = unique("Marketing");
    String id = scim.createGroup(group(name));
    JsonNode list =
        scim.get(
                "/Groups?filter="
                    + ScimClient.encode("displayName eq \"" + name.toUpperCase() + "\""))
            .expectStatus(200)
            .json();
    assertThat(list.get("totalResults").asInt()).isEqualTo(1);
    assertThat(list.at("/Resources/0/id").asText()).isEqualTo(id);
  }

  @Test
  void unknownGroupsAre404() {
    scim.get("/Groups/" + UUID.randomUUID()).expectError(404, null);
    scim.delete("/Groups/" + UUID.randomUUID()).expectError(404, null);
    scim.put("/Groups/" + UUID.randomUUID(), group(unique("nobody"))).expectError(404, null);
  }
}
