package dev.roster.scim;

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
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code attributes} / {@code excludedAttributes} on reads and writes (RFC 7644 §3.9) and {@code
 * POST …/.search} at the root and per type (RFC 7644 §3.4.3), on H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class ProjectionAndSearchHttpTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  private static TestServer server;
  private static ScimClient scim;
  private static List<String> userIds;
  private static String teamId;

  @Parameter Db db;

  @BeforeParameterizedClassInvocation
  static void load(Db db) {
    server = TestServer.start(db);
    scim = server.client();
    userIds = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      userIds.add(scim.createUser(user("s-0" + i)));
    }
    teamId =
        scim.createGroup(
            """
            {"displayName":"s-team","members":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}"""
                .formatted(userIds.get(0), userIds.get(1), userIds.get(2)));
    scim.createGroup("{\"displayName\":\"s-empty\"}");
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  private static String user(String userName) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%2$s"],"userName":"%1$s",
         "password":"correct horse battery staple",
         "name":{"givenName":"Given %1$s","familyName":"Family %1$s"},"title":"Tester",
         "emails":[{"value":"%1$s@example.com","type":"work","primary":true}],
         "%2$s":{"employeeNumber":"42","department":"QA"}}"""
        .formatted(userName, ENTERPRISE);
  }

  private static List<String> names(JsonNode resource) {
    List<String> names = new ArrayList<>();
    resource.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void attributesReturnsOnlyThoseNamedPlusIdAndSchemas() {
    JsonNode user =
        scim.get("/Users/" + userIds.get(0) + "?attributes=userName").expectStatus(200).json();
    assertThat(names(user)).containsExactlyInAnyOrder("schemas", "id", "userName");
  }

  @Test
  void subAttributesAreProjectedInsideComplexAndMultiValuedAttributes() {
    JsonNode user =
        scim.get("/Users/" + userIds.get(0) + "?attributes=NAME.givenName,emails.VALUE").json();
    assertThat(names(user)).containsExactlyInAnyOrder("schemas", "id", "name", "emails");
    assertThat(names(user.get("name"))).containsExactly("givenName");
    assertThat(names(user.at("/emails/0"))).containsExactly("value");
  }

  @Test
  void excludedAttributesRemovesThoseNamedButNeverTheId() {
    JsonNode user =
        scim.get(
                "/Users/" + userIds.get(0) + "?excludedAttributes=emails,name.familyName,id,groups")
            .json();
    assertThat(user.has("emails")).isFalse();
    assertThat(user.has("groups")).isFalse();
    assertThat(names(user.get("name"))).containsExactly("givenName");
    assertThat(user.has("id")).isTrue();
    assertThat(user.has("meta")).isTrue();
    assertThat(user.has("title")).isTrue();
  }

  @Test
  void theExtensionIsProjectedByItsUrnOrByItsAttributes() {
    JsonNode whole = scim.get("/Users/" + userIds.get(0) + "?attributes=" + ENTERPRISE).json();
    assertThat(names(whole)).containsExactlyInAnyOrder("schemas", "id", ENTERPRISE);
    JsonNode one =
        scim.get("/Users/" + userIds.get(0) + "?attributes=" + ENTERPRISE + ":department").json();
    assertThat(names(one.get(ENTERPRISE))).containsExactly("department");
    JsonNode without =
        scim.get("/Users/" + userIds.get(0) + "?excludedAttributes=" + ENTERPRISE).json();
    assertThat(without.has(ENTERPRISE)).isFalse();
    // Core and Roster's extension (every user has a source) remain.
    assertThat(without.get("schemas")).hasSize(2);
  }

  @Test
  void groupsAppearOnlyWhenShown() {
    JsonNode user = scim.get("/Users/" + userIds.get(0)).json();
    assertThat(user.at("/groups/0/value").asText()).isEqualTo(teamId);
    JsonNode only = scim.get("/Users/" + userIds.get(0) + "?attributes=groups.display").json();
    assertThat(names(only.at("/groups/0"))).containsExactly("display");
  }

  @Test
  void thePasswordIsNeverReturnedEvenWhenAskedFor() {
    Reply reply = scim.get("/Users/" + userIds.get(0) + "?attributes=password,userName");
    assertThat(names(reply.json())).containsExactlyInAnyOrder("schemas", "id", "userName");
    assertThat(reply.body()).doesNotContain("correct horse");
  }

  @Test
  void unknownNamesAndBothParametersAre400InvalidValue() {
    assertThat(
            scim.get("/Users/" + userIds.get(0) + "?attributes=userNmae")
                .expectError(400, "invalidValue")
                .detail())
        .contains("userNmae");
    scim.get("/Users?excludedAttributes=emails.nope").expectError(400, "invalidValue");
    scim.get("/Users?attributes=userName&excludedAttributes=emails")
        .expectError(400, "invalidValue");
  }

  @Test
  void listsAreProjectedToo() {
    JsonNode list =
        scim.get(
                "/Users?filter=" + ScimClient.encode("userName sw \"s-\"") + "&attributes=userName")
            .json();
    assertThat(list.get("totalResults").asInt()).isEqualTo(5);
    list.get("Resources")
        .forEach(r -> assertThat(names(r)).containsExactlyInAnyOrder("schemas", "id", "userName"));
  }

  @Test
  void createAndReplaceResponsesAreProjectedAndKeepTheirHeaders() {
    Reply created =
        scim.post("/Users?attributes=userName", "{\"userName\":\"s-projected\",\"title\":\"T\"}")
            .expectStatus(201);
    assertThat(names(created.json())).containsExactlyInAnyOrder("schemas", "id", "userName");
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).endsWith("/Users/" + id);
    assertThat(created.header("ETag")).startsWith("W/\"");
    Reply replaced =
        scim.put(
                "/Users/" + id + "?excludedAttributes=meta,title",
                "{\"userName\":\"s-projected\",\"title\":\"U\"}")
            .expectStatus(200);
    assertThat(replaced.json().has("meta")).isFalse();
    assertThat(replaced.json().has("title")).isFalse();
    assertThat(replaced.header("Content-Location")).endsWith("/Users/" + id);
    scim.delete("/Users/" + id).expectStatus(204);
  }

  @Test
  void aGroupWithoutMembersShownOrWithOnlySomeOfTheirSubAttributes() {
    JsonNode without = scim.get("/Groups/" + teamId + "?excludedAttributes=members").json();
    assertThat(without.has("members")).isFalse();
    assertThat(without.get("displayName").asText()).isEqualTo("s-team");
    JsonNode values = scim.get("/Groups/" + teamId + "?attributes=members.value").json();
    assertThat(names(values)).containsExactlyInAnyOrder("schemas", "id", "members");
    assertThat(values.get("members")).hasSize(3);
    values.get("members").forEach(m -> assertThat(names(m)).containsExactly("value"));
    JsonNode full = scim.get("/Groups/" + teamId).json();
    assertThat(names(full))
        .containsExactly(
            "schemas",
            "id",
            "displayName",
            "members",
            "urn:roster:scim:extension:2.0:Group",
            "meta");
    assertThat(full.at("/members/0/display").asText()).startsWith("s-0");
  }

  @Test
  void dotSearchPerTypeAnswersLikeGet() {
    String body =
        """
        {"schemas":["%s"],"filter":"userName sw \\"s-0\\"","sortBy":"userName",
         "sortOrder":"descending","startIndex":2,"count":2,"attributes":["userName"]}"""
            .formatted(SEARCH);
    JsonNode posted = scim.post("/Users/.search", body).expectStatus(200).json();
    JsonNode got =
        scim.get(
                "/Users?filter="
                    + ScimClient.encode("userName sw \"s-0\"")
                    + "&sortBy=userName&sortOrder=descending&startIndex=2&count=2&attributes=userName")
            .json();
    assertThat(posted).isEqualTo(got);
    assertThat(posted.at("/Resources/0/userName").asText()).isEqualTo("s-04");
  }

  /**
   * A search narrowed to a few users reads them whole in the statement that finds them, any other
   * reads its page's users again by id (SqlSearch): both must show each user as GET does.
   */
  @Test
  void searchesShowEachUserExactlyAsGetDoes() {
    record Case(String query, int found) {}
    List<Case> cases =
        List.of(
            new Case("filter=" + ScimClient.encode("userName eq \"S-02\""), 1),
            new Case("filter=" + ScimClient.encode("emails.value eq \"s-03@example.com\""), 1),
            new Case(
                "filter="
                    + ScimClient.encode("userName eq \"s-01\" or userName eq \"s-04\"")
                    + "&sortBy=userName&sortOrder=descending",
                2),
            new Case("filter=" + ScimClient.encode("userName sw \"s-0\"") + "&count=3", 3),
            new Case("filter=" + ScimClient.encode("userName eq \"s-05\"") + "&cursor=", 1));
    for (Case c : cases) {
      JsonNode page = scim.get("/Users?" + c.query()).expectStatus(200).json();
      assertThat(page.get("Resources")).as(c.query()).hasSize(c.found());
      for (JsonNode found : page.get("Resources")) {
        assertThat(found)
            .as(c.query())
            .isEqualTo(scim.get("/Users/" + found.get("id").asText()).json());
      }
    }
    JsonNode both =
        scim.get(
                "/Users?filter="
                    + ScimClient.encode("userName eq \"s-01\" or userName eq \"s-04\"")
                    + "&sortBy=userName&sortOrder=descending")
            .json();
    assertThat(both.at("/Resources/0/userName").asText()).isEqualTo("s-04");
    assertThat(both.at("/Resources/0/groups")).isEmpty();
    assertThat(both.at("/Resources/1/groups/0/value").asText()).isEqualTo(teamId);
  }

  @Test
  void dotSearchPagesByCursor() {
    String first =
        """
        {"filter":"userName sw \\"s-0\\"","cursor":"","count":3}""";
    JsonNode page = scim.post("/Users/.search", first).expectStatus(200).json();
    assertThat(page.get("Resources")).hasSize(3);
    String next =
        """
        {"filter":"userName sw \\"s-0\\"","cursor":"%s","count":3}"""
            .formatted(page.get("nextCursor").asText());
    JsonNode second = scim.post("/Users/.search", next).expectStatus(200).json();
    assertThat(second.get("Resources")).hasSize(2);
    assertThat(second.has("nextCursor")).isFalse();
  }

  @Test
  void groupsDotSearchCanLeaveMembersOut() {
    JsonNode page =
        scim.post(
                "/Groups/.search",
                """
                {"filter":"displayName eq \\"s-team\\"","excludedAttributes":["members"]}""")
            .expectStatus(200)
            .json();
    assertThat(page.get("totalResults").asInt()).isEqualTo(1);
    assertThat(page.at("/Resources/0").has("members")).isFalse();
  }

  @Test
  void rootDotSearchFindsUsersThenGroups() {
    String filter = "userName sw \\\"s-0\\\" or displayName sw \\\"s-\\\"";
    JsonNode all =
        scim.post("/.search", "{\"filter\":\"" + filter + "\",\"sortBy\":\"meta.created\"}")
            .expectStatus(200)
            .json();
    assertThat(all.get("totalResults").asInt()).isEqualTo(7);
    List<String> types = new ArrayList<>();
    all.get("Resources").forEach(r -> types.add(r.at("/meta/resourceType").asText()));
    assertThat(types).containsExactly("User", "User", "User", "User", "User", "Group", "Group");
    assertThat(all.at("/Resources/5/members")).hasSize(3);
    JsonNode straddling =
        scim.post("/.search", "{\"filter\":\"" + filter + "\",\"startIndex\":5,\"count\":2}")
            .json();
    assertThat(straddling.at("/Resources/0/meta/resourceType").asText()).isEqualTo("User");
    assertThat(straddling.at("/Resources/1/meta/resourceType").asText()).isEqualTo("Group");
  }

  @Test
  void rootDotSearchWalksUsersAndGroupsByCursor() {
    String filter = "userName sw \\\"s-0\\\" or displayName sw \\\"s-\\\"";
    List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int pages = 0; pages < 10; pages++) {
      JsonNode page =
          scim.post(
                  "/.search",
                  "{\"filter\":\"%s\",\"count\":2,\"cursor\":\"%s\",\"attributes\":[\"displayName\"]}"
                      .formatted(filter, cursor))
              .expectStatus(200)
              .json();
      page.get("Resources").forEach(r -> seen.add(r.get("id").asText()));
      if (!page.has("nextCursor")) {
        break;
      }
      cursor = page.get("nextCursor").asText();
    }
    assertThat(seen).hasSize(7).doesNotHaveDuplicates().contains(teamId);
  }

  @Test
  void badSearchRequestsAre400s() {
    assertThat(
            scim.post("/Users/.search", "{\"filters\":\"userName pr\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("filters");
    scim.post("/Users/.search", "{\"schemas\":[\"urn:nope\"]}").expectError(400, "invalidSyntax");
    scim.post("/Users/.search", "{\"count\":\"many\"}").expectError(400, "invalidValue");
    scim.post("/Users/.search", "{\"sortOrder\":\"sideways\"}").expectError(400, "invalidValue");
    scim.post("/Users/.search", "{\"filter\":\"userName eq\"}").expectError(400, "invalidFilter");
    scim.post("/.search", "{\"filter\":\"nope eq 1\"}").expectError(400, "invalidFilter");
    scim.post("/.search", "{\"sortBy\":\"userName\"}").expectError(400, "invalidValue");
    scim.post("/.search", "{\"attributes\":[\"nope\"]}").expectError(400, "invalidValue");
    JsonNode descending =
        scim.post("/Users/.search", "{\"sortBy\":\"userName\",\"sortOrder\":\"Descending\"}")
            .expectStatus(200)
            .json();
    assertThat(descending.at("/Resources/0/userName").asText()).isEqualTo("s-05");
  }
}
