package dev.roster.scim;

import static dev.roster.scim.RosterExtensionHttpTest.EXT;
import static dev.roster.scim.RosterExtensionHttpTest.GEXT;
import static dev.roster.scim.RosterExtensionHttpTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed documents' examples (shared/seeds) walked through Roster over HTTP: Dataiku DSS users
 * and groups, DataSentinel roles, WAII per-user config, and the last administrator. Runs on a
 * server of its own, so the administrators it makes are the tenant's only ones.
 */
@ParameterizedClass
@EnumSource(Db.class)
class SeedWalkHttpTest {
  private static TestServer server;
  private final ScimClient scim;

  /** The server of {@code db}, started for this class ({@link #start}). */
  SeedWalkHttpTest(Db db) {
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

  private static String ops(String... operations) {
    return ScimClient.patchOps(operations);
  }

  private static String body(String userName, String extra, String ext) {
    return "{\"userName\":\"%s\"%s,\"%s\":%s}".formatted(userName, extra, EXT, ext);
  }

  /** DSS create_user: a local user with a password, an LDAP one and an SSO one, with a profile. */
  @Test
  void dssCreatesLocalLdapAndSsoUsersWithGroupsAndProfile() {
    String group = scim.createGroup("{\"displayName\":\"%s\"}".formatted(unique("all_powerful")));
    JsonNode local =
        scim.post(
                "/Users",
                body(
                    unique("test_login"),
                    ",\"password\":\"test_password\",\"displayName\":\"a test user\"",
                    "{}"))
            .expectStatus(201)
            .json();
    JsonNode ldap =
        scim.post(
                "/Users",
                body(
                    unique("test_ldap"),
                    ",\"displayName\":\"a test user\"",
                    "{\"source\":\"LDAP\",\"profile\":\"DESIGNER\"}"))
            .expectStatus(201)
            .json();
    JsonNode sso =
        scim.post(
                "/Users",
                body(
                    unique("test_sso"),
                    ",\"displayName\":\"a test user\"",
                    "{\"source\":\"LOCAL_NO_AUTH\",\"profile\":\"DESIGNER\"}"))
            .expectStatus(201)
            .json();
    assertThat(local.get(EXT).get("source").asText()).isEqualTo("LOCAL");
    assertThat(ldap.get(EXT).get("source").asText()).isEqualTo("LDAP");
    assertThat(ldap.get(EXT).get("profile").asText()).isEqualTo("DESIGNER");
    assertThat(sso.get(EXT).get("source").asText()).isEqualTo("LOCAL_NO_AUTH");
    for (JsonNode user : List.of(local, ldap, sso)) {
      scim.patch(
              "/Groups/" + group,
              ops(
                  "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}"
                      .formatted(user.get("id").asText())))
          .expectStatus(204);
    }
    JsonNode listed =
        scim.get(
                "/Users?filter="
                    + ScimClient.encode("groups.value eq \"" + group + "\"")
                    + "&attributes="
                    + ScimClient.encode("userName,groups," + EXT + ":source," + EXT + ":profile"))
            .json();
    assertThat(listed.get("totalResults").asInt()).isEqualTo(3);
  }

  /** DSS settings: preferences, user and admin properties, a secret, credentials, list them. */
  @Test
  void dssSetsPreferencesPropertiesSecretsAndCredentialsAndListsCredentials() {
    String id = scim.createUser(body(unique("settings"), "", "{}"));
    Reply reply =
        scim.patch(
            "/Users/" + id,
            ops(
                """
                {"op":"add","path":"%1$s:preferences","value":[
                  {"key":"uiLanguage","value":"ja"},{"key":"dailyDigestEmails","value":"true"}]}"""
                    .formatted(EXT),
                """
                {"op":"add","path":"%1$s:userProperties","value":[{"key":"myprop","value":"myvalue"}]}"""
                    .formatted(EXT),
                """
                {"op":"add","path":"%1$s:adminProperties","value":[
                  {"key":"myadminprop","value":"myadminvalue"}]}"""
                    .formatted(EXT),
                """
                {"op":"add","path":"%1$s:secrets","value":[{"name":"secretname","value":"secretvalue"}]}"""
                    .formatted(EXT),
                """
                {"op":"add","path":"%1$s:credentials","value":[
                  {"name":"myconnection","kind":"connection","type":"BASIC","user":"username",
                   "password":"password-1"},
                  {"name":"myplugin/my_paramset_id/mypreset_id/param_name","kind":"pluginPreset",
                   "type":"BASIC","user":"username","password":"password-2"}]}"""
                    .formatted(EXT)));
    reply.expectStatus(200);
    assertThat(reply.body()).doesNotContain("secretvalue").doesNotContain("password-1");
    JsonNode ext = reply.json().get(EXT);
    assertThat(ext.at("/preferences/0/value").asText()).isEqualTo("ja");
    assertThat(ext.at("/userProperties/0/key").asText()).isEqualTo("myprop");
    assertThat(ext.at("/adminProperties/0/value").asText()).isEqualTo("myadminvalue");
    assertThat(ext.at("/secrets/0/name").asText()).isEqualTo("secretname");
    // Changing a preference by key: add replaces the element with that key.
    scim.patch(
            "/Users/" + id,
            ops(
                "{\"op\":\"add\",\"path\":\"%s:preferences\",\"value\":[{\"key\":\"uiLanguage\",\"value\":\"en\"}]}"
                    .formatted(EXT)))
        .expectStatus(200);
    // "Retrieve per-user-credential for all the users": credentials of every user, no passwords.
    Reply all =
        scim.get(
            "/Users?filter="
                + ScimClient.encode(EXT + ":credentials pr")
                + "&attributes="
                + ScimClient.encode("userName," + EXT + ":credentials"));
    all.expectStatus(200);
    assertThat(all.body()).doesNotContain("password-1").doesNotContain("password-2");
    List<String> lines = new ArrayList<>();
    for (JsonNode user : all.json().get("Resources")) {
      for (JsonNode cred : user.get(EXT).get("credentials")) {
        lines.add(
            user.get("userName").asText()
                + " "
                + cred.get("name").asText()
                + " "
                + cred.get("type").asText()
                + " "
                + cred.get("user").asText()
                + " "
                + !cred.path("lastUpdate").asText().isEmpty());
      }
    }
    assertThat(lines).anyMatch(l -> l.endsWith("myconnection BASIC username true"));
    JsonNode prefs = scim.get("/Users/" + id).json().get(EXT).get("preferences");
    assertThat(prefs.toString()).contains("\"en\"").doesNotContain("\"ja\"");
  }

  /** DSS groups: admin flag, description, ldapGroupNames, set by a replace of the definition. */
  @Test
  void dssGroupDefinitionCarriesAdminAndLdapGroupNames() {
    String name = unique("test_group");
    String id =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"%s\":{\"description\":\"test group\"}}"
                .formatted(name, GEXT));
    JsonNode replaced =
        scim.put(
                "/Groups/" + id,
                "{\"displayName\":\"%s\",\"%s\":{\"description\":\"test group\",\"admin\":true,\"ldapGroupNames\":[\"group1\",\"group2\"]}}"
                    .formatted(name, GEXT))
            .expectStatus(200)
            .json();
    assertThat(replaced.get(GEXT).get("admin").asBoolean()).isTrue();
    assertThat(replaced.get(GEXT).get("ldapGroupNames").toString()).contains("group1", "group2");
    JsonNode admins =
        scim.get("/Groups?filter=" + ScimClient.encode(GEXT + ":admin eq true")).json();
    assertThat(RosterExtensionHttpTest.ids(admins)).contains(id);
    scim.delete("/Groups/" + id).expectStatus(204);
  }

