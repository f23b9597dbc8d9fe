package dev.roster.directory;

import static dev.roster.testing.Json.memberIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.roster.config.LdapConfig;
import dev.roster.config.LdapSourceConfig;
import dev.roster.testing.Db;
import dev.roster.testing.DemoLdap;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The synchronizer end to end: an UnboundID in-memory directory over the real LDAP protocol, the
 * real server on H2 and PostgreSQL, runs triggered over /admin and checked over SCIM.
 */
@ParameterizedClass
@EnumSource(Db.class)
class DirectorySyncHttpTest {
  private static final String BASE = DemoLdap.BASE;
  private final Db db;
  private DemoLdap ldap;
  private InMemoryDirectoryServer directory;
  private TestServer server;
  private ScimClient scim;
  private ScimClient admin;

  DirectorySyncHttpTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    ldap = DemoLdap.start();
    directory = ldap.server();
    server = TestServer.start(db, c -> c.withLdap(new LdapConfig(List.of(source(2, 10)))));
    scim = server.client();
    admin = new ScimClient(server.baseUrl() + "/admin", TestServer.BOOTSTRAP_TOKEN);
    awaitStartupRun();
  }

  @AfterEach
  void stop() {
    server.close();
    ldap.close();
  }

  private LdapSourceConfig source(int maxDeletes, int maxDeletePercent) {
    return source(maxDeletes, maxDeletePercent, "disable");
  }

  private LdapSourceConfig source(int maxDeletes, int maxDeletePercent, String deletion) {
    return ldap.source(
        new LdapSourceConfig.Policy(deletion, maxDeletes, maxDeletePercent, "skip", 3600, 3600),
        "DATA_SCIENTIST");
  }

  private void awaitStartupRun() throws InterruptedException {
    DemoLdap.awaitStartupRun(admin);
  }

  private JsonNode run(String mode) {
    return admin.post("/sync/demo/run?mode=" + mode, null).expectStatus(200).json();
  }

  private JsonNode user(String userName) {
    JsonNode list =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"" + userName + "\"")).json();
    return list.get("totalResults").asInt() == 0 ? null : list.get("Resources").get(0);
  }

  private JsonNode group(String name) {
    JsonNode list =
        scim.get("/Groups?filter=" + ScimClient.encode("displayName eq \"" + name + "\"")).json();
    return list.get("totalResults").asInt() == 0 ? null : list.get("Resources").get(0);
  }

  private static List<String> memberNames(JsonNode group) {
    List<String> names = new ArrayList<>();
    group.path("members").forEach(m -> names.add(m.get("display").asText()));
    return names;
  }

  /** Removes {@code member} from {@code group} with the filter Okta and Entra ID send. */
  private Reply removeMember(String group, String member) {
    return scim.patch(
        "/Groups/" + group,
        ScimClient.patchOps(
            "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + member + "\\\"]\"}"));
  }

  private Reply addMember(String group, String member) {
    return scim.patch(
        "/Groups/" + group,
        ScimClient.patchOps(
            "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"));
  }

  @Test
  void aDirectoryMembershipIsNotRemovedOverScimAndNeitherIsAnythingElseInThatPatch() {
    String engineering = group("engineering").get("id").asText();
    String ada = user("ada").get("id").asText();
    String local = scim.createUser("{\"userName\":\"local-member\"}");
    addMember(engineering, local).expectStatus(204);
    Reply before = scim.get("/Groups/" + engineering).expectStatus(200);

    Reply refused =
        scim.patch(
            "/Groups/" + engineering,
            ScimClient.patchOps(
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + local + "\\\"]\"}",
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ada + "\\\"]\"}"));

    refused.expectStatus(400);
    assertThat(refused.json().get("detail").asText())
        .contains(ada)
        .contains("comes from the directory (LDAP:demo)")
        .contains("remove it in the directory");
    Reply after = scim.get("/Groups/" + engineering).expectStatus(200);
    assertThat(memberIds(after.json())).contains(ada, local).hasSize(5);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
  }

  @Test
  void aMemberAddedByHandAsWellAsByTheDirectoryIsStillTheDirectorys() {
    String engineering = group("engineering").get("id").asText();
    String ada = user("ada").get("id").asText();
    addMember(engineering, ada).expectStatus(204);

    removeMember(engineering, ada).expectStatus(400);

    assertThat(memberIds(scim.get("/Groups/" + engineering).expectStatus(200).json()))
        .contains(ada);
    // Held by two origins, the group is still one of ada's groups, once, on GET and in a search.
    JsonNode got = scim.get("/Users/" + ada).expectStatus(200).json();
    List<String> groupIds = new ArrayList<>();
    got.get("groups").forEach(g -> groupIds.add(g.get("value").asText()));
    assertThat(groupIds).containsOnlyOnce(engineering).doesNotHaveDuplicates();
    JsonNode found = scim.get("/Users?filter=" + ScimClient.encode("userName eq \"ada\"")).json();
    assertThat(found.at("/Resources/0/groups")).isEqualTo(got.get("groups"));
  }

  @Test
  void aManualMemberOfADirectoryGroupIsRemovedOverScim() {
    String engineering = group("engineering").get("id").asText();
    String local = scim.createUser("{\"userName\":\"local-only\"}");
    addMember(engineering, local).expectStatus(204);

    removeMember(engineering, local).expectStatus(204);

    assertThat(memberIds(scim.get("/Groups/" + engineering).expectStatus(200).json()))
        .doesNotContain(local)
        .hasSize(4);
  }

  @Test
  void theStartupRunBringsUsersGroupsAndNestedMembershipsIn() {
    JsonNode runs = admin.get("/sync/runs").json();
    JsonNode first = runs.get("runs").get(0);
    assertThat(first.get("status").asText()).isEqualTo("succeeded");
    assertThat(first.at("/counts/usersCreated").asInt()).isEqualTo(12);
    JsonNode ada = user("ada");
    assertThat(ada.at("/name/givenName").asText()).isEqualTo("Ada");
    assertThat(ada.at("/emails/0/value").asText()).isEqualTo("ada@demo.roster.dev");
    assertThat(ada.get("active").asBoolean()).isTrue();
    assertThat(user("charles").get("active").asBoolean()).as("employeeType: disabled").isFalse();
    assertThat(memberNames(group("engineering")))
        .containsExactlyInAnyOrder(
            "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra");
    assertThat(memberNames(group("staff"))).as("nested: every team member").hasSize(11);
    assertThat(scim.get("/Users/" + ada.get("id").asText()).json().get("groups")).hasSize(2);
  }

  @Test
  void newDirectoryUsersGetTheSourcesDefaultProfile() throws Exception {
    var config = server.config();
    try (var connection =
            java.sql.DriverManager.getConnection(
                config.jdbcUrl(), config.db().user(), config.db().password());
        var rows =
            connection
                .createStatement()
                .executeQuery("select profile from user_account where user_name = 'ada'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("DATA_SCIENTIST");
    }
  }

  @Test
  void aSecondRunWithNothingChangedChangesNothing() {
    JsonNode run = run("full");
    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    run.get("counts").forEach(count -> assertThat(count.asInt()).isZero());
  }

  @Test
  void aRenamedEntryUpdatesTheSameUser() throws Exception {
    String id = user("ada").get("id").asText();
    directory.modifyDN("uid=ada,ou=people," + BASE, "uid=ada.lovelace", true);
    directory.modify(
        "uid=ada.lovelace,ou=people," + BASE,
        new Modification(ModificationType.REPLACE, "displayName", "Countess Lovelace"));
    assertThat(run("full").at("/counts/usersUpdated").asInt()).isEqualTo(1);
    JsonNode renamed = user("ada.lovelace");
    assertThat(renamed.get("id").asText()).isEqualTo(id);
    assertThat(renamed.get("displayName").asText()).isEqualTo("Countess Lovelace");
    assertThat(user("ada")).isNull();
  }

  @Test
  void anIncrementalRunPicksUpOneModifiedEntryAndLeavesDeletesToTheFullRun() throws Exception {
    directory.modify(
        "uid=barbara,ou=people," + BASE,
        new Modification(ModificationType.REPLACE, "sn", "Liskov-Wing"));
    directory.delete("uid=donald,ou=people," + BASE);
    JsonNode incremental = run("incremental");
    assertThat(incremental.get("status").asText()).isEqualTo("succeeded");
    assertThat(incremental.at("/counts/usersUpdated").asInt()).isEqualTo(1);
    assertThat(incremental.at("/counts/usersDisabled").asInt())
        .as("timestamps show no deletes")
        .isZero();
    assertThat(user("barbara").at("/name/familyName").asText()).isEqualTo("Liskov-Wing");
    assertThat(user("donald").get("active").asBoolean()).isTrue();
    JsonNode full = run("full");
    assertThat(full.at("/counts/usersDisabled").asInt()).isEqualTo(1);
    assertThat(full.at("/counts/usersUpdated").asInt()).as("incremental + full = full").isZero();
    assertThat(user("donald").get("active").asBoolean()).isFalse();
  }

  @Test
  void aDirectoryGroupWhoseNameALocalGroupHasIsAConflictAndTheRestIsApplied() throws Exception {
    scim.createGroup("{\"displayName\":\"NewTeam\"}");
    directory.add(
        "dn: cn=newteam,ou=groups," + BASE,
        "objectClass: groupOfNames",
        "cn: newteam",
        "member: uid=ada,ou=people," + BASE);
    directory.modify(
        "uid=ken,ou=people," + BASE,
        new Modification(ModificationType.REPLACE, "sn", "Thompson-Ritchie"));
    JsonNode run = run("full");
    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.at("/counts/conflicts").asInt()).isEqualTo(1);
    assertThat(user("ken").at("/name/familyName").asText()).isEqualTo("Thompson-Ritchie");
    assertThat(group("NewTeam").has("members")).as("the local group is left alone").isFalse();
  }

  @Test
  void underTheDeletePolicyAnEntryDeletedAndCreatedAgainIsANewUser() throws Exception {
    server.close();
    server =
        TestServer.start(db, c -> c.withLdap(new LdapConfig(List.of(source(10, 100, "delete")))));
    scim = server.client();
    admin = new ScimClient(server.baseUrl() + "/admin", TestServer.BOOTSTRAP_TOKEN);
    awaitStartupRun();
    String before = user("alan").get("id").asText();
    var entry = directory.getEntry("uid=alan,ou=people," + BASE).duplicate();
    directory.delete("uid=alan,ou=people," + BASE);
    entry.removeAttribute("entryUUID");
    directory.add(entry);
    JsonNode run = run("full");
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(run.at("/counts/usersDeleted").asInt()).isEqualTo(1);
    assertThat(run.at("/counts/usersCreated").asInt()).isEqualTo(1);
    assertThat(user("alan").get("id").asText()).isNotEqualTo(before);
  }

  @Test
  void badAdminQueryValuesAre400() {
    admin.get("/sync/runs?startIndex=x").expectError(400, "invalidValue");
  }

  @Test
  void aManualMembershipSurvivesEveryRun() {
    String ada = user("ada").get("id").asText();
    String research = group("research").get("id").asText();
    JsonNode current = scim.get("/Groups/" + research).json();
    List<String> members = new ArrayList<>();
    current
        .path("members")
        .forEach(m -> members.add("{\"value\":\"" + m.get("value").asText() + "\"}"));
    members.add("{\"value\":\"" + ada + "\"}");
    scim.put(
            "/Groups/" + research,
            "{\"displayName\":\"research\",\"members\":[" + String.join(",", members) + "]}")
        .expectStatus(200);
    run("full");
    assertThat(memberNames(scim.get("/Groups/" + research).json())).contains("Ada Lovelace");
  }

  @Test
  void anEntryThatLeavesIsDisabledAndEnabledAgainWhenItReturns() throws Exception {
    // Moved out of the synced subtree and back: the same entry (same entryUUID) returns.
    directory.add("dn: ou=former," + BASE, "objectClass: organizationalUnit", "ou: former");
    directory.modifyDN("uid=alan,ou=people," + BASE, "uid=alan", true, "ou=former," + BASE);
    assertThat(run("full").at("/counts/usersDisabled").asInt()).isEqualTo(1);
    assertThat(user("alan").get("active").asBoolean()).isFalse();
    directory.modifyDN("uid=alan,ou=former," + BASE, "uid=alan", true, "ou=people," + BASE);
    assertThat(run("full").at("/counts/usersEnabled").asInt()).isEqualTo(1);
    assertThat(user("alan").get("active").asBoolean()).isTrue();
  }

  @Test
  void aRecreatedEntryWhoseNameIsHeldIsReportedAsAConflict() throws Exception {
    var entry = directory.getEntry("uid=alan,ou=people," + BASE).duplicate();
    directory.delete("uid=alan,ou=people," + BASE);
    run("full");
    // Deleted and created again: the same uid, a new entryUUID.
    entry.removeAttribute("entryUUID");
    directory.add(entry);
    JsonNode run = run("full");
    assertThat(run.at("/counts/conflicts").asInt()).isEqualTo(1);
    assertThat(user("alan").get("active").asBoolean()).as("the old user is left alone").isFalse();
  }

  @Test
  void anAdministratorsDisableIsNeverUndone() {
    JsonNode grace = user("grace");
    scim.put("/Users/" + grace.get("id").asText(), "{\"userName\":\"grace\",\"active\":false}")
        .expectStatus(200);
    run("full");
    assertThat(user("grace").get("active").asBoolean()).isFalse();
  }

  @Test
  void aDryRunPlansButChangesNothing() throws Exception {
    directory.delete("uid=ken,ou=people," + BASE);
    JsonNode run = run("dry-run");
    assertThat(run.get("status").asText()).isEqualTo("planned");
    assertThat(run.at("/counts/usersDisabled").asInt()).isEqualTo(1);
    assertThat(user("ken").get("active").asBoolean()).isTrue();
    JsonNode detail = admin.get("/sync/runs/" + run.get("id").asText()).json();
    assertThat(detail.get("plan").toString()).contains("user disable ken");
  }

  @Test
  void tooManyDeletesBlockTheRunAndAnApprovalAppliesExactlyThatPlan() throws Exception {
    for (String uid : List.of("ada", "alan", "grace")) {
      directory.delete("uid=" + uid + ",ou=people," + BASE);
    }
    JsonNode blocked = run("full");
    assertThat(blocked.get("status").asText()).isEqualTo("blocked_by_safety_limit");
    assertThat(blocked.get("reasons").toString()).contains("users");
    assertThat(user("ada").get("active").asBoolean()).as("nothing applied").isTrue();
    JsonNode approved =
        admin
            .post("/sync/runs/" + blocked.get("id").asText() + "/approve", null)
            .expectStatus(200)
            .json();
    assertThat(approved.get("status").asText()).isEqualTo("succeeded");
    assertThat(user("ada").get("active").asBoolean()).isFalse();
  }

  @Test
  void anApprovalIsRefusedWhenTheDirectoryChangedSince() throws Exception {
    for (String uid : List.of("ada", "alan", "grace")) {
      directory.delete("uid=" + uid + ",ou=people," + BASE);
    }
    JsonNode blocked = run("full");
    directory.delete("uid=edsger,ou=people," + BASE);
    JsonNode refused =
        admin.post("/sync/runs/" + blocked.get("id").asText() + "/approve", null).json();
    assertThat(refused.get("status").asText()).isEqualTo("failed");
    assertThat(refused.get("error").asText()).contains("changed");
    assertThat(user("ada").get("active").asBoolean()).isTrue();
  }

  @Test
  void anEmptyScopeIsBlockedNotApplied() throws Exception {
    for (var entry :
        directory
            .search("ou=people," + BASE, com.unboundid.ldap.sdk.SearchScope.ONE, "(uid=*)")
            .getSearchEntries()) {
      directory.delete(entry.getDN());
    }
    JsonNode run = run("full");
    assertThat(run.get("status").asText()).isEqualTo("blocked_by_safety_limit");
    assertThat(user("ada").get("active").asBoolean()).isTrue();
  }

  @Test
  void anUnreachableDirectoryFailsTheRunAndChangesNothing() {
    directory.shutDown(true);
    JsonNode run = run("full");
    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("error").asText()).isNotBlank();
    assertThat(user("ada").get("active").asBoolean()).isTrue();
    assertThat(memberNames(group("engineering"))).hasSize(4);
  }

  @Test
  void twoConcurrentTriggersRunOnce() {
    CompletableFuture<Reply> a =
        CompletableFuture.supplyAsync(() -> admin.post("/sync/demo/run?mode=full", null));
    CompletableFuture<Reply> b =
        CompletableFuture.supplyAsync(() -> admin.post("/sync/demo/run?mode=full", null));
    List<Integer> statuses = List.of(a.join().status(), b.join().status());
    assertThat(statuses).contains(200).allMatch(s -> s == 200 || s == 409);
    // Whatever ran, no two runs of the source overlapped in time.
    JsonNode runs = admin.get("/sync/runs").json().get("runs");
    for (int i = 0; i + 1 < runs.size(); i++) {
      java.time.Instant laterStart = java.time.Instant.parse(runs.get(i).get("started").asText());
      java.time.Instant earlierEnd =
          java.time.Instant.parse(runs.get(i + 1).get("finished").asText());
      assertThat(earlierEnd).isBeforeOrEqualTo(laterStart);
    }
  }

  @Test
  void theAdminApiNeedsAnAdminTokenAndNamesUnknownSources() {
    new ScimClient(server.baseUrl() + "/admin", null).get("/sync/runs").expectError(401, null);
    admin.post("/sync/nosuch/run", null).expectError(404, null);
    admin.post("/sync/demo/run?mode=sideways", null).expectError(400, "invalidValue");
  }
}
