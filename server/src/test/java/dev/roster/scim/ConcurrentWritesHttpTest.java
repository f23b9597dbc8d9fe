package dev.roster.scim;

import static dev.roster.testing.ScimClient.patchOps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import dev.roster.testing.Together;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writers racing each other: an update is never lost, a race is never a 500, and a duplicate is one
 * 201 and 409s (the database's unique index decides), on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class ConcurrentWritesHttpTest {
  private final ScimClient scim;

  ConcurrentWritesHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void simultaneousCreatesOfOneGroupNameGiveOne201AndOnly409s() throws Exception {
    String name = unique("race");
    List<Callable<Integer>> creates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      creates.add(() -> scim.post("/Groups", "{\"displayName\":\"" + name + "\"}").status());
    }
    List<Integer> statuses = Together.run(creates);
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
  }

  @Test
  void simultaneousReplacesOfOneUserAllApplyOneAfterTheOther() throws Exception {
    String userName = unique("put");
    String id = scim.createUser("{\"userName\":\"" + userName + "\"}");
    List<Callable<Integer>> puts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String title = "title-" + i;
      puts.add(
          () ->
              scim.put(
                      "/Users/" + id,
                      "{\"userName\":\"" + userName + "\",\"title\":\"" + title + "\"}")
                  .status());
    }
    assertThat(Together.run(puts)).containsOnly(200);
    assertThat(scim.get("/Users/" + id).header("ETag")).isEqualTo("W/\"10\"");
  }

  @Test
  void membersAndTheirOwnWritesDoNotBlockEachOtherForever() throws Exception {
    String group = scim.createGroup("{\"displayName\":\"" + unique("busy") + "\"}");
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      users.add(scim.createUser("{\"userName\":\"" + unique("busy-member") + "\"}"));
    }
    List<Callable<Integer>> writes = new ArrayList<>();
    for (String user : users) {
      writes.add(
          () ->
              scim.patch(
                      "/Groups/" + group,
                      patchOps(
                          "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                              + user
                              + "\"}]}"))
                  .status());
      writes.add(
          () ->
              scim.patch(
                      "/Users/" + user,
                      patchOps("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"busy\"}"))
                  .status());
    }
    // A group PATCH answers 204, a user PATCH 200 with the user.
    assertThat(Together.run(writes)).allMatch(status -> status == 200 || status == 204);
    assertThat(scim.get("/Groups/" + group).json().get("members")).hasSize(10);
  }

  @Test
  void twoGroupsAddingEachOtherAtOnceNeverAnswer500() throws Exception {
    for (int round = 0; round < 3; round++) {
      String first = scim.createGroup("{\"displayName\":\"" + unique("a") + "\"}");
      String second = scim.createGroup("{\"displayName\":\"" + unique("b") + "\"}");
      List<Callable<Integer>> adds = new ArrayList<>();
      adds.add(() -> addMember(first, second).status());
      adds.add(() -> addMember(second, first).status());
      List<Integer> statuses = Together.run(adds);
      // Locking each other's rows can deadlock; the database breaks it and the loser gets a 409.
      assertThat(statuses).containsAnyOf(204).allMatch(s -> s == 204 || s == 409);
    }
  }

  private Reply addMember(String group, String member) {
    return scim.patch(
        "/Groups/" + group,
        patchOps(
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"));
  }
}