  /** DataSentinel: roles assigned and removed one at a time; assigning one twice is 409. */
  @Test
  void dataSentinelAssignsAndRemovesRolesOneAtATime() {
    String id =
        scim.createUser(
            "{\"userName\":\"%s@datasentinel.io\",\"roles\":[{\"value\":\"role_1\"}],\"%s\":{\"comment\":\"My comment\",\"profile\":\"DESIGNER\"}}"
                .formatted(unique("myUser"), EXT));
    String assign = "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"role_2\"}]}";
    scim.patch("/Users/" + id, ops(assign)).expectStatus(200);
    scim.patch("/Users/" + id, ops(assign)).expectError(409, "uniqueness");
    scim.patch(
            "/Users/" + id, ops("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"role_2\\\"]\"}"))
        .expectStatus(200);
    JsonNode user = scim.get("/Users/" + id).json();
    assertThat(user.get("roles").toString()).contains("role_1").doesNotContain("role_2");
    assertThat(user.get(EXT).get("comment").asText()).isEqualTo("My comment");
  }

  /** WAII update_config: updated keys and deleted keys, by PATCH on userProperties. */
  @Test
  void waiiUpdatesAndDeletesPerUserConfigKeys() {
    String id = scim.createUser(body(unique("waii"), "", "{}"));
    JsonNode updated =
        scim.patch(
                "/Users/" + id,
                ops(
                    "{\"op\":\"add\",\"path\":\"%s:userProperties\",\"value\":[{\"key\":\"key1\",\"value\":\"value1\"},{\"key\":\"key2\",\"value\":\"value2\"}]}"
                        .formatted(EXT)))
            .expectStatus(200)
            .json();
    assertThat(updated.get(EXT).get("userProperties")).hasSize(2);
    JsonNode after =
        scim.patch(
                "/Users/" + id,
                ops(
                    "{\"op\":\"replace\",\"path\":\"%s:userProperties[key eq \\\"key1\\\"].value\",\"value\":\"value1b\"}"
                        .formatted(EXT),
                    "{\"op\":\"remove\",\"path\":\"%s:userProperties[key eq \\\"key2\\\"]\"}"
                        .formatted(EXT)))
            .expectStatus(200)
            .json();
    JsonNode props = after.get(EXT).get("userProperties");
    assertThat(props).hasSize(1);
    assertThat(props.at("/0/value").asText()).isEqualTo("value1b");
    JsonNode found =
        scim.get(
                "/Users?filter="
                    + ScimClient.encode(
                        EXT + ":userProperties[key eq \"key1\" and value eq \"value1b\"]"))
            .json();
    assertThat(RosterExtensionHttpTest.ids(found)).contains(id);
  }

