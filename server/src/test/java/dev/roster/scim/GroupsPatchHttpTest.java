package dev.roster.scim;

import static dev.roster.testing.Json.memberIds;
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

/** PATCH /Groups/{id}: attributes and members, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class GroupsPatchHttpTest {
  private final ScimClient scim;

  GroupsPatchHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String newUser() {
    return scim.createUser("{\"userName\":\"" + unique("member") + "\"}");
  }

  private String newGroup(String... members) {
    List<String> values = new ArrayList<>();
    for (String id : members) {
      values.add("{\"value\":\"" + id + "\"}");
    }
    return scim.createGroup(
        "{\"displayName\":\""
            + unique("team")
            + "\",\"members\":["
            + String.join(",", values)
            + "]}");
  }

  private static String values(String... ids) {
    List<String> values = new ArrayList<>();
    for (String id : ids) {
      values.add("{\"value\":\"" + id + "\"}");
    }
    return "[" + String.join(",", values) + "]";
  }

  /** A PATCH that asks for the group back, so that the answer shows what it did. */
  private Reply patch(String groupId, String... operations) {
    return scim.patch(
        "/Groups/" + groupId + "?attributes=displayName,externalId,members", patchOps(operations));
  }

  @Test
  void aPatchThatAsksForNoAttributesIsAnswered204WithTheNewETag() {
    String ann = newUser();
    String group = newGroup();
    Reply answer =
        scim.patch(
                "/Groups/" + group,
                patchOps("{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(ann) + "}"))
            .expectStatus(204);

    Reply read = scim.get("/Groups/" + group).expectStatus(200);
    assertThat(answer.body()).isEmpty();
    assertThat(answer.header("ETag")).isEqualTo(read.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(answer.header("Content-Location")).endsWith("/Groups/" + group);
    assertThat(memberIds(read.json())).containsExactly(ann);
  }

  @Test
  void aMembersPatchAnsweredWithoutMembersWhenTheyAreExcluded() {
    String ann = newUser();
    String group = newGroup(ann);
    JsonNode answer =
        scim.patch(
                "/Groups/" + group + "?excludedAttributes=members",
                patchOps(
                    "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(newUser()) + "}"))
            .expectStatus(200)
            .json();
    assertThat(answer.has("members")).isFalse();
    assertThat(answer.get("displayName").asText()).startsWith("team-");
    assertThat(memberIds(scim.get("/Groups/" + group).expectStatus(200).json())).hasSize(2);
  }

  @Test
  void addAndRemoveMembers() {
    String ann = newUser();
    String bob = newUser();
    String carl = newUser();
    String group = newGroup(ann);
    JsonNode added =
        patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(bob, carl) + "}")
            .expectStatus(200)
            .json();
    assertThat(memberIds(added)).containsExactlyInAnyOrder(ann, bob, carl);
    JsonNode removed =
        patch(group, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann + "\\\"]\"}")
            .expectStatus(200)
            .json();
    assertThat(memberIds(removed)).containsExactlyInAnyOrder(bob, carl);
    assertThat(scim.get("/Users/" + bob).json().at("/groups/0/value").asText()).isEqualTo(group);
  }

  @Test
  void aNestedGroupIsAddedAndRemovedLikeAUser() {
    String ann = newUser();
    String inner = newGroup(ann);
    String outer = newGroup(ann);
    patch(outer, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(inner) + "}")
        .expectStatus(200);
    Reply added = scim.get("/Groups/" + outer).expectStatus(200);
    assertThat(memberIds(added.json())).containsExactlyInAnyOrder(ann, inner);

    JsonNode removed =
        patch(outer, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + inner + "\\\"]\"}")
            .expectStatus(200)
            .json();

    assertThat(memberIds(removed)).containsExactly(ann);
    Reply read = scim.get("/Groups/" + outer).expectStatus(200);
    assertThat(read.header("ETag")).isNotEqualTo(added.header("ETag"));
    assertThat(memberIds(scim.get("/Groups/" + inner).json())).containsExactly(ann);
  }

  @Test
  void addingAMemberTwiceOrRemovingANonMemberChangesNothing() {
    String ann = newUser();
    String stranger = newUser();
    String group = newGroup(ann);
    String etag = scim.get("/Groups/" + group).header("ETag");
    Reply again =
        patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(ann) + "}")
            .expectStatus(200);
    assertThat(again.header("ETag")).isEqualTo(etag);
    Reply missing =
        patch(group, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + stranger + "\\\"]\"}")
            .expectStatus(200);
    assertThat(missing.header("ETag")).isEqualTo(etag);
    assertThat(memberIds(missing.json())).containsExactly(ann);
  }

  @Test
  void entraIdRemovesMembersByListingThemAndSendsBareIds() {
    String ann = newUser();
    String bob = newUser();
    String carl = newUser();
    String group = newGroup(ann, bob);
    JsonNode after =
        patch(
                group,
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + ann
                    + "\"},{\"value\":\""
                    + bob
                    + "\"}]}",
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":\"" + carl + "\"}")
            .expectStatus(200)
            .json();
    assertThat(memberIds(after)).containsExactly(carl);
    JsonNode withRef =
        patch(
                group,
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\""
                    + ann
                    + "\"}]}")
            .expectStatus(200)
            .json();
    assertThat(memberIds(withRef)).containsExactlyInAnyOrder(ann, carl);
  }

  @Test
  void removeWithoutAFilterRemovesAllAndReplaceSetsExactly() {
    String ann = newUser();
    String bob = newUser();
    String carl = newUser();
    String group = newGroup(ann, bob);
    JsonNode replaced =
        patch(
                group,
                "{\"op\":\"replace\",\"path\":\"members\",\"value\":" + values(bob, carl) + "}")
            .expectStatus(200)
            .json();
    assertThat(memberIds(replaced)).containsExactlyInAnyOrder(bob, carl);
    JsonNode emptied =
        patch(group, "{\"op\":\"remove\",\"path\":\"members\"}").expectStatus(200).json();
    assertThat(emptied.has("members")).isFalse();
  }

  @Test
  void oktaRenamesWithAPathlessReplaceEchoingTheId() {
    String group = newGroup(newUser());
    String name = unique("Renamed");
    JsonNode renamed =
        patch(
                group,
                "{\"op\":\"replace\",\"value\":{\"id\":\""
                    + group
                    + "\",\"displayName\":\""
                    + name
                    + "\"}}")
            .expectStatus(200)
            .json();
    assertThat(renamed.get("displayName").asText()).isEqualTo(name);
    assertThat(renamed.get("members")).hasSize(1);
  }

  @Test
  void aFailedOperationLeavesTheGroupAsItWas() {
    String ann = newUser();
    String group = newGroup(ann);
    JsonNode before = scim.get("/Groups/" + group).json();
    String detail =
        patch(
                group,
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + unique("x") + "\"}",
                "{\"op\":\"remove\",\"path\":\"members\"}",
                "{\"op\":\"add\",\"path\":\"members\",\"value\":"
                    + values(UUID.randomUUID().toString())
                    + "}")
            .expectError(400, "invalidValue")
            .detail();
    assertThat(detail).contains("no user or group with id");
    assertThat(scim.get("/Groups/" + group).json()).isEqualTo(before);
    patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"not-an-id\"}]}")
        .expectError(400, "invalidValue");
    patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(group) + "}")
        .expectError(400, "invalidValue");
    patch(
            group,
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + ann
                + "\",\"type\":\"Group\"}]}")
        .expectError(400, "invalidValue");
  }

  @Test
  void membersAreChangedWholeNeverInPlace() {
    String ann = newUser();
    String group = newGroup(ann);
    patch(
            group,
            "{\"op\":\"replace\",\"path\":\"members[value eq \\\""
                + ann
                + "\\\"].value\",\"value\":\""
                + newUser()
                + "\"}")
        .expectError(400, "mutability");
    patch(group, "{\"op\":\"replace\",\"path\":\"members.display\",\"value\":\"x\"}")
        .expectError(400, "mutability");
    patch(group, "{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}")
        .expectError(400, "invalidFilter");
    assertThat(memberIds(scim.get("/Groups/" + group).json())).containsExactly(ann);
  }

  @Test
  void aRenameToATakenNameIs409AndChangesNothing() {
    String taken = unique("Taken");
    scim.createGroup("{\"displayName\":\"" + taken + "\"}");
    String ann = newUser();
    String group = newGroup();
    patch(
            group,
            "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(ann) + "}",
            "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\""
                + taken.toUpperCase()
                + "\"}")
        .expectError(409, "uniqueness");
    assertThat(scim.get("/Groups/" + group).json().has("members")).isFalse();
  }

  @Test
  void aStaleIfMatchIs412() {
    String group = newGroup();
    String etag = scim.get("/Groups/" + group).header("ETag");
    patch(group, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(newUser()) + "}")
        .expectStatus(200);
    scim.send(
            "PATCH",
            "/Groups/" + group,
            patchOps("{\"op\":\"remove\",\"path\":\"members\"}"),
            Map.of("If-Match", etag))
        .expectError(412, null);
    assertThat(scim.get("/Groups/" + group).json().get("members")).hasSize(1);
  }

  @Test
  void fiftyConcurrentMembershipPatchesAreAllApplied() throws Exception {
    String group = newGroup();
    int writers = 50;
    List<String> users = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      users.add(newUser());
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<Reply>> patches = new ArrayList<>();
      for (String user : users) {
        patches.add(
            () ->
                patch(
                    group, "{\"op\":\"add\",\"path\":\"members\",\"value\":" + values(user) + "}"));
      }
      for (Future<Reply> reply : pool.invokeAll(patches)) {
        reply.get().expectStatus(200);
      }
    } finally {
      pool.shutdown();
    }
    Reply read = scim.get("/Groups/" + group).expectStatus(200);
    assertThat(memberIds(read.json())).containsExactlyInAnyOrderElementsOf(users);
    assertThat(read.json().at("/meta/version").asText()).isEqualTo("W/\"" + writers + "\"");
  }

  @Test
  void unknownGroupsAre404() {
    patch(UUID.randomUUID().toString(), "{\"op\":\"remove\",\"path\":\"members\"}")
        .expectError(404, null);
    patch("not-a-uuid", "{\"op\":\"remove\",\"path\":\"members\"}").expectError(404, null);
  }
}
