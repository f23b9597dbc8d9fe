package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.domain.Scope;
import dev.roster.domain.Tenant;
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

/** Roster's User and Group extensions and their rules, over HTTP, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class RosterExtensionHttpTest {
  static final String EXT = "urn:roster:scim:extension:2.0:User";
  static final String GEXT = "urn:roster:scim:extension:2.0:Group";
  private final TestServer server;
  private final ScimClient scim;

  RosterExtensionHttpTest(Db db) {
    this.server = TestServer.shared(db);
    this.scim = server.client();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String user(String userName, String extension) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"Ada","familyName":"Lovelace"},"displayName":"Ada",
         "emails":[{"value":"%s@example.com","primary":true}]%s}"""
        .formatted(userName, userName, extension == null ? "" : ",\"" + EXT + "\":" + extension);
  }

  private ScimClient withScope(Scope scope) {
    String token =
        server
            .roster()
            .tokens()
            .create(Tenant.DEFAULT_ID, unique("token"), scope, null, null)
            .secret();
    return server.client(token);
  }

  private static String patch(String... operations) {
    return ScimClient.patchOps(operations);
  }

  @Test
  void theExtensionsAreServedWithRealAttributeDefinitions() {
    JsonNode schema = scim.get("/Schemas/" + EXT).expectStatus(200).json();
    List<String> names = new ArrayList<>();
    schema.get("attributes").forEach(a -> names.add(a.get("name").asText()));
    assertThat(names)
        .contains(
            "source",
            "profile",
            "hidden",
            "userProperties",
            "secrets",
            "credentials",
            "trial",
            "effectivePermissions");
    JsonNode secrets = find(schema.get("attributes"), "secrets");
    JsonNode value = find(secrets.get("subAttributes"), "value");
    assertThat(value.get("mutability").asText()).isEqualTo("writeOnly");
    assertThat(value.get("returned").asText()).isEqualTo("never");
    scim.get("/Schemas/" + GEXT).expectStatus(200);
    JsonNode types = scim.get("/ResourceTypes").expectStatus(200).json();
    assertThat(types.toString()).contains(EXT).contains(GEXT);
  }

  private static JsonNode find(JsonNode attributes, String name) {
    for (JsonNode a : attributes) {
      if (a.get("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError(name + " not in " + attributes);
  }

  @Test
  void aPasswordMakesLocalAndNoneMakesLocalNoAuthWithTheDefaultProfile() {
    JsonNode local =
        scim.post(
                "/Users",
                user(unique("local"), null).replaceFirst("\\{", "{\"password\":\"s3cret-Pass!\","))
            .expectStatus(201)
            .json();
    assertThat(local.at("/" + escape(EXT) + "/source").asText()).isEqualTo("LOCAL");
    assertThat(local.at("/" + escape(EXT) + "/profile").asText()).isEqualTo("READER");
    JsonNode sso = scim.post("/Users", user(unique("sso"), null)).expectStatus(201).json();
    assertThat(sso.at("/" + escape(EXT) + "/source").asText()).isEqualTo("LOCAL_NO_AUTH");
  }

  static String escape(String urn) {
    return urn.replace("~", "~0").replace("/", "~1");
  }

  @Test
  void aPasswordForALocalNoAuthUserIs400() {
    scim.post(
            "/Users",
            user(unique("nopw"), "{\"source\":\"LOCAL_NO_AUTH\"}")
                .replaceFirst("\\{", "{\"password\":\"s3cret-Pass!\","))
        .expectError(400, "invalidValue");
    String id = scim.createUser(user(unique("nopw"), null));
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"password\",\"value\":\"x-Y-z-1\"}"))
        .expectError(400, "invalidValue");
  }

  @Test
  void theSourceIsImmutable() {
    String id = scim.createUser(user(unique("src"), null));
    Reply reply =
        scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"" + EXT + ":source\",\"value\":\"LOCAL\"}"));
    reply.expectError(400, "mutability");
  }

  @Test
  void ldapOwnedAttributesAre400MutabilityNamingThemUnderPutPatchAndBulk() {
    String userName = unique("ldap");
    String id = scim.createUser(user(userName, "{\"source\":\"LDAP\"}"));
    Reply put = scim.put("/Users/" + id, user(userName, null).replace("\"Ada\"", "\"Augusta\""));
    put.expectError(400, "mutability");
    assertThat(put.detail()).contains("displayName").contains("name.givenName");
    Reply patched =
        scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Byron\"}"));
    patched.expectError(400, "mutability");
    assertThat(patched.detail()).contains("name.familyName");
    Reply bulk =
        scim.post(
            "/Bulk",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
             {"method":"PATCH","path":"/Users/%s","data":%s}]}"""
                .formatted(
                    id, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"B\"}")));
    bulk.expectStatus(200);
    assertThat(bulk.json().at("/Operations/0/status").asText()).isEqualTo("400");
    assertThat(bulk.json().at("/Operations/0/response/scimType").asText()).isEqualTo("mutability");
    // What the directory does not own stays editable.
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"add\",\"path\":\"" + EXT + ":comment\",\"value\":\"ok\"}"))
        .expectStatus(200);
  }

  @Test
  void secretsAndCredentialPasswordsAreNeverReturnedButTheirNamesAndDatesAre() {
    String id =
        scim.createUser(
            user(
                unique("sec"),
                """
                {"secrets":[{"name":"api","value":"TOPSECRET-1"}],
                 "credentials":[{"name":"warehouse","kind":"connection","type":"BASIC",
                                 "user":"svc","password":"TOPSECRET-2"}]}"""));
    Reply get = scim.get("/Users/" + id).expectStatus(200);
    assertThat(get.body()).doesNotContain("TOPSECRET");
    JsonNode ext = get.json().get(EXT);
    assertThat(ext.at("/secrets/0/name").asText()).isEqualTo("api");
    assertThat(ext.at("/secrets/0/lastUpdate").asText()).isNotBlank();
    assertThat(ext.at("/credentials/0/user").asText()).isEqualTo("svc");
    assertThat(ext.at("/credentials/0/type").asText()).isEqualTo("BASIC");
    // A PATCH that changes something else keeps the values; a new secret needs one.
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"" + EXT + ":comment\",\"value\":\"c\"}"))
        .expectStatus(200);
    JsonNode after = scim.get("/Users/" + id).json().get(EXT);
    assertThat(after.at("/secrets/0/lastUpdate")).isEqualTo(ext.at("/secrets/0/lastUpdate"));
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"add\",\"path\":\"" + EXT + ":secrets\",\"value\":[{\"name\":\"x\"}]}"))
        .expectError(400, "invalidValue");
    scim.get("/Users?filter=" + ScimClient.encode(EXT + ":secrets.value eq \"TOPSECRET-1\""))
        .expectError(400, "invalidFilter");
    Reply listed =
        scim.get(
            "/Users?filter="
                + ScimClient.encode(EXT + ":credentials.name eq \"warehouse\"")
                + "&attributes="
                + ScimClient.encode(EXT + ":credentials"));
    assertThat(listed.json().get("totalResults").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(listed.body()).doesNotContain("TOPSECRET");
  }

  @Test
  void adminOnlyAttributesNeedTheAdminScope() {
    ScimClient writer = withScope(Scope.WRITE);
    String id = writer.createUser(user(unique("scoped"), "{\"comment\":\"by a writer\"}"));
    writer
        .patch(
            "/Users/" + id,
            patch(
                "{\"op\":\"add\",\"path\":\""
                    + EXT
                    + ":adminProperties\",\"value\":[{\"key\":\"k\",\"value\":\"v\"}]}"))
        .expectError(403, null);
    writer
        .patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"" + EXT + ":profile\",\"value\":\"DESIGNER\"}"))
        .expectError(403, null);
    writer
        .post(
            "/Users", user(unique("trial"), "{\"trial\":{\"expiresOn\":\"2030-01-01T00:00:00Z\"}}"))
        .expectError(403, null);
    // A writer's PUT without them leaves them as an admin set them.
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"" + EXT + ":profile\",\"value\":\"DESIGNER\"}"))
        .expectStatus(200);
    String userName = scim.get("/Users/" + id).json().get("userName").asText();
    JsonNode put =
        writer
            .put("/Users/" + id, user(userName, "{\"comment\":\"again\"}"))
            .expectStatus(200)
            .json();
    assertThat(put.at("/" + escape(EXT) + "/profile").asText()).isEqualTo("DESIGNER");
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"" + EXT + ":profile\",\"value\":\"NOPE\"}"))
        .expectError(400, "invalidValue");
  }

  @Test
  void hiddenUsersAreLeftOutOfListsUnlessAskedFor() {
    String userName = unique("hidden");
    String id = scim.createUser(user(userName, "{\"hidden\":true}"));
    String byName = "filter=" + ScimClient.encode("userName eq \"" + userName + "\"");
    assertThat(scim.get("/Users?" + byName).json().get("totalResults").asInt()).isZero();
    assertThat(
            scim.get("/Users?" + byName + "&includeHidden=true").json().get("totalResults").asInt())
        .isEqualTo(1);
    String named =
        "filter="
            + ScimClient.encode("userName eq \"" + userName + "\" and " + EXT + ":hidden eq true");
    assertThat(scim.get("/Users?" + named).json().get("totalResults").asInt()).isEqualTo(1);
    scim.get("/Users/" + id).expectStatus(200);
  }

  @Test
  void effectivePermissionsFollowNestedGroupsAndFilterBothWays() {
    String perm = unique("perm");
    String direct = scim.createUser(user(unique("direct"), null));
    scim.patch(
            "/Users/" + direct,
            patch(
                "{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[{\"value\":\""
                    + perm
                    + "\"}]}"))
        .expectStatus(200);
    String nested = scim.createUser(user(unique("nested"), null));
    String inner =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"members\":[{\"value\":\"%s\"}]}"
                .formatted(unique("inner"), nested));
    scim.createGroup(
        "{\"displayName\":\"%s\",\"members\":[{\"value\":\"%s\"}],\"%s\":{\"permissions\":[\"%s\"]}}"
            .formatted(unique("outer"), inner, GEXT, perm));
    JsonNode user = scim.get("/Users/" + nested).json();
    assertThat(user.get(EXT).get("effectivePermissions").toString()).contains(perm);
    // Groups are read only when shown, and permissions asked only of users in some group.
    JsonNode alone =
        scim.get("/Users/" + nested + "?attributes=" + EXT + ":effectivePermissions").json();
    assertThat(alone.get(EXT).get("effectivePermissions").toString()).contains(perm);
    assertThat(scim.get("/Users/" + direct).json().get(EXT).get("effectivePermissions"))
        .extracting(JsonNode::asText)
        .containsExactly(perm);
    assertThat(holdersOf(perm)).containsExactlyInAnyOrder(direct, nested);
    JsonNode directly =
        scim.get("/Users?filter=" + ScimClient.encode("entitlements.value eq \"" + perm + "\""))
            .json();
    assertThat(ids(directly)).containsExactly(direct);
    JsonNode groups =
        scim.get("/Groups?filter=" + ScimClient.encode(GEXT + ":permissions eq \"" + perm + "\""))
            .json();
    assertThat(groups.get("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  void effectivePermissionsThroughACycleOfGroupsAreFoundOnce() {
    String perm = unique("cycle-perm");
    String member = scim.createUser(user(unique("cycled"), null));
    String first =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"members\":[{\"value\":\"%s\"}]}"
                .formatted(unique("first"), member));
    String second =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"members\":[{\"value\":\"%s\"}],\"%s\":{\"permissions\":[\"%s\"]}}"
                .formatted(unique("second"), first, GEXT, perm));
    // first holds second and second holds first: walking up from the user never ends by itself.
    scim.patch(
            "/Groups/" + first,
            patch(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + second + "\"}]}"))
        .expectStatus(204);
    JsonNode user = scim.get("/Users/" + member).expectStatus(200).json();
    assertThat(user.get(EXT).get("effectivePermissions"))
        .extracting(JsonNode::asText)
        .containsExactly(perm);
    assertThat(holdersOf(perm)).containsExactly(member);
  }

  /** The ids of the users a filter on effectivePermissions finds holding {@code permission}. */
  private List<String> holdersOf(String permission) {
    return ids(
        scim.get(
                "/Users?filter="
                    + ScimClient.encode(EXT + ":effectivePermissions eq \"" + permission + "\""))
            .expectStatus(200)
            .json());
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.path("Resources").forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  @Test
  void ldapGroupNamesOfALocalGroupAreWhatTheSyncReads() {
    String id =
        scim.createGroup(
            "{\"displayName\":\"%s\",\"%s\":{\"description\":\"d\",\"admin\":false,\"ldapGroupNames\":[\"cn=a\",\"cn=b\"]}}"
                .formatted(unique("mapped"), GEXT));
    JsonNode group = scim.get("/Groups/" + id).expectStatus(200).json();
    assertThat(group.get(GEXT).get("ldapGroupNames").toString()).contains("cn=a", "cn=b");
    assertThat(group.get(GEXT).get("source").asText()).isEqualTo("LOCAL");
    assertThat(group.get(GEXT).get("description").asText()).isEqualTo("d");
  }

  @Test
  void rolesAreAddedOneAtATimeAndADuplicateIs409() {
    String id = scim.createUser(user(unique("roles"), null));
    String add = "{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"analyst\"}]}";
    scim.patch("/Users/" + id, patch(add)).expectStatus(200);
    scim.patch("/Users/" + id, patch(add)).expectError(409, "uniqueness");
    scim.patch(
            "/Users/" + id,
            patch("{\"op\":\"remove\",\"path\":\"roles[value eq \\\"analyst\\\"]\"}"))
        .expectStatus(200);
    assertThat(scim.get("/Users/" + id).json().has("roles")).isFalse();
  }
}