  /** Opendatasoft: the last administrator cannot be deleted, disabled or demoted. */
  @Test
  void theLastActiveAdministratorCannotBeDeletedDisabledOrDemoted() {
    String admin =
        scim.createUser(
            "{\"userName\":\"%s\",\"roles\":[{\"value\":\"admin\"}]}".formatted(unique("boss")));
    String groupAdmin = scim.createUser("{\"userName\":\"%s\"}".formatted(unique("gboss")));
    String group =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"members\":[{\"value\":\"%s\"}],\"%s\":{\"admin\":true}}"
                .formatted(unique("admins"), groupAdmin, GEXT));
    // Two administrators: one may go.
    scim.patch("/Users/" + admin, ops("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
        .expectStatus(200);
    // The other is now the last: not removed from the admin group, not disabled, not deleted.
    Reply removed =
        scim.patch(
            "/Groups/" + group,
            ops(
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"%s\\\"]\"}"
                    .formatted(groupAdmin)));
    removed.expectError(409, null);
    assertThat(removed.detail()).contains("without an active administrator");
    scim.patch(
            "/Groups/" + group,
            ops("{\"op\":\"replace\",\"path\":\"%s:admin\",\"value\":false}".formatted(GEXT)))
        .expectError(409, null);
    scim.patch(
            "/Users/" + groupAdmin, ops("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"))
        .expectError(409, null);
    scim.delete("/Users/" + groupAdmin).expectError(409, null);
    scim.delete("/Groups/" + group).expectError(409, null);
    // Nothing was written by the refused requests.
    scim.get("/Users/" + groupAdmin).expectStatus(200);
    JsonNode members = scim.get("/Groups/" + group).json().get("members");
    assertThat(members.toString()).contains(groupAdmin);
    // With another administrator back, the first may go.
    scim.patch("/Users/" + admin, ops("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}"))
        .expectStatus(200);
    scim.delete("/Users/" + groupAdmin).expectStatus(204);
    Reply demote =
        scim.patch(
            "/Users/" + admin,
            ops("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"admin\\\"]\"}"));
    demote.expectError(409, null);
  }
}
